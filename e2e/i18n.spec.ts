import type { Page } from "@playwright/test";
import { en, expect, signIn, signOut, test, zh } from "./fixtures";
import { LoginPage } from "./pages/login-page";

const html = (page: Page) => page.locator("html");
const nav = (page: Page, messages: typeof zh) => page.getByRole("navigation", { name: messages.nav.label });

async function switchTo(page: Page, language: "中文" | "English") {
  await page.getByRole("button", { name: language, exact: true }).click();
}

test("the login page switches language before signing in", async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await expect(html(page)).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.app.name);
  await expect(login.submit).toHaveText(zh.login.submit);
  await expect(page.getByRole("button", { name: "中文", exact: true })).toHaveAttribute("aria-pressed", "true");

  await switchTo(page, "English");
  await expect(html(page)).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.app.name);
  await expect(login.submit).toHaveText(en.login.submit);
  await expect(login.email).toBeVisible(); // labelled "Email" now
  await expect(page.getByRole("button", { name: "English", exact: true })).toHaveAttribute("aria-pressed", "true");

  // The choice survives a reload (it is a cookie).
  await page.reload();
  await expect(html(page)).toHaveAttribute("lang", "en");

  await switchTo(page, "中文");
  await expect(html(page)).toHaveAttribute("lang", "zh-CN");
  await expect(login.submit).toHaveText(zh.login.submit);
});

test("English stays on across pages and sign-ins, and Chinese comes back", async ({ page, createUser }) => {
  // A fresh account: switching language while signed in also saves it as the account's setting.
  const user = await createUser({ role: "staff", provinceCode: "330000" });
  await signIn(page, user);

  // Default: Chinese.
  await expect(html(page)).toHaveAttribute("lang", "zh-CN");
  await expect(nav(page, zh).getByRole("link", { name: zh.nav.provinces })).toBeVisible();
  await expect(page.getByRole("heading", { name: zh.province.centres, exact: true })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText(`${user.name} · ${zh.roles.staff} · 浙江省`);

  await switchTo(page, "English");
  await expect(html(page)).toHaveAttribute("lang", "en");
  await expect(nav(page, en).getByRole("link", { name: en.nav.provinces })).toBeVisible();
  await expect(page.getByRole("heading", { name: en.province.centres, exact: true })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText(`${user.name} · ${en.roles.staff} · Zhejiang`);

  // Across navigation.
  await nav(page, en).getByRole("link", { name: en.nav.provinces }).click();
  await expect(page).toHaveURL("/provinces");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.provinces.title);
  await expect(html(page)).toHaveAttribute("lang", "en");
  await page.getByRole("link", { name: "Zhejiang" }).click();
  await expect(page.getByRole("heading", { name: en.province.targets })).toBeVisible();

  // After signing out and in again.
  await signOut(page);
  await expect(html(page)).toHaveAttribute("lang", "en");
  await expect(new LoginPage(page).submit).toHaveText(en.login.submit);
  await signIn(page, user);
  await expect(html(page)).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: en.nav.signOut })).toBeVisible();

  // And back to Chinese.
  await switchTo(page, "中文");
  await expect(html(page)).toHaveAttribute("lang", "zh-CN");
  await expect(nav(page, zh).getByRole("link", { name: zh.nav.provinces })).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveText(`${user.name} · ${zh.roles.staff} · 浙江省`);
  await page.reload();
  await expect(page.getByRole("heading", { name: zh.province.centres, exact: true })).toBeVisible();
});
