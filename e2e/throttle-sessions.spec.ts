import { accounts, expect, field, signIn, test, zh } from "./fixtures";
import { LoginPage } from "./pages/login-page";

// Each test signs in as an account of its own (createUser), so throttling never reaches the demo
// accounts other specs use. Every attempt here comes from the one test server's loopback address:
// the per-address limit counts failures only, and the suite's few wrong passwords stay far below it.

test("after five wrong passwords the right one is refused with the same message", async ({ page, createUser }) => {
  const user = await createUser();
  const login = new LoginPage(page);
  await login.goto();
  for (let i = 1; i <= 5; i++) {
    await login.fillAndSubmit(user.email, `wrong-${i}-${user.password}`);
    await expect(login.error).toHaveText(zh.login.failed);
    // The message is cleared while the next attempt runs, so each check sees a fresh answer.
    await login.goto();
  }
  await login.fillAndSubmit(user.email, user.password);
  await expect(login.error).toHaveText(zh.login.failed);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId("current-user")).toHaveCount(0);
});

test("signing out the other sessions ends a second browser at its next request", async ({ createUser, signedInPage }) => {
  const user = await createUser();
  const other = await signedInPage(user);
  const page = await signedInPage(user);

  await page.getByRole("link", { name: zh.sessions.nav }).click();
  await expect(page).toHaveURL("/settings/sessions");
  const table = page.getByRole("table", { name: zh.sessions.listTitle });
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("row").filter({ hasText: zh.sessions.thisSession })).toHaveCount(1);

  await page.getByRole("button", { name: zh.sessions.signOutOthers }).click();
  await expect(page.getByRole("status")).toHaveText(zh.sessions.othersSignedOut);
  await expect(table.getByRole("row")).toHaveCount(2);

  await other.goto("/provinces/330000");
  await expect(other).toHaveURL(/\/login$/);
  await page.goto("/provinces/330000");
  await expect(page.getByTestId("current-user")).toContainText(user.name);

  // Everywhere: this browser too.
  await page.goto("/settings/sessions");
  await page.getByRole("button", { name: zh.sessions.signOutEverywhere }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/provinces/330000");
  await expect(page).toHaveURL(/\/login$/);
});

test("an admin's role change ends the user's session at once; the new role applies at the next sign-in", async ({ page, createUser, signedInPage }) => {
  const user = await createUser({ role: "staff", provinceCode: "330000" });
  const userPage = await signedInPage(user);
  await expect(userPage.getByTestId("current-user")).toContainText(zh.roles.staff);

  await signIn(page, accounts.admin);
  await page.goto("/admin/users");
  await page.getByRole("link", { name: user.email }).click();
  await field(page.getByRole("main"), zh.users.role).selectOption("reviewer");
  await page.getByRole("main").getByRole("button", { name: zh.common.save }).click();
  await expect(page).toHaveURL("/admin/users");

  await userPage.goto("/provinces/330000");
  await expect(userPage).toHaveURL(/\/login$/);
  await signIn(userPage, user);
  await expect(userPage.getByTestId("current-user")).toContainText(zh.roles.reviewer);
});
