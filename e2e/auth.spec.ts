import { accounts, en, expect, signIn, signOut, test, zh } from "./fixtures";

const PROVINCE_NAMES: Record<string, { zh: string; en: string }> = {
  "330000": { zh: "浙江省", en: "Zhejiang" },
  "440000": { zh: "广东省", en: "Guangdong" },
  "110000": { zh: "北京市", en: "Beijing" },
};

// Each demo account: where it lands and what the header says (staff.bj's saved language is English).
const cases = [
  { account: accounts.admin, messages: zh, locale: "zh" as const },
  { account: accounts.reviewer, messages: zh, locale: "zh" as const },
  { account: accounts.reviewerZj, messages: zh, locale: "zh" as const },
  { account: accounts.staffZj, messages: zh, locale: "zh" as const },
  { account: accounts.staffGd, messages: zh, locale: "zh" as const },
  { account: accounts.staffBj, messages: en, locale: "en" as const },
];

for (const { account, messages, locale } of cases) {
  test(`${account.email} signs in and sees who they are`, async ({ page }) => {
    await signIn(page, account);

    const scope = account.provinceCode ? PROVINCE_NAMES[account.provinceCode]![locale] : messages.common.national;
    await expect(page.getByTestId("current-user")).toHaveText(`${account.name} · ${messages.roles[account.role]} · ${scope}`);
    // Anyone bound to a province lands on it; national users on the national overview.
    await expect(page).toHaveURL(account.provinceCode ? `/provinces/${account.provinceCode}` : "/overview");
  });
}

test("a wrong password and an unknown email get the same refusal", async ({ page, loginPage }) => {
  await loginPage.goto();
  await loginPage.fillAndSubmit(accounts.staffZj.email, "wrong-password-2026");
  await expect(loginPage.error).toHaveText(zh.login.failed);
  await expect(page).toHaveURL(/\/login$/);

  await loginPage.goto();
  await loginPage.fillAndSubmit("nobody-here@demo.gov.cn", accounts.staffZj.password);
  await expect(loginPage.error).toHaveText(zh.login.failed);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId("current-user")).toHaveCount(0);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, accounts.staffGd);
  await expect(page.getByTestId("current-user")).toContainText(accounts.staffGd.name);

  await signOut(page);
  await expect(page.locator("form.login-form")).toBeVisible();

  for (const path of ["/provinces", "/provinces/440000", "/"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login$/);
  }
});

test("an anonymous visitor is sent to the login page", async ({ page }) => {
  await page.goto("/provinces");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.locator("form.login-form")).toBeVisible();
  await expect(page.getByTestId("current-user")).toHaveCount(0);
});
