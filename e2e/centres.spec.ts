import { accounts, field, demoCentre, expect, signIn, test, uniqueSuffix, zh } from "./fixtures";

test.beforeEach(async ({ page }) => {
  await signIn(page, accounts.staffZj);
});

test("staff register a centre, then add and edit a milestone", async ({ page }) => {
  const name = `端到端测试创新中心 ${uniqueSuffix()}`;
  const lead = "端到端测试研究院（示例）";

  await page.goto("/provinces/330000");
  await page.getByRole("link", { name: zh.centres.new }).click();
  await expect(page).toHaveURL("/centres/new?province=330000");

  const form = page.getByRole("main").locator("form");
  const nameField = field(form, zh.centres.name);
  const city = field(form, zh.centres.city);
  const leadField = field(form, zh.centres.leadInstitution);
  const focusTags = form.getByRole("group", { name: zh.centres.focusTags });
  const budget = field(form, zh.centres.plannedBudgetYuan);
  const start = field(form, zh.centres.startDate);
  const completion = field(form, zh.centres.plannedCompletion);
  const save = form.getByRole("button", { name: zh.common.save });

  // 1. Missing city, lead, focus and budget; completion before start.
  await nameField.fill(name);
  await field(form, zh.centres.partners).fill("合作单位甲（示例）\n合作单位乙（示例）");
  await start.fill("2026-06-01");
  await completion.fill("2026-01-01");
  await save.click();

  await expect(form.getByRole("alert")).toHaveText(zh.errors.invalidForm);
  await expect(city).toHaveAttribute("aria-invalid", "true");
  await expect(city).toHaveAccessibleDescription(zh.validation.required);
  await expect(leadField).toHaveAttribute("aria-invalid", "true");
  await expect(leadField).toHaveAccessibleDescription(zh.validation.required);
  await expect(focusTags).toHaveAccessibleDescription(new RegExp(zh.validation.focusTagsRequired));
  await expect(budget).toHaveAttribute("aria-invalid", "true");
  await expect(budget).toHaveAccessibleDescription(new RegExp(zh.validation.required));
  await expect(nameField).toHaveValue(name);
  await expect(nameField).not.toHaveAttribute("aria-invalid", "true");
  await expect(field(form, zh.centres.partners)).toHaveValue("合作单位甲（示例）\n合作单位乙（示例）");
  await expect(start).toHaveValue("2026-06-01");
  await expect(completion).toHaveValue("2026-01-01");
  // The date order is reported in the same round as the missing fields.
  await expect(completion).toHaveAttribute("aria-invalid", "true");
  await expect(completion).toHaveAccessibleDescription(zh.validation.completionAfterStart);
  await expect(page).toHaveURL("/centres/new?province=330000");

  // 2. The required fields filled and an operational status chosen: the date order is refused on its own.
  await city.selectOption("330100");
  await leadField.fill(lead);
  await field(focusTags, zh.focusTags.large_models).check();
  await field(focusTags, zh.focusTags.smart_city).check();
  await budget.fill("500000000");
  // The amount is read back in 亿元 while typing.
  await expect(form.getByTestId("budget-read-back")).toHaveText(zh.centres.budgetReadBack.replace("{amount}", "5亿元"));
  await field(form, zh.centres.status).selectOption("operational");
  await save.click();

  // Wait for this round's answer: the fields fixed since the first round are no longer marked. (The
  // alert and the date error look the same as in the first round, so they alone would not wait.)
  await expect(leadField).not.toHaveAttribute("aria-invalid", "true");
  await expect(budget).not.toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("alert")).toHaveText(zh.errors.invalidForm);
  await expect(completion).toHaveAttribute("aria-invalid", "true");
  await expect(completion).toHaveAccessibleDescription(zh.validation.completionAfterStart);
  await expect(leadField).toHaveValue(lead);
  await expect(field(focusTags, zh.focusTags.large_models)).toBeChecked();
  await expect(field(focusTags, zh.focusTags.smart_city)).toBeChecked();
  await expect(budget).toHaveValue("500000000");
  // Dropdowns keep the choice too, so a refused form never silently saves a default status later.
  await expect(city).toHaveValue("330100");
  await expect(field(form, zh.centres.status)).toHaveValue("operational");

  // 3. A valid submit shows the new centre.
  await completion.fill("2028-12-31");
  await save.click();
  await expect(page).toHaveURL(/\/centres\/[0-9a-f-]{36}$/);
  const centreUrl = page.url();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const details = page.locator("dl.details");
  await expect(details).toContainText("5亿元");
  await expect(details).toContainText(lead);
  await expect(details).toContainText("大模型、智慧城市");
  await expect(details).toContainText("2026-06-01 – 2028-12-31");
  await expect(details).toContainText(zh.centreStatuses.operational);
  await expect(page.getByText(zh.milestones.none)).toBeVisible();

  // The province page lists it (among its centres; its flags may name it too).
  await page.goto("/provinces/330000");
  await expect(page.getByRole("region", { name: zh.province.centres, exact: true }).getByRole("link", { name })).toBeVisible();
  await page.goto(centreUrl);

  // 4. Add a milestone.
  const milestone = `完成可研批复 ${uniqueSuffix()}`;
  await page.getByRole("link", { name: zh.milestones.new }).click();
  const milestoneForm = page.getByRole("main").locator("form");
  await field(milestoneForm, zh.milestones.name).fill(milestone);
  await field(milestoneForm, zh.milestones.category).selectOption("planning");
  await field(milestoneForm, zh.milestones.weight).fill("3");
  await field(milestoneForm, zh.milestones.plannedDate).fill("2026-09-30");
  await milestoneForm.getByRole("button", { name: zh.common.save }).click();

  await expect(page).toHaveURL(centreUrl);
  const milestones = page.getByRole("region", { name: zh.milestones.title });
  const row = milestones.getByRole("row").filter({ hasText: milestone });
  await expect(row).toContainText(zh.milestoneCategories.planning);
  await expect(row).toContainText("2026-09-30");
  await expect(row.getByRole("cell").nth(2)).toHaveText("3");

  // 5. Edit it.
  const renamed = `${milestone}（修订）`;
  await page.getByRole("link", { name: zh.milestones.editNamed.replace("{title}", milestone) }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.milestones.edit);
  await expect(field(milestoneForm, zh.milestones.name)).toHaveValue(milestone);
  await field(milestoneForm, zh.milestones.name).fill(renamed);
  await field(milestoneForm, zh.milestones.weight).fill("5");
  await field(milestoneForm, zh.milestones.evidenceRequired).check();
  await milestoneForm.getByRole("button", { name: zh.common.save }).click();

  await expect(page).toHaveURL(centreUrl);
  const renamedRow = milestones.getByRole("row").filter({ hasText: renamed });
  await expect(renamedRow).toContainText(zh.milestones.evidenceRequired);
  await expect(renamedRow.getByRole("cell").nth(2)).toHaveText("5");
  await expect(milestones.getByRole("row")).toHaveCount(2); // the header and the one milestone
});

test("staff edit a Zhejiang centre's budget and see it formatted", async ({ page }) => {
  const centre = demoCentre("zj-nb-mfg-1");

  await page.goto(`/centres/${centre.id}`);
  await page.getByRole("link", { name: zh.centres.edit }).click();
  await expect(page).toHaveURL(`/centres/${centre.id}/edit`);
  const budget = field(page.getByRole("main"), zh.centres.plannedBudgetYuan);
  await expect(budget).toHaveValue(/^\d+$/); // whole yuan
  await budget.fill("356000000");
  await page.getByRole("main").getByRole("button", { name: zh.common.save }).click();

  await expect(page).toHaveURL(`/centres/${centre.id}`);
  await expect(page.locator("dl.details")).toContainText("3.56亿元");

  await page.goto("/provinces/330000");
  await expect(page.getByRole("row").filter({ has: page.getByRole("link", { name: centre.name }) })).toContainText("3.56亿元");
});
