import type { Page } from "@playwright/test";
import readXlsxFile from "read-excel-file/node";
import { csvWithPreamble } from "../lib/export/csv";
import { headerLabel, IMPORT_COLUMNS } from "../lib/import/columns";
import type { ImportKind } from "../lib/import/kinds";
import { en, expect, test, uniqueSuffix, zh } from "./fixtures";

// Spreadsheet import. Each test imports into a province no other spec writes to (Gansu, Qinghai, Ningxia),
// through a staff account it creates, so counts and round trips are exact while other specs run alongside.

const header = (kind: ImportKind) => IMPORT_COLUMNS[kind].map(headerLabel);
const csvFile = (name: string, kind: ImportKind, rows: (string | number | null)[][], columns = header(kind)) => ({
  name,
  mimeType: "text/csv",
  buffer: Buffer.from(csvWithPreamble([], columns, rows), "utf8"),
});

/** A centres row in the template's column order; `change` replaces cells by column index. */
function centreRow(province: string, city: string, name: string, change: Record<number, string | number | null> = {}) {
  const row: (string | number | null)[] = [null, province, city, name, "示例研究院（示例）", null, "甲大学, 联合体\n乙研究所", "大模型、智能制造", 500_000_000, "2026-01-01", "2027-12-31", "建设中", null];
  for (const [i, v] of Object.entries(change)) row[Number(i)] = v;
  return row;
}

async function upload(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, button: string = zh.import.run) {
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByRole("button", { name: button, exact: true }).click();
}

/** The download behind a link, as bytes. */
async function download(page: Page, link: ReturnType<Page["getByRole"]>) {
  const waiting = page.waitForEvent("download");
  await link.click();
  const file = await waiting;
  return { name: file.suggestedFilename(), bytes: await (await file.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks)) };
}

const message = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));

test("staff import centres: every planted error listed and nothing written, then the corrected file, a repeat and its own export change nothing", async ({ signedInPage, createUser }) => {
  const staff = await createUser({ role: "staff", provinceCode: "620000" });
  const page = await signedInPage(staff);
  const suffix = uniqueSuffix();
  const names = [`导入中心甲 ${suffix}`, `含"引号"、逗号, 和 =公式 的中心 ${suffix}`];
  await page.goto("/");
  await page.getByRole("link", { name: zh.import.nav }).click();
  await expect(page.getByRole("heading", { level: 1, name: zh.import.title })).toBeVisible();

  const planted = [
    centreRow("甘肃省", "兰州市", names[0]!),
    centreRow("甘肃省", "杭州市", names[1]!, { 8: "五亿", 7: "区块链" }),
    centreRow("广东省", "广州市", `外省 ${suffix}`),
    centreRow("甘肃省", "兰州市", names[0]!),
    centreRow("甘肃省", "兰州市", "", { 9: "2026-02-30" }),
  ];
  await upload(page, csvFile("planted.csv", "centres", planted));
  await expect(page.getByText(message(zh.import.refused, { count: 7 }))).toBeVisible();
  const errors = page.locator("table.import-errors tbody tr");
  await expect(errors).toHaveCount(7);
  const cells = await errors.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent)));
  expect(cells).toEqual([
    ["3", header("centres")[2], "杭州市", zh.validation.cityNotInProvince],
    ["3", header("centres")[7], "区块链", expect.stringContaining("无法识别。可填：大模型")],
    ["3", header("centres")[8], "五亿", zh.validation.number],
    ["4", header("centres")[1], "广东省", zh.import.reasons.provinceNotYours],
    ["5", zh.import.wholeRow, "", message(zh.import.reasons.duplicateRow, { first: 2 })],
    ["6", header("centres")[3], "", zh.validation.required],
    ["6", header("centres")[9], "2026-02-30", zh.validation.date],
  ]);
  // Nothing was written: the province's current data holds no row.
  const empty = await download(page, page.getByRole("link", { name: "CSV" }).nth(1));
  expect(empty.bytes.toString("utf8")).not.toContain(suffix);

  const clean = csvFile("centres.csv", "centres", planted.slice(0, 2).map((row, i) => (i === 1 ? centreRow("甘肃省", "兰州市", names[1]!) : row)));
  await upload(page, clean);
  await expect(page.getByText(message(zh.import.imported, { rows: 2, create: 2, update: 0, unchanged: 0, skip: 0 }))).toBeVisible();
  await upload(page, clean);
  await expect(page.getByText(message(zh.import.imported, { rows: 2, create: 0, update: 0, unchanged: 2, skip: 0 }))).toBeVisible();

  // The province's current data as XLSX: every character back, and importing it changes nothing.
  const current = await download(page, page.getByRole("link", { name: "XLSX" }).nth(1));
  expect(current.name).toMatch(/\.xlsx$/);
  const [sheet] = await readXlsxFile(current.bytes);
  const rows = sheet!.data.slice(sheet!.data.findIndex((r) => r[0] === header("centres")[0]) + 1);
  expect(rows.map((r) => r[3]).sort()).toEqual([...names].sort());
  expect(rows.map((r) => r[6])).toEqual(["甲大学, 联合体\n乙研究所", "甲大学, 联合体\n乙研究所"]);
  await upload(page, { name: current.name, mimeType: "application/octet-stream", buffer: current.bytes });
  await expect(page.getByText(message(zh.import.imported, { rows: 2, create: 0, update: 0, unchanged: 2, skip: 0 }))).toBeVisible();

  // A dry run of an edit counts it and writes nothing.
  const edited = csvFile("edit.csv", "centres", [centreRow("甘肃省", "兰州市", names[0]!, { 8: 600_000_000 })]);
  await upload(page, edited, zh.import.check);
  await expect(page.getByText(message(zh.import.checked, { rows: 1, create: 0, update: 1, unchanged: 0, skip: 0 }))).toBeVisible();
  await upload(page, edited);
  await expect(page.getByText(message(zh.import.imported, { rows: 1, create: 0, update: 1, unchanged: 0, skip: 0 }))).toBeVisible();
});

test("staff import milestones by centre name, then a quarter's figures submitted for review", async ({ signedInPage, createUser }) => {
  const staff = await createUser({ role: "staff", provinceCode: "630000" });
  const page = await signedInPage(staff);
  const centre = `青海导入中心 ${uniqueSuffix()}`;
  await page.goto("/import");
  await upload(page, csvFile("c.csv", "centres", [centreRow("青海省", "西宁市", centre)]));
  await expect(page.getByText(message(zh.import.imported, { rows: 1, create: 1, update: 0, unchanged: 0, skip: 0 }))).toBeVisible();

  await page.getByRole("radio", { name: zh.import.kinds.milestones }).check();
  const milestones = [
    [null, null, null, centre, "算力平台上线", "算力建设", 3, "2026-12-31", "否"],
    [null, null, null, centre, "首批成果转化", "conversion", null, "2027-06-30", null],
  ];
  await upload(page, csvFile("m.csv", "milestones", milestones));
  await expect(page.getByText(message(zh.import.imported, { rows: 2, create: 2, update: 0, unchanged: 0, skip: 0 }))).toBeVisible();

  await page.getByRole("radio", { name: zh.import.kinds.updates }).check();
  await page.getByLabel(zh.import.period).selectOption("2026-Q3");
  await page.getByLabel(zh.import.submit).check();
  // Investment, patents filed and granted, results produced, converted by the centre itself.
  const figures = [[null, "青海省", centre, "2026-Q3", 190_000_000, 4, 1, 12, 2]];
  await upload(page, csvFile("u.csv", "updates", figures, header("updates").slice(0, 9)));
  await expect(page.getByText(message(zh.import.imported, { rows: 1, create: 1, update: 0, unchanged: 0, skip: 0 }))).toBeVisible();

  // The quarter's current data shows the figures; the update now waits for review, so changing it by import is refused.
  const current = await download(page, page.getByRole("link", { name: "CSV" }).nth(1));
  expect(current.bytes.toString("utf8")).toContain("190000000");
  figures[0]![4] = 200_000_000;
  await upload(page, csvFile("u2.csv", "updates", figures, header("updates").slice(0, 9)));
  await expect(page.locator("table.import-errors tbody tr")).toHaveText([new RegExp(zh.import.reasons.updateLocked)]);
});

test("English: headers and reasons in English, coded values accepted in either language", async ({ signedInPage, createUser }) => {
  const staff = await createUser({ role: "staff", provinceCode: "640000" });
  const page = await signedInPage(staff);
  await page.goto("/import");
  await page.getByRole("button", { name: "English", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: en.import.title })).toBeVisible();
  const name = `Ningxia import ${uniqueSuffix()}`;
  const rows = [centreRow("Ningxia", "银川市", name, { 7: "Large models; Blockchain", 11: "Under construction" })];
  await upload(page, csvFile("en.csv", "centres", rows), en.import.run);
  await expect(page.locator("table.import-errors tbody tr")).toHaveText([/Not recognised\. Choose from: Large models, AI chips/]);
  rows[0]![7] = "Large models; embodied_ai";
  await upload(page, csvFile("en.csv", "centres", rows), en.import.run);
  await expect(page.getByText(message(en.import.imported, { rows: 1, create: 1, update: 0, unchanged: 0, skip: 0 }))).toBeVisible();
});

test("a large file reports its progress while it is checked", async ({ signedInPage }) => {
  const page = await signedInPage({ email: "staff.zj@demo.gov.cn", password: "demo-pass-2026" });
  const rows = Array.from({ length: 3000 }, (_, i) => centreRow("浙江省", "杭州市", `进度测试 ${i}`));
  const response = await page.request.post("/import/run", { multipart: { kind: "centres", dryRun: "1", file: csvFile("big.csv", "centres", rows) } });
  expect(response.status()).toBe(200);
  const events = (await response.text()).trim().split("\n").map((line) => JSON.parse(line));
  const checking = events.filter((e) => e.phase === "checking").map((e) => e.done);
  expect(checking.length).toBeGreaterThanOrEqual(6);
  expect(checking).toEqual([...checking].sort((a, b) => a - b));
  expect(events.at(-1)).toMatchObject({ type: "result", status: "checked", counts: { rows: 3000, create: 3000 } });
});

test("only staff and administrators import; bad requests and cross-site posts are refused", async ({ signedInPage }) => {
  const reviewer = await signedInPage({ email: "reviewer@demo.gov.cn", password: "demo-pass-2026" });
  expect((await reviewer.goto("/import"))!.status()).toBe(403);
  await expect(reviewer.getByRole("link", { name: zh.import.nav })).toHaveCount(0);
  expect((await reviewer.request.get("/import/template?kind=centres")).status()).toBe(403);
  const file = csvFile("c.csv", "centres", [centreRow("浙江省", "杭州市", `不应写入 ${uniqueSuffix()}`)]);
  expect((await reviewer.request.post("/import/run", { multipart: { kind: "centres", file } })).status()).toBe(403);

  const staff = await signedInPage({ email: "staff.zj@demo.gov.cn", password: "demo-pass-2026" });
  const refused = async (status: number, multipart: Record<string, string | typeof file>, headers?: Record<string, string>) => {
    const response = await staff.request.post("/import/run", { multipart, headers });
    expect(response.status(), JSON.stringify(multipart).slice(0, 80)).toBe(status);
  };
  await refused(403, { kind: "centres", file }, { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
  await refused(400, { kind: "projects", file });
  await refused(400, { kind: "updates", file });
  await refused(400, { kind: "updates", period: "2026-Q5", file });
  await refused(400, { kind: "centres" });
  await refused(413, { kind: "centres", file: { name: "big.csv", mimeType: "text/csv", buffer: Buffer.alloc(11 * 1024 * 1024, "a") } });
  expect((await staff.request.get("/import/template?kind=projects")).status()).toBe(400);
  expect((await staff.request.get("/import/template?kind=updates&filled=1")).status()).toBe(400);
  const blank = await staff.request.get("/import/template?kind=milestones&format=csv");
  expect(blank.status()).toBe(200);
  expect(await blank.text()).toBe(`\uFEFF${header("milestones").map((h) => (/[",\n]/.test(h) ? `"${h.replace(/"/g, '""')}"` : h)).join(",")}\r\n`);
});
