import { accounts, field, demoCentre, expect, openPeriod, signIn, test, uniqueSuffix, zh } from "./fixtures";
import { UpdatePage } from "./pages/update-page";

const guangdong = demoCentre("gd-sz-llm-1");
const zhejiang = demoCentre("zj-hz-llm-1");

test.describe("Zhejiang staff", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, accounts.staffZj);
  });

  // Another province's centre does not exist for them: its page and its forms are not found.
  const unknown = [
    { what: "a Guangdong centre", path: `/centres/${guangdong.id}` },
    { what: "a Guangdong centre's edit page", path: `/centres/${guangdong.id}/edit` },
    { what: "a Guangdong centre's new-milestone page", path: `/centres/${guangdong.id}/milestones/new` },
    { what: "the new-centre page of Guangdong", path: "/centres/new?province=440000" },
  ];
  for (const { what, path } of unknown) {
    test(`gets 404 for ${what}`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: zh.errors.notFoundTitle })).toBeVisible();
      await expect(page.getByText(guangdong.name)).toHaveCount(0);
    });
  }

  const refused = [
    { what: "account administration", path: "/admin/users" },
  ];
  for (const { what, path } of refused) {
    test(`gets 403 for ${what}`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: zh.errors.forbiddenTitle })).toBeVisible();
      await expect(page.getByText(guangdong.name)).toHaveCount(0);
    });
  }

  test("does not find the Guangdong province page", async ({ page }) => {
    const response = await page.goto("/provinces/440000");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: zh.errors.notFoundTitle })).toBeVisible();
    await expect(page.getByText(guangdong.name)).toHaveCount(0);
  });

  test("sees only Zhejiang in the list of provinces", async ({ page }) => {
    await page.goto("/provinces");
    const rows = page.getByRole("table").locator("tbody tr");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText("330000");
    await expect(rows.first().getByRole("link")).toHaveText("浙江省");
    await expect(page.getByRole("navigation", { name: zh.nav.label }).getByRole("link", { name: zh.nav.users })).toHaveCount(0);
  });
});

test("the centre update action refuses a Guangdong centre posted from a Zhejiang form", async ({ page, signedInPage }) => {
  // The Guangdong centre's current version, as an admin sees it.
  const admin = await signedInPage(accounts.admin);
  await admin.goto(`/centres/${guangdong.id}/edit`);
  const guangdongVersion = await admin.locator('form input[name="version"]').inputValue();

  await signIn(page, accounts.staffZj);
  await page.goto(`/centres/${zhejiang.id}/edit`);
  const form = page.getByRole("main").locator("form");
  await expect(field(form, zh.centres.name)).toHaveValue(zhejiang.name);
  // Tamper with the hidden fields as an attacker would in the browser's developer tools.
  await form.locator('input[name="id"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), guangdong.id);
  await form.locator('input[name="version"]').evaluate((el, v) => ((el as HTMLInputElement).value = v), guangdongVersion);
  await field(form, zh.centres.name).fill(`被篡改的名称 ${uniqueSuffix()}`);
  await form.getByRole("button", { name: zh.common.save }).click();

  // Another province's centre is answered as if it did not exist.
  await expect(form.getByRole("alert")).toHaveText(zh.errors.notFound);
  await expect(page).toHaveURL(`/centres/${zhejiang.id}/edit`);

  // Neither centre changed.
  await admin.goto(`/centres/${guangdong.id}`);
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(guangdong.name);
  await admin.goto(`/centres/${zhejiang.id}`);
  await expect(admin.getByRole("heading", { level: 1 })).toContainText(zhejiang.name);
});

test("a national reviewer reads a Guangdong centre but cannot edit it", async ({ page }) => {
  await signIn(page, accounts.reviewer);

  const read = await page.goto(`/centres/${guangdong.id}`);
  expect(read?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(guangdong.name);
  await expect(page.getByRole("link", { name: zh.centres.edit })).toHaveCount(0);
  await expect(page.getByRole("link", { name: zh.milestones.new })).toHaveCount(0);

  const edit = await page.goto(`/centres/${guangdong.id}/edit`);
  expect(edit?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: zh.errors.forbiddenTitle })).toBeVisible();
});

test("the Zhejiang reviewer cannot read a Guangdong centre", async ({ page }) => {
  await signIn(page, accounts.reviewerZj);

  const response = await page.goto(`/centres/${guangdong.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: zh.errors.notFoundTitle })).toBeVisible();
  await expect(page.getByText(guangdong.name)).toHaveCount(0);
});

test("the update action refuses a Guangdong centre before checking any figure against its stored ones", async ({ page }) => {
  await signIn(page, accounts.staffZj);
  const update = new UpdatePage(page);
  await update.goto(zhejiang.id, openPeriod);
  // Point the form at a Guangdong centre; a figure below its approved one would otherwise answer
  // with a rule message and so reveal the stored figure.
  await update.form.locator('input[name="centreId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), guangdong.id);
  await update.fill({ resultsProduced: "0" });
  await update.saveDraft();
  // Another province's centre is answered as one that does not exist.
  await expect(update.formError).toHaveText(zh.errors.notFound);
  await expect(update.form.locator(".field-error")).toHaveCount(0);
});
