import { accounts, en, field, expect, signIn, test, uniqueSuffix, zh } from "./fixtures";

test.describe("accounts", () => {
  test("admin creates a Zhejiang staff account that can then sign in", async ({ page, signedInPage }) => {
    const suffix = uniqueSuffix();
    const email = `new-staff-${suffix}@example.gov.cn`;
    const name = `新填报员 ${suffix}`;
    const password = `long-enough-${suffix}`;

    await signIn(page, accounts.admin);
    await page.goto("/admin/users");
    await page.getByRole("link", { name: zh.users.new }).click();
    await expect(page).toHaveURL("/admin/users/new");
    const form = page.getByRole("main").locator("form");
    const emailField = field(form, zh.users.email);
    const nameField = field(form, zh.users.name);
    const passwordField = field(form, zh.users.password);

    // A bad email and a short password: errors next to those fields, the typed name is kept.
    await emailField.fill("not-an-email");
    await nameField.fill(name);
    await passwordField.fill("short");
    await field(form, zh.users.role).selectOption("staff");
    await field(form, zh.users.province).selectOption("330000");
    await field(form, zh.users.locale).selectOption("en");
    await form.getByRole("button", { name: zh.common.save }).click();

    await expect(form.getByRole("alert")).toHaveText(zh.errors.invalidForm);
    await expect(emailField).toHaveAttribute("aria-invalid", "true");
    await expect(emailField).toHaveAccessibleDescription(zh.validation.email);
    await expect(passwordField).toHaveAttribute("aria-invalid", "true");
    await expect(passwordField).toHaveAccessibleDescription(new RegExp(zh.validation.passwordTooShort));
    await expect(nameField).toHaveValue(name);
    await expect(nameField).not.toHaveAttribute("aria-invalid", "true");
    await expect(emailField).toHaveValue("not-an-email");
    await expect(field(form, zh.users.province)).toHaveValue("330000");
    await expect(field(form, zh.users.locale)).toHaveValue("en");
    await expect(page).toHaveURL("/admin/users/new");

    await emailField.fill(email);
    await passwordField.fill(password);
    await form.getByRole("button", { name: zh.common.save }).click();
    await expect(page).toHaveURL("/admin/users");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: email }) });
    await expect(row).toContainText(name);
    await expect(row).toContainText(zh.roles.staff);
    await expect(row).toContainText("浙江省");

    // The new account signs in (its own browser context) and works in Zhejiang.
    const staff = await signedInPage({ email, password });
    await expect(staff).toHaveURL("/provinces/330000");
    // Its saved language (English) applies, as no language cookie was set in that browser.
    await expect(staff.getByTestId("current-user")).toHaveText(`${name} · ${en.roles.staff} · Zhejiang`);
  });

  test("a deactivated account is signed out on its next request", async ({ page, createUser, signedInPage }) => {
    const user = await createUser({ role: "staff", provinceCode: "330000" });

    // Context A: the user is working.
    const userPage = await signedInPage(user);
    await expect(userPage.getByTestId("current-user")).toContainText(user.name);

    // Context B: the admin unticks "账号启用".
    await signIn(page, accounts.admin);
    await page.goto("/admin/users");
    await page.getByRole("link", { name: user.email }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.users.edit.replace("{email}", user.email));
    const active = field(page.getByRole("main"), zh.users.active);
    await expect(active).toBeChecked();
    await active.uncheck();
    await page.getByRole("main").getByRole("button", { name: zh.common.save }).click();
    await expect(page).toHaveURL("/admin/users");
    await expect(page.getByRole("row").filter({ has: page.getByRole("link", { name: user.email }) })).toContainText(zh.users.isInactive);

    // Context A's next navigation ends on the login page.
    await userPage.goto("/provinces/330000");
    await expect(userPage).toHaveURL(/\/login$/);
    await expect(userPage.getByTestId("current-user")).toHaveCount(0);

    // And the account can no longer sign in.
    await userPage.locator("form.login-form").getByLabel(zh.login.email).fill(user.email);
    await userPage.locator("form.login-form").getByLabel(zh.login.password).fill(user.password);
    await userPage.locator("form.login-form").getByRole("button").click();
    await expect(userPage.locator("form.login-form").getByRole("alert")).toHaveText(zh.login.failed);
  });
});

test("admin creates a plan target and sees it on the province page", async ({ page }) => {
  const title = `测试规划目标 ${uniqueSuffix()}`;
  const province = "650000"; // 新疆: no demo targets, so the new one is easy to see

  await signIn(page, accounts.admin);
  await page.goto(`/provinces/${province}`);
  await page.getByRole("link", { name: zh.targets.new }).click();
  await expect(page).toHaveURL(`/admin/targets/new?province=${province}`);

  const form = page.getByRole("main").locator("form");
  await expect(field(form, zh.targets.province)).toHaveValue(province);
  await field(form, zh.targets.title).fill(title);
  await field(form, zh.targets.kind).selectOption("count");
  await field(form, zh.targets.metric).fill("人工智能创新中心数量");
  await field(form, zh.targets.unit).fill("个");
  await field(form, zh.targets.baselineValue).fill("1");
  await field(form, zh.targets.baselineDate).fill("2025-12-31");
  await field(form, zh.targets.targetValue).fill("12");
  await field(form, zh.targets.deadline).fill("2030-12-31");
  await field(form, zh.targets.sourceDocument).fill("端到端测试文件（示例）");
  await field(form, zh.targets.sourceStatus).selectOption("illustrative");
  await form.getByRole("button", { name: zh.common.save }).click();
  await expect(page).toHaveURL(`/admin/targets?province=${province}`);

  await page.goto(`/provinces/${province}`);
  const row = page.getByRole("row").filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("12 个");
  await expect(row).toContainText("2030-12-31");
  await expect(row).toContainText(zh.sourceStatuses.illustrative);
});
