import { expect, field, signIn, test, uniqueSuffix, zh } from "./fixtures";
import { LoginPage } from "./pages/login-page";

test.describe("changing one's own password", () => {
  test("refuses a common password with the message and keeps the old one", async ({ createUser, signedInPage }) => {
    const user = await createUser();
    const page = await signedInPage(user);
    await page.getByRole("link", { name: zh.password.nav }).click();
    await expect(page).toHaveURL("/settings/password");
    const form = page.getByRole("main").locator("form");
    await field(form, zh.password.current).fill(user.password);
    await field(form, zh.password.new).fill("WoAiNi1314");
    await field(form, zh.password.confirm).fill("WoAiNi1314");
    await form.getByRole("button", { name: zh.password.save }).click();
    await expect(field(form, zh.password.new)).toHaveAttribute("aria-invalid", "true");
    await expect(field(form, zh.password.new)).toHaveAccessibleDescription(new RegExp(zh.validation.passwordCommon));
    // Nothing typed is echoed back.
    await expect(field(form, zh.password.current)).toHaveValue("");
  });

  test("ends the other browser's session and signs in with the new password", async ({ browser, createUser, signedInPage }) => {
    const user = await createUser();
    const other = await signedInPage(user);
    const page = await signedInPage(user);
    const newPassword = `new-phrase-${uniqueSuffix()}`;

    await page.goto("/settings/password");
    const form = page.getByRole("main").locator("form");
    await field(form, zh.password.current).fill(user.password);
    await field(form, zh.password.new).fill(newPassword);
    await field(form, zh.password.confirm).fill(newPassword);
    await form.getByRole("button", { name: zh.password.save }).click();
    await expect(form.getByText(zh.password.changed)).toBeVisible();

    // This browser stays signed in; the other one is sent to the login page on its next request.
    await page.goto("/provinces");
    await expect(page.getByTestId("current-user")).toContainText(user.name);
    await other.goto("/provinces");
    await expect(other).toHaveURL(/\/login$/);

    // The old password no longer works; the new one does.
    const fresh = await (await browser.newContext()).newPage();
    const login = new LoginPage(fresh);
    await login.goto();
    await login.fillAndSubmit(user.email, user.password);
    await expect(login.error).toHaveText(zh.login.failed);
    await signIn(fresh, { email: user.email, password: newPassword });
    await expect(fresh.getByTestId("current-user")).toContainText(user.name);
    await fresh.context().close();
  });
});
