import type { Page } from "@playwright/test";
import { DEMO_CALENDARS, DEMO_PERIOD } from "../db/seed/demo-updates";
import { DEFAULT_CALENDAR, daysBetween, dueDate, parsePeriod } from "../lib/domain/periods";
import { defaultDisciplinePeriod, disciplinePeriodChoices } from "../lib/domain/reporting-discipline";
import { accounts, demoCentre, expect, signIn, test, today, zh } from "./fixtures";

// The demo's 2026-Q3 round (db/seed/demo-updates.ts). Other journeys register Zhejiang centres on the
// same database while this one runs, so the figures checked here are Anhui's and Sichuan's, which nobody
// else touches:
// - Anhui reports monthly, so the quarter counts its three centres over July, August and September:
//   9 expected; ah-hf-compute-1 and -2 report every month on the 4th (due the 10th), ah-wh-embodied-1
//   never: 6 submitted, 6 on time → completeness 6 ÷ 9 = 66.7%, timeliness 66.7%, 3 overdue.
// - Sichuan's two centres (one planned, started 2026-08-01, still expected for the quarter) never report:
//   2 expected, 0%, both overdue from the quarter's due date (default calendar: 2026-10-15).
const PATH = "/reporting/discipline";
const REPORTING_START = "2026-07-01";
const quarterDue = dueDate(parsePeriod(DEMO_PERIOD)!, DEFAULT_CALENDAR);
const julyDue = dueDate(parsePeriod("2026-07")!, DEMO_CALENDARS["340000"]!);

const table = (page: Page) => page.getByTestId("discipline-table");
const overdue = (page: Page) => page.getByTestId("overdue-list");
const provinceRow = (page: Page, name: string) => table(page).locator("tbody tr").filter({ has: page.getByRole("rowheader", { name, exact: true }) });
/** The figures of a province's row: expected, submitted, approved, on time, completeness, timeliness, overdue. */
const figures = (page: Page, name: string) => provinceRow(page, name).getByRole("cell");
const overdueRow = (page: Page, centreKey: string) => overdue(page).getByRole("row").filter({ has: page.getByRole("link", { name: demoCentre(centreKey).name, exact: true }) });

test("the national reviewer sees each province's completeness and timeliness and the overdue centres", async ({ page }) => {
  await signIn(page, accounts.reviewer);
  await page.goto("/reporting");
  await page.getByRole("main").getByRole("link", { name: zh.discipline.linkFromReporting }).click();
  await expect(page).toHaveURL(PATH);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.discipline.title);
  // By default: the latest quarter that has ended.
  await expect(page.getByLabel(zh.discipline.period, { exact: true })).toHaveValue(defaultDisciplinePeriod(disciplinePeriodChoices(REPORTING_START, today))!);

  await page.goto(`${PATH}?period=${DEMO_PERIOD}`);
  // Cadence, expected, submitted, approved, on time, completeness, timeliness, overdue.
  await expect(figures(page, "安徽省")).toHaveText([zh.discipline.monthsCounted.replace("{count}", "3"), "9", "6", "6", "6", "66.7%", "66.7%", "3"]);
  await expect(figures(page, "四川省")).toHaveText([zh.cadences.quarterly, "2", "0", "0", "0", "0%", "0%", "2"]);
  await expect(table(page).locator("tfoot")).toContainText(zh.discipline.totalNational);
  // The note says which denominator both rates use.
  await expect(page.getByRole("main")).toContainText(zh.discipline.rules.rates);

  // The overdue list: most days late first (Anhui's July), each centre linked to its page.
  const anhuiLate = overdue(page).locator("tbody tr").first();
  await expect(anhuiLate).toContainText(demoCentre("ah-wh-embodied-1").name);
  await expect(anhuiLate.getByRole("cell").last()).toHaveText(String(daysBetween(julyDue, today)));
  for (const key of ["sc-cd-llm-1", "sc-my-compute-1"]) {
    await expect(overdueRow(page, key).getByRole("cell")).toHaveText(["四川省", "2026年第3季度", quarterDue, String(daysBetween(quarterDue, today))]);
  }
  await overdueRow(page, "sc-cd-llm-1").getByRole("link").click();
  await expect(page).toHaveURL(`/centres/${demoCentre("sc-cd-llm-1").id}`);
});

test("as of an earlier day, days late are counted to that day", async ({ page }) => {
  await signIn(page, accounts.reviewer);
  await page.goto(`${PATH}?period=${DEMO_PERIOD}`);
  const picker = page.getByRole("form", { name: zh.asOf.label });
  await picker.getByLabel(zh.asOf.label, { exact: true }).selectOption("2026-10-31");
  await picker.getByRole("button", { name: zh.asOf.show, exact: true }).click();
  await expect(page).toHaveURL(`${PATH}?period=${DEMO_PERIOD}&asOf=2026-10-31`);
  await expect(page.getByRole("status")).toContainText(zh.asOf.pastNotice.replace("{date}", "2026-10-31"));
  // 2026-10-15 to 2026-10-31.
  await expect(overdueRow(page, "sc-cd-llm-1").getByRole("cell").last()).toHaveText("16");
  await expect(figures(page, "安徽省").nth(5)).toHaveText("66.7%");

  // As of the end of August only July had ended for Anhui: ah-wh-embodied-1 was 21 days past 08-10.
  await page.goto(`${PATH}?period=2026-07&asOf=2026-08-31`);
  await expect(figures(page, "安徽省")).toHaveText([zh.cadences.monthly, "3", "2", "2", "2", "66.7%", "66.7%", "1"]);
  await expect(figures(page, "四川省")).toHaveText([zh.discipline.notDue, "—", "—", "—", "—", "—", "—", "—"]);
  await expect(overdueRow(page, "ah-wh-embodied-1").getByRole("cell").last()).toHaveText("21");
});

test("provincial staff see only their province, and do not find another one", async ({ page }) => {
  await signIn(page, accounts.staffZj);
  const other = await page.goto(`${PATH}?period=${DEMO_PERIOD}&province=440000`);
  expect(other?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: zh.errors.notFoundTitle })).toBeVisible();
  await page.goto(`${PATH}?period=${DEMO_PERIOD}`);
  await expect(table(page).locator("tbody tr")).toHaveCount(1);
  await expect(provinceRow(page, "浙江省")).toHaveCount(1);
  await expect(table(page).locator("tfoot")).toContainText(zh.discipline.total);
  await expect(page.getByLabel(zh.discipline.province, { exact: true })).toHaveCount(0);
  // Zhejiang's returned update (zj-jx-llm-1) is overdue; no other province's centre is listed.
  await expect(overdueRow(page, "zj-jx-llm-1")).toHaveCount(1);
  await expect(overdue(page).getByRole("cell", { name: "浙江省", exact: true }).first()).toBeVisible();
  for (const name of ["四川省", "安徽省", "广东省"]) await expect(overdue(page).getByRole("cell", { name, exact: true })).toHaveCount(0);
});

test("an invalid period is refused with a message, and nothing is guessed", async ({ page }) => {
  await signIn(page, accounts.reviewer);
  const refusal = (reason: string) => zh.discipline.errors.refused.replace("{reason}", reason);
  await page.goto(`${PATH}?period=2026-Q7`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(refusal(zh.discipline.errors.periodUnknown.replace("{value}", "2026-Q7")));
  await expect(table(page)).toHaveCount(0);
  await expect(overdue(page)).toHaveCount(0);

  await page.goto(`${PATH}?period=2026-Q3&asOf=2026-09-30`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(refusal(zh.discipline.errors.periodNotEnded.replace("{value}", "2026-Q3").replace("{today}", "2026-09-30")));
  await expect(table(page)).toHaveCount(0);
});
