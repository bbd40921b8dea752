import type { Locator, Page } from "@playwright/test";
import { addDays } from "../lib/domain/periods";
import { accounts, expect, field, registerCentre, signIn, test, today, uniqueSuffix, zh } from "./fixtures";
import { CentrePage } from "./pages/centre-page";
import { ThresholdsPage, type ThresholdKey } from "./pages/thresholds-page";

// The thresholds table is shared by every test running at the same time. These tests only ever change
// the overdue-milestone threshold, which no other test asserts on (it can only turn amber milestone
// flags red), and put it back however they end. The refused edits change nothing.
const OVERDUE: ThresholdKey = "milestone.redAfterDaysOverdue";

/** The row of a Zhejiang flag of `code` naming `centreName` in the flag list, looked for page by page. */
async function listedFlag(page: Page, code: keyof typeof zh.risk.codes, centreName: string): Promise<Locator> {
  for (let n = 1; n <= 20; n++) {
    await page.goto(`/flags?code=${code}&province=330000&page=${n}`);
    const main = page.getByRole("main");
    const row = main.getByRole("row").filter({ has: page.getByRole("link", { name: centreName, exact: true }) });
    if ((await row.count()) > 0) return row;
    if ((await main.getByRole("link", { name: zh.audit.next, exact: true }).count()) === 0) return row;
  }
  throw new Error(`No ${code} flag of ${centreName} on the first 20 pages`);
}

test.describe("risk thresholds", () => {
  test.describe.configure({ mode: "serial" });

  test.afterEach(async ({ signedInPage }) => {
    await new ThresholdsPage(await signedInPage(accounts.admin)).resetIfOverridden(OVERDUE);
  });

  test("refuse a share above 1 and a red threshold looser than amber, changing nothing", async ({ page }) => {
    await signIn(page, accounts.admin);
    const thresholds = new ThresholdsPage(page);
    await thresholds.goto();

    // A rate is a fraction: 1.5 is out of range.
    await thresholds.set("conversion.enterpriseRate", "1.5");
    await expect(thresholds.error("conversion.enterpriseRate")).toHaveText(zh.validation.tooBig);
    await expect(thresholds.input("conversion.enterpriseRate")).toHaveAttribute("aria-invalid", "true");
    await expect(thresholds.input("conversion.enterpriseRate")).toHaveAccessibleDescription(zh.validation.tooBig);
    await expect(thresholds.input("conversion.enterpriseRate")).toHaveValue("1.5");

    // Red below 0.95 would be looser than amber below 0.9.
    await thresholds.set("schedule.redBelowIndex", "0.95");
    await expect(thresholds.error("schedule.redBelowIndex")).toHaveText(zh.validation.thresholdOrder);
    await expect(thresholds.input("schedule.redBelowIndex")).toHaveValue("0.95");
    await expect(page).toHaveURL("/admin/thresholds");

    // Neither was stored.
    await thresholds.goto();
    await expect(thresholds.input("conversion.enterpriseRate")).toHaveValue("0.3");
    await expect(thresholds.input("schedule.redBelowIndex")).toHaveValue("0.75");
    await expect(thresholds.overridden("conversion.enterpriseRate")).toHaveCount(0);
    await expect(thresholds.overridden("schedule.redBelowIndex")).toHaveCount(0);
    await expect(thresholds.error("schedule.redBelowIndex")).toHaveCount(0);
  });

  test("an edit is audited and takes effect at once; a reset brings the default back", async ({ page }) => {
    test.setTimeout(90_000);
    await signIn(page, accounts.admin);
    // A centre of its own whose only milestone is 30 days overdue: amber under the default (red after 90 days).
    const milestone = `端到端逾期里程碑 ${uniqueSuffix()}`;
    const centre = await registerCentre(page, {
      cityCode: "330700",
      focusTags: ["smart_city"],
      leadInstitution: `端到端测试丁研究院 ${uniqueSuffix()}`,
      milestones: [{ title: milestone, plannedDate: addDays(today, -30) }],
    });
    const view = new CentrePage(page);
    const overdue = view.flag("overdue_milestone");
    const amberText = `里程碑“${milestone}”计划于 ${addDays(today, -30)} 完成，已逾期 30 天，经审核的进度为 0%。`;
    await view.goto(centre.id);
    await expect(overdue.getByRole("cell")).toHaveText([zh.risk.severity.amber, zh.risk.codes.overdue_milestone, centre.name, amberText, zh.risk.states.open]);
    // Its own schedule too: 0% of the one milestone done, 100% of it planned by today, index 0 → red.
    // That flag makes the centre red whatever the overdue milestone's severity.
    const slipText = `截至 ${today}，里程碑完成 0.0%，按计划应完成 100.0%，进度指数 0（完成/计划），低于 0.75 的红色阈值。`;
    await expect(view.flag("schedule_slippage").getByRole("cell")).toHaveText([zh.risk.severity.red, zh.risk.codes.schedule_slippage, centre.name, slipText, zh.risk.states.open]);
    await expect(view.computedLevel).toHaveText(zh.risk.level.red);
    // And in the flag list, filtered to the rule (other tests' centres slip too: look page by page).
    await expect(await listedFlag(page, "schedule_slippage", centre.name)).toHaveCount(1);

    // Red after 20 days instead.
    const thresholds = new ThresholdsPage(page);
    await thresholds.goto();
    await expect(thresholds.input(OVERDUE)).toHaveValue("90");
    await thresholds.set(OVERDUE, "20");
    await expect(page).toHaveURL(`/admin/thresholds?saved=${OVERDUE}`);
    await expect(thresholds.done).toHaveText(zh.thresholds.savedKey.replace("{label}", thresholds.label(OVERDUE)));
    await expect(thresholds.input(OVERDUE)).toHaveValue("20");
    await expect(thresholds.overridden(OVERDUE)).toBeVisible();

    // In the audit log, by whom and from what to what.
    await page.goto("/audit");
    const audited = (action: string, change: string) =>
      page
        .getByTestId("audit-table")
        .getByRole("row")
        .filter({ hasText: `${zh.audit.entities.risk_threshold} · ${OVERDUE}` })
        .filter({ hasText: change })
        .filter({ has: page.getByRole("cell", { name: action, exact: true }) })
        .first();
    await expect(audited(zh.audit.actions.update, "value: 90 → 20")).toContainText(accounts.admin.name);

    // The centre's flag is red on the next page load, and says why.
    await view.goto(centre.id);
    await expect(overdue.getByRole("cell").first()).toHaveText(zh.risk.severity.red);
    await expect(overdue.getByRole("cell").nth(3)).toHaveText(amberText.replace(/。$/, "，逾期超过 20 天。"));

    // Back to the default: audited too, and the flag is amber again.
    await thresholds.goto();
    await thresholds.reset(OVERDUE);
    await expect(thresholds.input(OVERDUE)).toHaveValue("90");
    await expect(thresholds.overridden(OVERDUE)).toHaveCount(0);
    await page.goto("/audit");
    await expect(audited(zh.audit.actions.reset, "value: 20 → 90")).toContainText(accounts.admin.name);
    await view.goto(centre.id);
    await expect(overdue.getByRole("cell").nth(3)).toHaveText(amberText);
    await expect(overdue.getByRole("cell").first()).toHaveText(zh.risk.severity.amber);
  });
});

test("only administrators open the thresholds", async ({ page }) => {
  await signIn(page, accounts.reviewer);
  const response = await page.goto("/admin/thresholds");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: zh.errors.forbiddenTitle })).toBeVisible();
});

test("admin gives a plan target a measure and planned values; ill-formed ones are refused", async ({ page }) => {
  const title = `测试投资目标 ${uniqueSuffix()}`;
  const province = "650000"; // 新疆: no demo targets or centres
  await signIn(page, accounts.admin);
  await page.goto(`/admin/targets/new?province=${province}`);
  const form = page.getByRole("main").locator("form");
  const measure = field(form, zh.targets.measure);
  const planned = field(form, zh.targets.plannedValues);
  const save = form.getByRole("button", { name: zh.common.save });

  await field(form, zh.targets.title).fill(title);
  await field(form, zh.targets.kind).selectOption("sum");
  await field(form, zh.targets.metric).fill("累计完成投资");
  await field(form, zh.targets.unit).fill("亿元");
  await field(form, zh.targets.baselineValue).fill("0");
  await field(form, zh.targets.baselineDate).fill("2025-12-31");
  await field(form, zh.targets.targetValue).fill("100");
  await field(form, zh.targets.deadline).fill("2030-12-31");
  await field(form, zh.targets.sourceDocument).fill("端到端测试文件（示例）");
  await field(form, zh.targets.sourceStatus).selectOption("illustrative");

  // Compute measured in 亿元, and a line without a value: both refused, each beside its field.
  await measure.selectOption("compute_pflops");
  await planned.fill("2027-12-31 20\n2028-12-31");
  await save.click();
  await expect(form.getByRole("alert")).toHaveText(zh.errors.invalidForm);
  await expect(measure).toHaveAttribute("aria-invalid", "true");
  await expect(measure).toHaveAccessibleDescription(new RegExp(`${zh.validation.measureUnit.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
  await expect(planned).toHaveAttribute("aria-invalid", "true");
  await expect(planned).toHaveAccessibleDescription(new RegExp(`${zh.validation.plannedValueLine}$`));
  await expect(planned).toHaveValue("2027-12-31 20\n2028-12-31");
  await expect(measure).toHaveValue("compute_pflops");
  await expect(page).toHaveURL(`/admin/targets/new?province=${province}`);

  // Investment measured in 亿元, with a plan by year (a comma and thousands are fine).
  await measure.selectOption("investment_executed");
  await planned.fill("2028-12-31, 50\n2027-12-31 20");
  await save.click();
  await expect(page).toHaveURL(`/admin/targets?province=${province}`);

  await page.goto(`/provinces/${province}`);
  const row = page.getByTestId("target-row").filter({ hasText: title });
  await expect(row).toContainText(`${zh.targetKinds.sum} · ${zh.targetMeasures.investment_executed}`);
  await expect(row.getByRole("cell").nth(2)).toHaveText(zh.progress.unmeasured.no_reports);
  await expect(row.getByRole("cell").nth(4)).toContainText(zh.targetStandings.unmeasured);

  // The plan is kept in date order.
  await row.getByRole("link", { name: title }).click();
  await expect(field(page.getByRole("main").locator("form"), zh.targets.plannedValues)).toHaveValue("2027-12-31 20\n2028-12-31 50");
  await expect(field(page.getByRole("main").locator("form"), zh.targets.measure)).toHaveValue("investment_executed");
});
