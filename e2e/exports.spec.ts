import fs from "node:fs/promises";
import type { APIResponse, Locator, Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import readXlsxFile from "read-excel-file/node";
import { DEMO_PERIOD } from "../db/seed/demo-updates";
import { DEFAULT_CALENDAR, daysBetween, dueDate, parsePeriod } from "../lib/domain/periods";
import { accounts, demoCentre, en, expect, periodName, signIn, test, today, zh } from "./fixtures";

// Downloads of the dashboards' tables and the quarterly report (issue 6, export half), over the demo
// data read-only. Exact figures are those of the close of 2026-Q3, which other journeys cannot change
// (records they add are registered later): see dashboards.spec.ts for how the pages show the same ones.

const ZJ = "330000";
const GD = "440000";
const PAST = "2026-09-30";
const hzA = demoCentre("zj-hz-llm-1");
const gdCentre = demoCentre("gd-sz-llm-1");
const sichuanLate = demoCentre("sc-cd-llm-1");
/** Zhejiang's centre-count target: 638 of its 1095 planned days had passed on 2026-09-30, so 58.3% was planned by then. */
const CENTRE_TARGET = "到2027年人工智能创新中心数量达到10个";
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const main = (page: Page) => page.getByRole("main");
const linkFor = (page: Page, table: string, format: "CSV" | "XLSX", m: typeof zh = zh) =>
  main(page).getByRole("link", { name: m.export.downloadAs.replace("{table}", table).replace("{format}", format), exact: true });

async function clickDownload(page: Page, link: Locator): Promise<{ bytes: Buffer; fileName: string }> {
  const downloading = page.waitForEvent("download");
  await link.click();
  const download = await downloading;
  return { bytes: await fs.readFile((await download.path())!), fileName: download.suggestedFilename() };
}

const csvRows = (bytes: Buffer) => parse(bytes, { bom: true, relax_column_count: true }) as string[][];

async function sheets(response: APIResponse) {
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe(XLSX_TYPE);
  return readXlsxFile(await response.body());
}

/** The rows after the header row (found by its first cell), as objects keyed by the header. */
function records<T>(rows: readonly (readonly T[])[], firstHeader: T): Record<string, T>[] {
  const at = rows.findIndex((row) => row[0] === firstHeader);
  expect(at).toBeGreaterThan(-1);
  const header = rows[at]!.map(String);
  return rows.slice(at + 1).map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]!])));
}

test("a national reviewer downloads the province tables as of the close of 2026-Q3, in CSV and XLSX, with the page's figures", async ({ page }) => {
  await signIn(page, accounts.reviewer);
  await page.goto(`/provinces/${ZJ}?asOf=${PAST}&city=330100`);

  const targetsCsv = await clickDownload(page, linkFor(page, zh.province.targets, "CSV"));
  expect([...targetsCsv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(targetsCsv.fileName).toBe(`浙江省-${zh.export.files.targets}-${PAST}.csv`);
  const rows = csvRows(targetsCsv.bytes);
  expect(rows[0]).toEqual([zh.export.scope, "浙江省"]);
  expect(rows[1]).toEqual([zh.export.asOf, zh.export.asOfPast.replace("{date}", PAST)]);
  expect(rows[2]).toEqual([zh.export.units, zh.export.unitsTargets]);
  const planned = `${zh.export.columns.plannedProgress}（%）`;
  expect(records(rows, zh.targets.title).find((r) => r[zh.targets.title] === CENTRE_TARGET)![planned]).toBe("58.3");

  const targetsXlsx = await sheets(await page.request.get((await linkFor(page, zh.province.targets, "XLSX").getAttribute("href"))!));
  const target = records(targetsXlsx[0]!.data, zh.targets.title).find((r) => r[zh.targets.title] === CENTRE_TARGET)!;
  expect(target[planned]).toBe(58.3);
  expect(target[zh.export.columns.deadline]).toBe("2027-12-31");

  // The centres table keeps the page's city filter, and says so.
  const centresXlsx = await clickDownload(page, linkFor(page, zh.province.centres, "XLSX"));
  expect(centresXlsx.fileName).toBe(`浙江省-${zh.export.files.centres}-${PAST}.xlsx`);
  const [centres] = await readXlsxFile(centresXlsx.bytes);
  expect(centres!.data[3]!.slice(0, 2)).toEqual([zh.export.filter, `${zh.centres.city}：杭州市`]);
  const listed = records(centres!.data, zh.centres.name);
  expect(listed.length).toBeGreaterThan(0);
  const row = listed.find((r) => r[zh.centres.name] === hzA.name)!;
  // Names and institutions with full-width brackets survive exactly; the budget is a number of yuan.
  expect(row[zh.centres.leadInstitution]).toBe("之江智算研究院（示例）");
  expect(row[`${zh.centres.plannedBudget}（元）`]).toBe(hzA.plannedBudgetYuan);
  expect(row[zh.province.latestUpdate]).toBeNull();
  expect(listed.every((r) => r[zh.centres.city] === "杭州市")).toBe(true);
});

test("the overview's tables, a centre's milestones and the overdue list download with scope, day and units", async ({ page }) => {
  await signIn(page, accounts.admin);
  await page.goto(`/overview?asOf=${PAST}`);
  const [overview] = await sheets(await page.request.get((await linkFor(page, zh.overview.byProvince, "XLSX").getAttribute("href"))!));
  expect(overview!.data[0]!.slice(0, 2)).toEqual([zh.export.scope, zh.export.national]);
  const zhejiang = records(overview!.data, zh.export.columns.code).find((r) => r[zh.export.columns.code] === ZJ)!;
  expect(zhejiang[zh.provinces.name]).toBe("浙江省");
  // Nothing of Zhejiang's was approved by then (the quarter's round was approved on 2026-10-12).
  expect(zhejiang[`${zh.export.columns.executed}（元）`]).toBe(0);

  const flags = csvRows((await clickDownload(page, linkFor(page, zh.risk.title, "CSV"))).bytes);
  const flagRecords = records(flags, zh.risk.columns.severity);
  expect(flagRecords.length).toBeGreaterThan(0);
  expect(flagRecords.length).toBeLessThanOrEqual(25);
  expect(Object.values(zh.risk.codes)).toContain(flagRecords[0]![zh.risk.columns.rule]);

  await page.goto(`/centres/${hzA.id}`);
  const milestones = csvRows((await clickDownload(page, linkFor(page, zh.centreDashboard.timeline, "CSV"))).bytes);
  expect(milestones[0]).toEqual([zh.export.scope, zh.export.centreScope.replace("{centre}", hzA.name).replace("{province}", "浙江省")]);
  expect(milestones[1]).toEqual([zh.export.asOf, zh.export.asOfNow.replace("{date}", today)]);
  // Planned for 2026-09-30 at 60%: overdue, late from that day to today, as the timeline says.
  const signing = records(milestones, zh.charts.timeline.columns.milestone).find((r) => r[zh.charts.timeline.columns.milestone] === "首批成果转化签约")!;
  expect(signing[zh.charts.timeline.columns.status]).toBe(zh.export.milestoneStates.overdue);
  expect(signing[`${zh.export.columns.daysLate}（天）`]).toBe(String(daysBetween("2026-09-30", today)));

  await page.goto(`/reporting/discipline?period=${DEMO_PERIOD}`);
  const overdue = csvRows((await clickDownload(page, linkFor(page, zh.discipline.overdueHeading, "CSV"))).bytes);
  expect(overdue[3]).toEqual([zh.export.filter, `${zh.discipline.period}：${periodName(DEMO_PERIOD)}`]);
  const due = dueDate(parsePeriod(DEMO_PERIOD)!, DEFAULT_CALENDAR);
  const late = records(overdue, zh.discipline.overdueColumns.centre).find((r) => r[zh.discipline.overdueColumns.centre] === sichuanLate.name)!;
  expect(Object.values(late)).toEqual([sichuanLate.name, "四川省", periodName(DEMO_PERIOD), due, String(daysBetween(due, today))]);
});

test("Zhejiang's quarterly report for 2026-Q3 is a workbook laid out as a government report", async ({ page }) => {
  await signIn(page, accounts.reviewer);
  await page.goto(`/provinces/${ZJ}`);
  const form = main(page).getByRole("region", { name: zh.report.formHeading });
  await form.getByLabel(zh.report.quarter).selectOption(DEMO_PERIOD);
  const report = await clickDownload(page, form.getByRole("button", { name: zh.report.download }));
  expect(report.fileName).toBe("浙江省人工智能创新中心建设情况季度报告-2026年第三季度.xlsx");
  const workbook = await readXlsxFile(report.bytes);
  expect(workbook.map((s) => s.sheet)).toEqual(Object.values(zh.report.sheets));
  const summary = workbook[0]!.data;
  expect(summary[0]![0]).toBe("浙江省人工智能创新中心建设情况季度报告（2026年第三季度）");
  expect(summary[1]!.slice(0, 2)).toEqual([zh.report.unit, "浙江省"]);
  expect(summary[3]!.slice(0, 2)).toEqual([zh.report.dataAsOf, zh.export.asOfPast.replace("{date}", PAST)]);
  expect(summary.find((r) => r[0] === zh.report.lines.executed)!.slice(1)).toEqual([0, "元"]);
  expect(typeof summary.find((r) => r[0] === zh.report.lines.centres)![1]).toBe("number");
  const target = records(workbook[1]!.data, zh.targets.title).find((r) => r[zh.targets.title] === CENTRE_TARGET)!;
  expect(target[`${zh.export.columns.plannedProgress}（%）`]).toBe(58.3);
  expect(records(workbook[2]!.data, zh.centres.name).map((r) => r[zh.centres.name])).toContain(hzA.name);
});

test.describe("provincial staff", () => {
  test("Zhejiang staff download their own province's tables and report, and are refused another province's and the national ones", async ({ page }) => {
    await signIn(page, accounts.staffZj);
    const refused = async (url: string, status: number) => {
      const response = await page.request.get(url);
      expect(response.status(), url).toBe(status);
    };
    // Another province's files are not found, as its pages are; the national file is refused to the role.
    await refused(`/provinces/${GD}/export?table=centres`, 404);
    await refused(`/provinces/${GD}/export?table=targets&format=xlsx`, 404);
    await refused(`/provinces/${GD}/report?quarter=${DEMO_PERIOD}`, 404);
    await refused("/overview/export?table=flags&format=xlsx", 403);
    await refused(`/reporting/discipline/export?province=${GD}`, 404);
    await refused(`/centres/${gdCentre.id}/export?table=milestones`, 404);
    // Parameters are checked as the pages check them: nothing is guessed.
    await refused(`/provinces/${ZJ}/export?table=centres&format=pdf`, 400);
    await refused(`/provinces/${ZJ}/export?table=budgets`, 400);
    await refused(`/provinces/${ZJ}/export?table=centres&asOf=${today}`, 400);
    await refused(`/provinces/${ZJ}/report?quarter=2026-09`, 400);

    const own = await sheets(await page.request.get(`/provinces/${ZJ}/report?quarter=${DEMO_PERIOD}&format=xlsx`));
    expect(own[0]!.data[1]!.slice(0, 2)).toEqual([zh.report.unit, "浙江省"]);
    const discipline = csvRows(await (await page.request.get(`/reporting/discipline/export?period=${DEMO_PERIOD}`)).body());
    expect(discipline[0]).toEqual([zh.export.scope, "浙江省"]);
  });

  test("Beijing staff, whose interface is English, get English headers for their own province", async ({ page }) => {
    await signIn(page, accounts.staffBj);
    await page.goto("/provinces/110000");
    const [centres] = await sheets(await page.request.get((await linkFor(page, en.province.centres, "XLSX", en).getAttribute("href"))!));
    expect(centres!.sheet).toBe(`Beijing-${en.export.files.centres}`);
    expect(centres!.data[0]!.slice(0, 2)).toEqual([en.export.scope, "Beijing"]);
    expect(records(centres!.data, en.centres.name).length).toBeGreaterThan(0);
    await expect(page.request.get(`/provinces/${ZJ}/export?table=centres`).then((r) => r.status())).resolves.toBe(404);
  });
});
