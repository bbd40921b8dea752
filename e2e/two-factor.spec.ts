import AxeBuilder from "@axe-core/playwright";
import { Secret, TOTP } from "otpauth";
import type { Page } from "@playwright/test";
import { accounts, expect, field, signIn, signOut, test, zh, type Account } from "./fixtures";
import { LoginPage } from "./pages/login-page";

// Runs in the "two-factor" project, against the second server where reviewers and admins must use
// two-factor sign-in (playwright.config.ts). Codes are computed here with otpauth from the key the page
// shows, as an authenticator app would. An account accepts each 30-second step once, and the app takes
// the step after the current one too, so each account below uses at most two TOTP codes: the current
// step's at enrolment and the next step's afterwards. Each test has accounts of its own.

/** The code an app shows `stepsAhead` steps from now. */
function codeFor(secret: string, stepsAhead = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: Date.now() + stepsAhead * 30_000 });
}

/** The pages only this project reaches (the enrolment step, the login code step) get the a11y suite's check here. */
async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

const nav = (page: Page) => page.getByRole("navigation", { name: zh.nav.label });

/** On /settings/two-factor before enrolment: set up, confirm with the current code; returns the key and the recovery codes. */
async function enrol(page: Page, { scan = false } = {}): Promise<{ secret: string; recoveryCodes: string[] }> {
  await page.getByRole("button", { name: zh.twoFactor.start }).click();
  await expect(page.getByRole("img", { name: zh.twoFactor.qrAlt })).toBeVisible();
  if (scan) await expectNoSeriousAxeViolations(page);
  const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const form = page.getByRole("main").locator("form");
  await field(form, zh.twoFactor.code).fill(codeFor(secret));
  await form.getByRole("button", { name: zh.twoFactor.confirm }).click();
  const panel = page.getByTestId("recovery-codes");
  await expect(panel.getByRole("heading", { name: zh.twoFactor.recoveryTitle })).toBeFocused();
  const recoveryCodes = await panel.getByRole("listitem").allInnerTexts();
  expect(recoveryCodes).toHaveLength(10);
  for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/);
  return { secret, recoveryCodes };
}

/** Email and password, then the code step: returns the login page with the code field showing. */
async function passwordStep(page: Page, account: Account): Promise<LoginPage> {
  const login = new LoginPage(page);
  await login.goto();
  await login.fillAndSubmit(account.email, account.password);
  await expect(login.form.getByText(zh.login.codePrompt)).toBeVisible();
  await expect(field(login.form, zh.login.code)).toBeFocused();
  return login;
}

async function submitCode(login: LoginPage, code: string): Promise<void> {
  await field(login.form, zh.login.code).fill(code);
  await login.form.getByRole("button", { name: zh.login.submit }).click();
}

test.describe("two-factor sign-in (required for reviewers and admins)", () => {
  test("a reviewer reaches nothing before enrolling; then signs in with a code once, and with each recovery code once", async ({ page, signedInPage }) => {
    // Eight sign-ins and an enrolment in one journey: allowed the slow-test time, not the default minute.
    test.slow();
    // A server action's id and body as a browser sends them, taken from staff changing their password
    // with a wrong current password (so nothing changes), to be posted again from the reviewer's session.
    const staff = await signedInPage(accounts.staffGd);
    await staff.goto("/settings/password");
    const staffForm = staff.getByRole("main").locator("form");
    await field(staffForm, zh.password.current).fill("not the password");
    await field(staffForm, zh.password.new).fill("a long enough new phrase");
    await field(staffForm, zh.password.confirm).fill("a long enough new phrase");
    const [actionRequest] = await Promise.all([
      staff.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined),
      staffForm.getByRole("button", { name: zh.password.save }).click(),
    ]);
    await expect(field(staffForm, zh.password.current)).toHaveAccessibleDescription(zh.validation.currentPasswordWrong);

    await signIn(page, accounts.reviewer);
    await expect(page).toHaveURL("/settings/two-factor");
    await expect(page.getByTestId("two-factor-required")).toHaveText(zh.twoFactor.requiredNotice);
    await expect(nav(page)).toHaveCount(0);
    for (const path of ["/overview", "/provinces/330000", "/reviews", "/settings/password"]) {
      await page.goto(path);
      await expect(page).toHaveURL("/settings/two-factor");
    }
    // Cookie-authenticated routes and server actions refuse the session too, not only the pages.
    expect((await page.request.get("/api/v1/provinces")).status()).toBe(401);
    expect((await page.request.get("/api/v1/centres")).status()).toBe(401);
    const action = await page.request.post("/settings/password", {
      headers: { ...actionRequest.headers(), origin: new URL(page.url()).origin },
      data: actionRequest.postDataBuffer()!,
    });
    expect(await action.text()).toContain(zh.errors.twoFactorEnrolmentRequired);

    const { secret, recoveryCodes } = await enrol(page);
    await page.getByRole("button", { name: zh.twoFactor.continue }).click();
    await expect(page).toHaveURL("/overview");
    await expect(nav(page)).toBeVisible();
    expect((await page.request.get("/api/v1/provinces")).status()).toBe(200);

    // Sign-in asks for a code; a wrong one gets the wrong-password message.
    await signOut(page);
    let login = await passwordStep(page, accounts.reviewer);
    await expectNoSeriousAxeViolations(page);
    await submitCode(login, "000000");
    await expect(login.error).toHaveText(zh.login.failed);
    const next = codeFor(secret, 1); // the current step was spent by enrolment
    await submitCode(login, next);
    await page.waitForURL("/overview");

    // The same code again is refused, though still inside its time window.
    await signOut(page);
    login = await passwordStep(page, accounts.reviewer);
    await submitCode(login, next);
    await expect(login.error).toHaveText(zh.login.failed);

    // A recovery code works, in capitals and without hyphens too, and only once.
    await submitCode(login, recoveryCodes[0]!.toUpperCase().replace(/-/g, ""));
    await page.waitForURL("/overview");
    await page.goto("/settings/two-factor");
    await expect(page.getByTestId("two-factor-on")).toBeVisible();
    await expect(page.getByText(zh.twoFactor.recoveryLeft.replace("{count}", "9"))).toBeVisible();
    await expect(page.getByText(zh.twoFactor.requiredForRole)).toBeVisible();
    await expect(page.getByRole("button", { name: zh.twoFactor.disable })).toHaveCount(0);
    await signOut(page);
    login = await passwordStep(page, accounts.reviewer);
    await submitCode(login, recoveryCodes[0]!);
    await expect(login.error).toHaveText(zh.login.failed);
    await expect(page).toHaveURL(/\/login/);
  });

  test("an administrator is sent to enrolment too", async ({ page }) => {
    await signIn(page, accounts.admin);
    await expect(page).toHaveURL("/settings/two-factor");
    await page.goto("/admin/users");
    await expect(page).toHaveURL("/settings/two-factor");
  });

  test("staff may enrol, then turn it off with password and code", async ({ page }) => {
    const staff = accounts.staffZj;
    await signIn(page, staff);
    await expect(nav(page)).toBeVisible();
    await nav(page).getByRole("link", { name: zh.twoFactor.nav }).click();
    await expect(page.getByText(zh.twoFactor.optionalForRole, { exact: false })).toBeVisible();
    await expect(page.getByTestId("two-factor-required")).toHaveCount(0);
    const { secret, recoveryCodes } = await enrol(page, { scan: true });
    expect(recoveryCodes).toHaveLength(10);
    await expectNoSeriousAxeViolations(page);

    await page.reload();
    await expect(page.getByTestId("two-factor-on")).toBeVisible();
    const form = page.getByRole("main").locator("form", { has: page.getByRole("button", { name: zh.twoFactor.disable }) });
    await field(form, zh.twoFactor.currentPassword).fill("wrong password");
    await field(form, zh.twoFactor.disableCode).fill(codeFor(secret, 1));
    await form.getByRole("button", { name: zh.twoFactor.disable }).click();
    await expect(field(form, zh.twoFactor.currentPassword)).toHaveAccessibleDescription(zh.validation.currentPasswordWrong);
    await expect(page.getByTestId("two-factor-on")).toBeVisible();

    // The refusal spent nothing: the same next-step code still turns it off.
    await field(form, zh.twoFactor.currentPassword).fill(staff.password);
    await field(form, zh.twoFactor.disableCode).fill(codeFor(secret, 1));
    await form.getByRole("button", { name: zh.twoFactor.disable }).click();
    await expect(page).toHaveURL("/settings/two-factor?disabled=1");
    await expect(page.getByText(zh.twoFactor.disabled)).toBeVisible();

    // The password alone signs in again.
    await signOut(page);
    await signIn(page, staff);
    await expect(nav(page)).toBeVisible();
  });
});
