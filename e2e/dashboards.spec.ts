import fs from "node:fs/promises";
import type { Locator, Page, TestInfo } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { DEMO_CENTRES } from "../db/seed/demo-centres";
import { DEMO_PERIOD } from "../db/seed/demo-updates";
import { DEFAULT_CALENDAR, daysBetween, dueDate, parsePeriod } from "../lib/domain/periods";
import { accounts, demoCentre, en, expect, periodName, signIn, test, today, zh } from "./fixtures";
import { LoginPage } from "./pages/login-page";

// The dashboards over the demo data (issue 5). Other journeys add Zhejiang centres and approve their
// updates while this one runs, so figures of "now" are only compared with those of the past view, and
// exact figures are checked where nobody else writes: the past view (records registered later are not
// in it), the demo centres' own rows, and Sichuan's overdue centres.
//
// The past view is the close of 2026-Q3 (2026-09-30): the quarterly round was submitted on 2026-10-08
// and approved on 2026-10-12 (db/seed/demo-updates.ts, demoTimes), so as of then Zhejiang had no
// approved update at all, while now most of its centres have their Q3 figures.

const ZJ = "330000";
const hzA = demoCentre("zj-hz-llm-1");
const hzB = demoCentre("zj-hz-llm-2");
const hzAMilestones = DEMO_CENTRES.find((c) => c.key === "zj-hz-llm-1")!.milestones;
const sichuanLate = demoCentre("sc-cd-llm-1");
const PAST = "2026-09-30";
/** The option of the "as of" picker closing the demo's quarter: "2026年第3季度末（2026-09-30）". */
const pastOption = (m: typeof zh) => m.asOf.closeOf.replace("{period}", periodName(DEMO_PERIOD, m === zh ? "zh" : "en")).replace("{date}", PAST);
/** The Zhejiang centre-count target: measured by its linked demo centres only (no test centre links a target). */
const CENTRE_TARGET = "到2027年人工智能创新中心数量达到10个";
/** Its plan runs from a baseline on 2024-12-31 to 2027-12-31: 638 of 1095 days had passed on 2026-09-30. */
const CENTRE_TARGET_PLANNED_PAST = "58.3";

const main = (page: Page) => page.getByRole("main");
const cells = (row: Locator) => row.getByRole("cell");
const tile = (page: Page, code: string) => page.locator(`figure.tile-map a.tile[data-code="${code}"]`);
const rollUpRow = (page: Page, code: string) => page.getByTestId("province-roll-up").locator(`tr[data-province="${code}"]`);
const targetBar = (page: Page, title: string) => page.getByTestId("target-bars").locator("li").filter({ hasText: title });
const centreRow = (page: Page, name: string) => page.getByTestId("province-centres").locator("tbody tr").filter({ has: page.getByRole("link", { name, exact: true }) });
/** The province table's columns after the name: statuses, completion, targets, schedule index, investment, open flags (red and amber), reported on time. */
const INVESTMENT = 4;
/** The centre table's columns: name, city, tags, budget, status, completion, schedule index, latest update, level. */
const LATEST_UPDATE = 7;

/** Signs in with the UI in this language, chosen on the login page (a cookie: the account's own setting is left alone). */
async function signInIn(page: Page, account: { email: string; password: string }, language: "zh" | "en") {
  if (language === "zh") return signIn(page, account);
  const login = new LoginPage(page);
  await login.goto();
  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await login.fillAndSubmit(account.email, account.password);
  await page.waitForURL((url) => url.pathname !== "/login");
}

/** Charts load ECharts lazily in the browser: wait until every chart box holds its drawing. */
async function chartsDrawn(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator(".echart:not(:has(svg))")).toHaveCount(0);
}

/** A full-page screenshot as a test artifact (Playwright's output folder and HTML report, not the repository). */
/** Saved as a file in the test's output folder (kept under test-results/ whatever the reporter) and attached to the report. */
async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  await chartsDrawn(page);
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

/** Chooses a past day in the page's "as of" picker and shows it. */
async function showAsOf(page: Page, m: typeof zh, date: string) {
  const picker = main(page).getByRole("form", { name: m.asOf.label });
  await picker.locator("select#as-of").selectOption({ label: pastOption(m) });
  await expect(picker.getByLabel(m.asOf.label, { exact: true })).toHaveValue(date);
  await picker.getByRole("button", { name: m.asOf.show, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]asOf=${date}(&|$)`));
  await expect(main(page).getByRole("status").filter({ hasText: m.asOf.pastNotice.split("{date}")[0]! })).toContainText(m.asOf.pastNotice.replace("{date}", date));
}

async function downloadCsv(page: Page, link: Locator) {
  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  const bytes = await fs.readFile((await download.path())!);
  const rows = parse(bytes, { bom: true, relax_column_count: true }) as string[][];
  return { bytes, rows, fileName: download.suggestedFilename() };
}

test("a national reviewer follows the map to Zhejiang, its look-alike pair and a centre's timeline, then views them as of the close of 2026-Q3", async ({ page }, testInfo) => {
  await signIn(page, accounts.reviewer);
  await expect(page).toHaveURL("/overview");
  await expect(main(page).getByRole("heading", { level: 1 })).toHaveText(zh.overview.title);
  await expect(main(page).locator(".as-of-notice")).toContainText(zh.asOf.nowNotice.replace("{today}", today));

  // The tile map: one linked square per division, named with the division, the measure and the value.
  const map = page.locator("figure.tile-map");
  await expect(map.locator("figcaption")).toHaveText(zh.overview.mapCaption.replace("{measure}", zh.overview.measures.completion));
  await expect(map.locator("a.tile")).toHaveCount(34);
  await expect(tile(page, ZJ)).toHaveAccessibleName(new RegExp(`^浙江省，${zh.overview.measures.completion}：\\d+(\\.\\d)?%$`));
  await expect(tile(page, ZJ)).toHaveAttribute("href", `/provinces/${ZJ}`);
  // Now Zhejiang's Q3 investment is in (approved 2026-10-12): the roll-up shows more than nothing.
  const investmentNow = (await cells(rollUpRow(page, ZJ)).nth(INVESTMENT).textContent())!;
  expect(investmentNow).not.toMatch(/^0元/);
  await attachScreenshot(page, testInfo, "overview-zh");

  // Into Zhejiang by its tile.
  await tile(page, ZJ).click();
  await expect(page).toHaveURL(`/provinces/${ZJ}`);
  await expect(main(page).getByRole("heading", { level: 1 })).toHaveText(`浙江省 ${ZJ}`);
  const bar = targetBar(page, CENTRE_TARGET);
  await expect(bar).toHaveCount(1);
  await expect(bar.getByRole("img")).toHaveAccessibleName(new RegExp(`^${CENTRE_TARGET}：`));
  await expect(bar.locator(".target-bar-values")).toContainText(zh.charts.target.actual.replace("{pct}", "0"));
  await expect(bar.locator(".badge.standing")).toHaveText(zh.targetStandings.at_risk);
  const plannedNow = (await bar.locator(".target-bar-values > span").nth(1).textContent())!;

  // The planted pair, side by side in one look-alike group (test centres in Hangzhou may join it).
  const groups = page.getByTestId("look-alike-groups").locator("li.look-alike-group");
  const pair = groups.filter({ has: page.getByRole("link", { name: hzA.name, exact: true }) }).filter({ has: page.getByRole("link", { name: hzB.name, exact: true }) });
  await expect(pair).toHaveCount(1);
  await expect(pair.getByRole("link", { name: zh.province.compare }).first()).toBeVisible();
  // The centre table: the latest approved update of the first Hangzhou centre is the Q3 round.
  await expect(cells(centreRow(page, hzA.name)).nth(LATEST_UPDATE)).toHaveText("2026年第3季度");
  await attachScreenshot(page, testInfo, "province-zh");

  // One of the pair: its milestone timeline, and who submitted and approved its Q3 update.
  await pair.getByRole("link", { name: hzA.name, exact: true }).click();
  await expect(page).toHaveURL(`/centres/${hzA.id}`);
  const timeline = page.locator("figure.timeline");
  await expect(timeline.locator("figcaption")).toHaveText(zh.centreDashboard.timelineCaption.replace("{name}", hzA.name));
  await expect(timeline.locator(".timeline-row .timeline-title")).toHaveText(hzAMilestones.map((m) => m.title));
  // Planned for 2026-09-30 at 60%: overdue now.
  const signing = timeline.locator(".timeline-row").filter({ hasText: "首批成果转化签约" });
  await expect(signing.locator(".timeline-status")).toHaveText(zh.charts.timeline.overdue.replace("{days}", String(daysBetween("2026-09-30", today))).replace("{progress}", "60"));
  await expect(timeline.locator(".timeline-row").filter({ hasText: "智算集群一期上线" }).locator(".timeline-status")).toHaveText(
    zh.charts.timeline.doneLate.replace("{date}", "2026-03-15").replace("{days}", "74"),
  );
  const events = page.getByTestId("update-events").locator("tbody tr");
  await expect(events).toHaveCount(2);
  await expect(cells(events.nth(0))).toHaveText(["2026-10-12 10:00", periodName(DEMO_PERIOD), zh.audit.actions.approve, accounts.reviewer.name, ""]);
  await expect(cells(events.nth(1))).toHaveText(["2026-10-08 10:00", periodName(DEMO_PERIOD), zh.audit.actions.submit, accounts.staffZj.name, ""]);
  await attachScreenshot(page, testInfo, "centre-zh");

  // Back to the province, then as of the close of 2026-Q3 through the picker.
  await page.getByRole("main").locator(".breadcrumb").getByRole("link", { name: "浙江省" }).click();
  await expect(page).toHaveURL(`/provinces/${ZJ}`);
  await showAsOf(page, zh, PAST);
  await expect(page).toHaveURL(`/provinces/${ZJ}?asOf=${PAST}`);
  // Planned progress to that day, and no approved update yet for the Hangzhou centre.
  const pastPlanned = zh.charts.target.planned.replace("{pct}", CENTRE_TARGET_PLANNED_PAST);
  await expect(targetBar(page, CENTRE_TARGET).locator(".target-bar-values > span").nth(1)).toHaveText(pastPlanned);
  expect(plannedNow).not.toBe(pastPlanned);
  await expect(cells(centreRow(page, hzA.name)).nth(LATEST_UPDATE)).toHaveText(zh.province.noUpdate);
  // New centres (registered by the tests today) did not exist yet; the pair did.
  await expect(page.getByTestId("province-centres").locator("tbody tr")).toHaveCount(DEMO_CENTRES.filter((c) => c.provinceCode === ZJ).length);
  await expect(pair).toHaveCount(1);
  await attachScreenshot(page, testInfo, "province-zh-as-of-2026-09-30");

  // The centre as of then: the link keeps the day; no submission or approval yet, the signing not yet late.
  await centreRow(page, hzA.name).getByRole("link", { name: hzA.name, exact: true }).click();
  await expect(page).toHaveURL(`/centres/${hzA.id}?asOf=${PAST}`);
  await expect(main(page).getByRole("status")).toContainText(zh.asOf.pastNotice.replace("{date}", PAST));
  await expect(page.getByTestId("update-events")).toHaveCount(0);
  await expect(main(page).getByText(zh.centreDashboard.noEvents, { exact: true })).toBeVisible();
  await expect(signing.locator(".timeline-status")).toHaveText(zh.charts.timeline.inProgress.replace("{progress}", "60"));
  await expect(timeline.locator(".timeline-legend")).toContainText(zh.centreDashboard.asOfLine.replace("{date}", PAST));

  // The overview as of then: the tiles lead to the province as of the same day; Zhejiang had spent nothing approved.
  await page.goto(`/overview?asOf=${PAST}`);
  await expect(tile(page, ZJ)).toHaveAttribute("href", `/provinces/${ZJ}?asOf=${PAST}`);
  await expect(cells(rollUpRow(page, ZJ)).nth(INVESTMENT)).toHaveText(/^0元 \/ \S+0%$/);
});

test("the measure switch recolours the map and renames its caption; the CSV export has a BOM and says which day it is as of", async ({ page }) => {
  await signIn(page, accounts.reviewer);
  const map = page.locator("figure.tile-map");
  const measures = main(page).getByRole("navigation", { name: zh.overview.measureChoice });
  await expect(measures.getByRole("link", { name: zh.overview.measures.completion })).toHaveAttribute("aria-current", "true");
  for (const measure of ["target_progress", "schedule_index", "red_flags"] as const) {
    const label = zh.overview.measures[measure];
    await measures.getByRole("link", { name: label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`[?&]measure=${measure}(&|$)`));
    await expect(map.locator("figcaption")).toHaveText(zh.overview.mapCaption.replace("{measure}", label));
    await expect(measures.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "true");
    await expect(tile(page, ZJ)).toHaveAccessibleName(new RegExp(`^浙江省，${label}：`));
  }
  // Zhejiang has at least the demo pair's red duplicate flag.
  await expect(tile(page, ZJ)).toHaveAccessibleName(new RegExp(`^浙江省，${zh.overview.measures.red_flags}：[1-9]\\d*$`));

  // Now: the export names today.
  await page.goto("/overview");
  const exportLink = main(page).getByRole("link", { name: zh.export.downloadAs.replace("{table}", zh.overview.byProvince).replace("{format}", "CSV") });
  await expect(exportLink).toHaveAttribute("href", /^\/overview\/export\?/);
  const now = await downloadCsv(page, exportLink);
  expect([...now.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(now.fileName).toBe(`${zh.export.overviewFile}-${today}.csv`);
  expect(now.rows[0]).toEqual([zh.export.scope, zh.export.national]);
  expect(now.rows[1]).toEqual([zh.export.asOf, zh.export.asOfNow.replace("{date}", today)]);

  // As of the close of 2026-Q3, chosen with the picker: the same line names that day, and Zhejiang's approved spending was nil.
  await showAsOf(page, zh, PAST);
  await expect(exportLink).toHaveAttribute("href", new RegExp(`asOf=${PAST}`));
  const past = await downloadCsv(page, exportLink);
  expect([...past.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(past.fileName).toBe(`${zh.export.overviewFile}-${PAST}.csv`);
  expect(past.rows[1]).toEqual([zh.export.asOf, zh.export.asOfPast.replace("{date}", PAST)]);
  const header = past.rows.find((row) => row[0] === zh.export.columns.code)!;
  const zhejiang = past.rows.find((row) => row[0] === ZJ)!;
  expect(zhejiang[1]).toBe("浙江省");
  expect(zhejiang[header.indexOf(`${zh.export.columns.executed}（${zh.export.yuan}）`)]).toBe("0");
  expect(Number(now.rows.find((row) => row[0] === ZJ)![header.indexOf(`${zh.export.columns.executed}（${zh.export.yuan}）`)])).toBeGreaterThan(0);
});

test("the reporting discipline page lists the overdue centres with their days late", async ({ page }, testInfo) => {
  await signIn(page, accounts.reviewer);
  await page.goto(`/reporting/discipline?period=${DEMO_PERIOD}`);
  await expect(main(page).getByRole("heading", { level: 1 })).toHaveText(zh.discipline.title);
  const due = dueDate(parsePeriod(DEMO_PERIOD)!, DEFAULT_CALENDAR);
  // Sichuan's Chengdu centre never reported the quarter: late from its due date to today.
  const late = page.getByTestId("overdue-list").getByRole("row").filter({ has: page.getByRole("link", { name: sichuanLate.name, exact: true }) });
  await expect(cells(late)).toHaveText(["四川省", periodName(DEMO_PERIOD), due, String(daysBetween(due, today))]);
  await attachScreenshot(page, testInfo, "discipline-zh");
});

test.describe("Zhejiang staff", () => {
  test("land on their province from the overview, are refused the export and do not find another province", async ({ page }) => {
    await signIn(page, accounts.staffZj);
    await page.goto("/overview");
    await expect(page).toHaveURL(`/provinces/${ZJ}`);
    await expect(main(page).getByRole("heading", { level: 1 })).toHaveText(`浙江省 ${ZJ}`);

    const exported = await page.request.get("/overview/export");
    expect(exported.status()).toBe(403);
    expect(await exported.json()).toEqual({ error: "forbidden" });
    const exportedPast = await page.request.get(`/overview/export?asOf=${PAST}`);
    expect(exportedPast.status()).toBe(403);

    for (const path of ["/provinces/440000", `/provinces/440000?asOf=${PAST}`]) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: zh.errors.notFoundTitle })).toBeVisible();
      await expect(page.getByTestId("target-bars")).toHaveCount(0);
    }
  });
});

test("in English: the overview and Zhejiang's page, now and as of the close of 2026-Q3", async ({ page }, testInfo) => {
  await signInIn(page, accounts.reviewer, "en");
  await expect(page).toHaveURL("/overview");
  await expect(main(page).getByRole("heading", { level: 1 })).toHaveText(en.overview.title);
  const map = page.locator("figure.tile-map");
  await expect(map.locator("figcaption")).toHaveText(en.overview.mapCaption.replace("{measure}", en.overview.measures.completion));
  await expect(tile(page, ZJ)).toHaveAccessibleName(new RegExp(`^Zhejiang, ${en.overview.measures.completion}: \\d+(\\.\\d)?%$`));
  await main(page).getByRole("navigation", { name: en.overview.measureChoice }).getByRole("link", { name: en.overview.measures.schedule_index }).click();
  await expect(map.locator("figcaption")).toHaveText(en.overview.mapCaption.replace("{measure}", en.overview.measures.schedule_index));
  await attachScreenshot(page, testInfo, "overview-en");

  await page.goto(`/provinces/${ZJ}`);
  await expect(main(page).getByRole("heading", { level: 1 })).toHaveText(`Zhejiang ${ZJ}`);
  await expect(targetBar(page, CENTRE_TARGET).locator(".target-bar-values")).toContainText(en.charts.target.actual.replace("{pct}", "0"));
  await expect(cells(centreRow(page, hzA.name)).nth(LATEST_UPDATE)).toHaveText(DEMO_PERIOD);
  await attachScreenshot(page, testInfo, "province-en");

  await showAsOf(page, en, PAST);
  await expect(targetBar(page, CENTRE_TARGET).locator(".target-bar-values > span").nth(1)).toHaveText(en.charts.target.planned.replace("{pct}", CENTRE_TARGET_PLANNED_PAST));
  await expect(cells(centreRow(page, hzA.name)).nth(LATEST_UPDATE)).toHaveText(en.province.noUpdate);
  await attachScreenshot(page, testInfo, "province-en-as-of-2026-09-30");

  await page.goto(`/overview?asOf=${PAST}`);
  await expect(main(page).getByRole("status")).toContainText(en.asOf.pastNotice.replace("{date}", PAST));
  await expect(cells(rollUpRow(page, ZJ)).nth(INVESTMENT)).toHaveText(/^CNY 0 \/ CNY \S+ \S+0%$/);
});

test("Zhejiang's page prints as an A4 report with its scope line", async ({ page }, testInfo) => {
  await signIn(page, accounts.reviewer);
  await page.goto(`/provinces/${ZJ}?asOf=${PAST}`);
  const scope = page.locator(".print-scope");
  await expect(scope).toBeHidden();
  await chartsDrawn(page);

  await page.emulateMedia({ media: "print" });
  await expect(scope).toBeVisible();
  await expect(scope).toHaveText(zh.province.printScope.replace("{province}", "浙江省").replace("{date}", PAST).replace("{printed}", today));
  // Controls are not printed.
  await expect(main(page).getByRole("form", { name: zh.asOf.label })).toBeHidden();
  await expect(main(page).getByRole("form", { name: zh.province.centreFilter })).toBeHidden();
  await page.screenshot({ path: testInfo.outputPath("province-zh-print.png"), fullPage: true });
  await testInfo.attach("province-zh-print", { path: testInfo.outputPath("province-zh-print.png"), contentType: "image/png" });

  const pdf = await page.pdf({ path: testInfo.outputPath("province-zh-a4.pdf"), format: "A4", printBackground: true });
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await testInfo.attach("province-zh-a4.pdf", { path: testInfo.outputPath("province-zh-a4.pdf"), contentType: "application/pdf" });
});

// Layout and chart checks: each names what a reader would see go wrong.

test("the dashboards fit a 1280-pixel window in both languages, without sideways scrolling", async ({ browser }) => {
  for (const language of ["zh", "en"] as const) {
    // A context per language, chosen before signing in, so the account's own setting is left alone.
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInIn(page, accounts.reviewer, language);
    for (const path of ["/overview", `/overview?asOf=${PAST}`, `/provinces/${ZJ}`, `/centres/${hzA.id}`]) {
      await page.goto(path);
      await chartsDrawn(page);
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
      expect.soft(scrollWidth, `${language} ${path} is ${scrollWidth - clientWidth}px wider than the window`).toBeLessThanOrEqual(clientWidth);
    }
    await context.close();
  }
});

test("the province page draws burn-up charts only for targets that centre reports measure, as its note says", async ({ page }) => {
  await signIn(page, accounts.reviewer);
  await page.goto(`/provinces/${ZJ}`);
  await expect(main(page).getByText(zh.province.burnUpNote, { exact: true })).toBeVisible();
  const charts = main(page).locator(".chart-grid figure.time-series figcaption");
  await expect(charts.filter({ hasText: CENTRE_TARGET })).toHaveCount(1);
  // Zhejiang's five province-wide targets have no measure ("未关联可计量指标"): nothing actual to plot.
  const unmeasured = ["到2027年人工智能企业数量达到3000家", "到2027年人工智能总营业收入达到10000亿元", "到2027年千亿级人工智能融合产业集群达到10个", "到2027年特色产业园区达到100个", "到2027年省级创新应用先导区达到15个"];
  const drawn = (await charts.allTextContents()).map((text) => text.trim());
  expect(drawn.filter((title) => unmeasured.includes(title)), "unmeasured targets with a burn-up chart").toEqual([]);
});

test("a centre's indicator charts with a single approved period keep a date axis, not hours of one day", async ({ page }) => {
  await signIn(page, accounts.reviewer);
  await page.goto(`/centres/${hzA.id}`);
  await expect(main(page).getByText(zh.centreDashboard.indicatorsNote.replace("{count}", "1"), { exact: true })).toBeVisible();
  await chartsDrawn(page);
  const axisLabels = await page.locator(".echart svg text").allTextContents();
  expect(axisLabels.length).toBeGreaterThan(0);
  expect(axisLabels.filter((text) => /^\d{1,2}:\d{2}$/.test(text.trim())), "time-of-day ticks on a chart of reporting periods").toEqual([]);
});
