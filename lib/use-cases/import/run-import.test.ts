import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import zh from "@/lib/i18n/messages/zh.json";
import { testCentreInput } from "@/db/test-db";
import type { Db } from "@/db/client";
import { createCentre, updateCentre } from "@/db/centres";
import { createMilestone } from "@/db/milestones";
import { createUser } from "@/db/users";
import { auditLog, centres, milestones, updates } from "@/db/schema";
import { centreRefs, importableCentres, importableMilestones, periodUpdates } from "@/db/imports";
import { listProvinceOptions } from "@/db/provinces";
import type { Actor } from "@/lib/domain/permissions";
import { csvWithPreamble } from "@/lib/export/csv";
import { tablesToXlsx, type TableSheet } from "@/lib/export/xlsx";
import { headerLabel, IMPORT_COLUMNS } from "@/lib/import/columns";
import type { ImportKind } from "@/lib/import/kinds";
import { templateSheet } from "@/lib/import/template";
import { addUser, auditCount, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { runImport, type ImportOutcome } from "./run-import";

let db: Db;
let close: () => void;
let staff: Actor;
let admin: Actor;

const t = createTranslator({ locale: "zh", messages: zh }) as unknown as (key: string, values?: Record<string, string | number>) => string;

function actor(email: string, role: Actor["role"], provinceCode: string | null): Actor {
  return { id: createUser(db, { email, name: email, passwordHash: "h", role, provinceCode, locale: "zh" }, { label: "test" }), role, provinceCode };
}

const header = (kind: ImportKind) => IMPORT_COLUMNS[kind].map(headerLabel);
const xlsx = async (sheet: Pick<TableSheet, "header" | "rows"> & { preamble?: TableSheet["preamble"] }) => new Uint8Array(await tablesToXlsx([{ name: "data", ...sheet }]));
const csv = (sheet: Pick<TableSheet, "header" | "rows">) => new TextEncoder().encode(csvWithPreamble([], sheet.header, sheet.rows));

async function run(user: Actor, kind: ImportKind, bytes: Uint8Array, extra: { period?: string; submit?: boolean; dryRun?: boolean } = {}): Promise<ImportOutcome> {
  const outcome = await runImport.execute(callAs(user.id), { kind, ...extra, file: { name: "test.xlsx", bytes } });
  if (!outcome.ok) throw new Error(`import refused: ${JSON.stringify(outcome.refusal)}`);
  return outcome.value;
}

/** Everything an import could change, to compare before and after. */
function snapshot() {
  return JSON.stringify([db.select().from(centres).all(), db.select().from(milestones).all(), db.select().from(updates).all(), db.select().from(auditLog).all().length]);
}

/** The filled template ("current data") exactly as the download builds it. */
function exportSheet(kind: ImportKind, user: Actor, period?: string): TableSheet {
  const scope = user.provinceCode ?? "all";
  const data = {
    locale: "zh" as const,
    provinces: listProvinceOptions(db),
    centres: importableCentres(db, scope),
    milestones: importableMilestones(db, scope),
    refs: centreRefs(db, scope),
    updates: period ? periodUpdates(db, scope, period) : undefined,
    period,
  };
  return templateSheet(kind, data, t, [["范围", "浙江省"], ["导出时间", "2026-11-27"]]);
}

const centreRow = (name: string, change: Record<number, string | number | null> = {}) => {
  const row: (string | number | null)[] = [null, "浙江省", "杭州市", name, "之江示例研究院", null, "浙江大学\n西湖大学", "大模型、智能制造", 500_000_000, "2026-01-01", "2027-12-31", "建设中", null];
  for (const [i, v] of Object.entries(change)) row[Number(i)] = v;
  return row;
};

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  staff = actor("zj@example.cn", "staff", "330000");
  admin = actor("admin@example.cn", "admin", null);
});
afterEach(() => close());

describe("importing centres", () => {
  it("creates the rows of a clean file in one batch with an audit entry per row, then a re-import changes nothing", async () => {
    const file = await xlsx({ header: header("centres"), rows: [centreRow("甲中心"), centreRow("乙中心", { 2: "330200", 7: "large_models" })] });
    const first = await run(staff, "centres", file);
    expect(first).toMatchObject({ status: "imported", counts: { rows: 2, create: 2, update: 0, unchanged: 0 } });
    const stored = importableCentres(db, "330000");
    expect(stored.map((c) => [c.name, c.cityCode, c.focusTags, c.partners])).toEqual([
      ["乙中心", "330200", ["large_models"], ["浙江大学", "西湖大学"]],
      ["甲中心", "330100", ["large_models", "smart_manufacturing"], ["浙江大学", "西湖大学"]],
    ]);
    const audit = db.select().from(auditLog).all().filter((a) => a.actorId === staff.id);
    expect(audit.map((a) => `${a.entity}:${a.action}`).sort()).toEqual(["centre:create", "centre:create", "import:import"]);
    const batch = audit.find((a) => a.entity === "import")!.after as { kind: string; rows: number; created: string[] };
    expect(batch).toMatchObject({ kind: "centres", rows: 2 });
    expect(new Set(batch.created)).toEqual(new Set(stored.map((c) => c.id)));

    const before = snapshot();
    expect(await run(staff, "centres", file)).toMatchObject({ status: "imported", counts: { create: 0, update: 0, unchanged: 2 }, batchId: null });
    expect(snapshot()).toBe(before);
  });

  it("round-trips its own export in XLSX and CSV without any change, then applies an edit made in the file", async () => {
    createCentre(db, testCentreInput("含\"引号\"、逗号, 和 =公式 的中心", { partners: ["甲, 乙 联合体", "丙; Ltd；有限公司"], focusTags: ["ai_for_science", "healthcare"], leadCreditCode: null }), { label: "test" });
    createCentre(db, testCentreInput("'=P2 Second centre – English name", { leadInstitution: "'+x 研究院" }), { label: "test" });
    const sheet = exportSheet("centres", staff);
    const before = snapshot();
    for (const bytes of [await xlsx(sheet), csv(sheet), new TextEncoder().encode(csvWithPreamble(sheet.preamble!, sheet.header, sheet.rows))]) {
      expect(await run(staff, "centres", bytes)).toMatchObject({ status: "imported", counts: { rows: 2, unchanged: 2, create: 0, update: 0 } });
    }
    expect(snapshot()).toBe(before);

    const edited = sheet.rows.map((row) => row.map((cell, i) => (i === 8 ? 900_000_000 : cell)));
    expect(await run(staff, "centres", await xlsx({ header: sheet.header, rows: edited }))).toMatchObject({ counts: { update: 2 } });
    expect(importableCentres(db, "330000").map((c) => c.plannedBudgetYuan)).toEqual([900_000_000, 900_000_000]);
  });

  it("refuses a file with planted errors whole, listing every one with row, column, value and reason", async () => {
    createCentre(db, testCentreInput("已有中心"), { label: "test" });
    const rows = [
      centreRow("好的一行"),
      centreRow("城市不对", { 2: "440100" }),
      centreRow("", { 8: "五亿" }),
      centreRow("日期颠倒", { 9: "2027-01-01", 10: "2026-01-01" }),
      centreRow("外省", { 1: "广东省", 2: "广州市", 8: "很多" }),
      centreRow("方向未知", { 7: "区块链", 11: "在建" }),
      centreRow("好的一行"),
      centreRow("编号不存在", { 0: "no-such-id" }),
      centreRow("信用代码", { 5: "12345" }),
    ];
    const before = snapshot();
    const outcome = await run(staff, "centres", await xlsx({ header: header("centres"), rows }));
    expect(outcome.status).toBe("refused");
    const issues = outcome.status === "refused" ? outcome.issues : [];
    const found = issues.map((i) => [i.row, i.column?.split(" / ")[0] ?? null, i.value, i.reason]);
    expect(found).toEqual([
      [3, "所在城市", "440100", "cityNotInProvince"],
      [4, "中心名称", null, "required"],
      [4, "计划投资（元）", "五亿", "number"],
      [5, "计划建成日期", "2026-01-01", "completionAfterStart"],
      [6, "省份", "广东省", "provinceNotYours"],
      [6, "计划投资（元）", "很多", "number"],
      [7, "重点方向", "区块链", "unknownCode"],
      [7, "建设状态", "在建", "unknownCode"],
      [8, null, null, "duplicateRow"],
      [9, "中心ID", "no-such-id", "centreNotFound"],
      [10, "牵头单位统一社会信用代码", "12345", "creditCode"],
    ]);
    expect(issues.find((i) => i.reason === "duplicateRow")!.params).toEqual({ first: 2 });
    expect(snapshot()).toBe(before);
  });

  it("reports header problems: unknown and repeated columns, missing required ones", async () => {
    const cols = header("centres").filter((h) => !h.startsWith("牵头单位 /"));
    const outcome = await run(staff, "centres", await xlsx({ header: [...cols, "备注", cols[3]!], rows: [centreRow("x").slice(0, 12)] }));
    const issues = outcome.status === "refused" ? outcome.issues : [];
    expect(issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [1, "备注", "unknownColumn"],
      [1, cols[3], "duplicateColumn"],
      [1, "牵头单位 / Lead institution", "missingColumn"],
    ]);
  });

  it("a dry run checks and counts but writes nothing", async () => {
    const before = snapshot();
    expect(await run(staff, "centres", await xlsx({ header: header("centres"), rows: [centreRow("甲")] }), { dryRun: true })).toEqual({
      status: "checked",
      counts: { rows: 1, create: 1, update: 0, unchanged: 0, skip: 0 },
    });
    expect(snapshot()).toBe(before);
  });

  it("lets an administrator import any province and matches by name within the province", async () => {
    createCentre(db, testCentreInput("同名中心"), { label: "test" });
    const rows = [centreRow("同名中心", { 1: "广东省", 2: "广州市" }), centreRow("同名中心", { 8: 123 })];
    expect(await run(admin, "centres", await xlsx({ header: header("centres"), rows }))).toMatchObject({ counts: { create: 1, update: 1 } });
  });
});

describe("imports racing other writes", () => {
  it("refuses a row of an export older than the stored record instead of undoing someone's later edit", async () => {
    const id = createCentre(db, testCentreInput("并发中心"), { label: "test" });
    const exported = exportSheet("centres", staff);
    updateCentre(db, id, 1, testCentreInput("并发中心", { leadInstitution: "他人修改的牵头单位" }), { label: "someone else" });
    const before = snapshot();
    const edited = exported.rows.map((row) => row.map((cell, i) => (i === 8 ? 900_000_000 : cell)));
    const outcome = await run(staff, "centres", await xlsx({ header: exported.header, rows: edited }));
    expect(outcome.status === "refused" && outcome.issues.map((i) => [i.row, i.column?.split(" / ")[0], i.value, i.reason, i.params])).toEqual([[2, "版本", "1", "staleVersion", { current: 2 }]]);
    expect(snapshot()).toBe(before);
  });

  it("writes a file imported twice at once only once: the later import plans again and finds it done", async () => {
    const rows = Array.from({ length: 1200 }, (_, i) => centreRow(`同时导入 ${i}`));
    const file = await xlsx({ header: header("centres"), rows });
    const [a, b] = await Promise.all([run(staff, "centres", file), run(staff, "centres", file)]);
    expect([a.counts.create, b.counts.create].sort()).toEqual([0, 1200]);
    expect([a.counts.unchanged, b.counts.unchanged].sort()).toEqual([0, 1200]);
    expect(importableCentres(db, "330000")).toHaveLength(1200);
  });
});

describe("importing milestones", () => {
  it("adds milestones to centres named by ID or by name, edits by milestone ID, and round-trips its export", async () => {
    const centreId = createCentre(db, testCentreInput("里程碑中心"), { label: "test" });
    const stored = createMilestone(db, { centreId, title: "算力上线", category: "compute", weight: 2, plannedDate: "2026-06-30", evidenceRequired: false }, { label: "test" });
    const rows = [
      [stored, centreId, null, null, "算力上线", "算力建设", 5, "2026-09-30", "是"],
      [null, null, null, "里程碑中心", "平台发布", "platform", null, "2027-03-31", null],
    ];
    expect(await run(staff, "milestones", await xlsx({ header: header("milestones"), rows }))).toMatchObject({ status: "imported", counts: { create: 1, update: 1 } });
    const after = importableMilestones(db, "330000");
    expect(after.map((m) => [m.title, m.category, m.weight, m.plannedDate, m.evidenceRequired])).toEqual([
      ["算力上线", "compute", 5, "2026-09-30", true],
      ["平台发布", "platform", 1, "2027-03-31", false],
    ]);
    const before = snapshot();
    const sheet = exportSheet("milestones", staff);
    expect(await run(staff, "milestones", csv(sheet))).toMatchObject({ counts: { unchanged: 2 } });
    expect(snapshot()).toBe(before);
  });

  it("takes the centre from the milestone's ID when the centre columns are blank; names a mistyped province; no false duplicates", async () => {
    const centreId = createCentre(db, testCentreInput("编号中心"), { label: "test" });
    const stored = createMilestone(db, { centreId, title: "验收", category: "operation", weight: 1, plannedDate: "2027-06-30", evidenceRequired: false }, { label: "test" });
    expect(await run(staff, "milestones", await xlsx({ header: header("milestones"), rows: [[stored, null, null, null, "验收", "运营", 2, "2027-06-30", "否"]] }))).toMatchObject({ counts: { update: 1 } });
    const rows = [
      [null, null, "浙江", "编号中心", "新的", "运营", 1, "2027-06-30", null],
      [null, null, "浙江省x", "编号中心", "新的", "运营", 1, "2027-06-30", null],
      [null, null, null, "没有的中心", "同名", "运营", 1, "2027-06-30", null],
      [null, null, null, "没有的中心", "同名", "运营", 1, "2027-06-30", null],
    ];
    const outcome = await run(staff, "milestones", await xlsx({ header: header("milestones"), rows }));
    expect(outcome.status === "refused" && outcome.issues.map((i) => [i.row, i.column?.split(" / ")[0], i.reason])).toEqual([
      [3, "省份", "unknownProvince"],
      [4, "中心名称", "centreNotFound"],
      [5, "中心名称", "centreNotFound"],
    ]);
  });

  it("refuses rows naming a centre outside the importer's province as not found", async () => {
    const gd = createCentre(db, testCentreInput("广东中心", { provinceCode: "440000", cityCode: "440100" }), { label: "test" });
    const outcome = await run(staff, "milestones", await xlsx({ header: header("milestones"), rows: [[null, gd, null, null, "x", "research", 1, "2026-09-30", "否"]] }));
    expect(outcome.status === "refused" && outcome.issues.map((i) => [i.row, i.reason])).toEqual([[2, "centreNotFound"]]);
  });
});

describe("importing one period's updates", () => {
  const valueHeader = header("updates");
  const row = (centreId: string, investment: number | null, extra: (string | number | null)[] = []) => [centreId, null, null, "2026-Q3", investment, ...extra];

  it("saves drafts with the form's rules, skips rows without figures, re-imports without change and submits on request", async () => {
    const a = createCentre(db, testCentreInput("报告甲"), { label: "test" });
    const b = createCentre(db, testCentreInput("报告乙"), { label: "test" });
    const header4 = valueHeader.slice(0, 5);
    const file = await xlsx({ header: header4, rows: [row(a, 200_000_000), row(b, null)] });
    expect(await run(staff, "updates", file, { period: "2026-Q3" })).toMatchObject({ status: "imported", counts: { create: 1, update: 0, skip: 1 } });
    expect(periodUpdates(db, "330000", "2026-Q3").get(a)).toMatchObject({ status: "draft", version: 1, values: { investmentExecutedYuan: 200_000_000 } });

    const before = snapshot();
    expect(await run(staff, "updates", file, { period: "2026-Q3" })).toMatchObject({ counts: { unchanged: 1, skip: 1 } });
    expect(snapshot()).toBe(before);

    const sheet = exportSheet("updates", staff, "2026-Q3");
    expect(await run(staff, "updates", await xlsx(sheet), { period: "2026-Q3" })).toMatchObject({ counts: { unchanged: 1, skip: 1 } });
    expect(snapshot()).toBe(before);

    expect(await run(staff, "updates", file, { period: "2026-Q3", submit: true })).toMatchObject({ status: "imported", counts: { update: 1 } });
    expect(periodUpdates(db, "330000", "2026-Q3").get(a)?.status).toBe("submitted");
    const changed = await xlsx({ header: header4, rows: [row(a, 210_000_000)] });
    const locked = await run(staff, "updates", changed, { period: "2026-Q3" });
    expect(locked.status === "refused" && locked.issues.map((i) => i.reason)).toEqual(["updateLocked"]);
  });

  it("applies the update rules against stored state and the period column", async () => {
    const a = createCentre(db, testCentreInput("规则中心"), { label: "test" });
    const column = (key: string) => headerLabel(IMPORT_COLUMNS.updates.find((c) => c.key === key)!);
    const cols = [...valueHeader.slice(0, 5), column("resultsProduced"), column("convertedSelf")];
    const outcome = await run(staff, "updates", await xlsx({ header: cols, rows: [[a, null, null, "2026-Q2", 1, 5, 9]] }), { period: "2026-Q3" });
    const issues = outcome.status === "refused" ? outcome.issues : [];
    expect(issues.map((i) => [i.row, i.column?.split(" / ")[0], i.reason])).toEqual([[2, "报告期", "periodMismatch"]]);
    const rules = await run(staff, "updates", await xlsx({ header: cols, rows: [[a, null, null, null, 1, 5, 9]] }), { period: "2026-Q3" });
    expect(rules.status === "refused" && rules.issues.map((i) => [i.column?.split(" / ")[0], i.reason])).toEqual([
      ["累计科技成果（项）", "convertedExceedsProduced"],
      // 1 元 of an 8 亿元 budget strays from the plan: the form asks for a narrative, and so does the import.
      ["进展说明", "narrativeRequiredDeviation"],
    ]);
  });
});

describe("files that are not tables", () => {
  it.each([
    ["old Excel", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), "oldExcel"],
    ["binary", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]), "notSpreadsheet"],
    ["broken zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "unreadable"],
    ["text without a header", new TextEncoder().encode("a,b\n1,2\n"), "noHeader"],
  ])("%s is refused with one whole-file reason", async (_name, bytes, reason) => {
    const outcome = await run(staff, "centres", bytes);
    expect(outcome).toMatchObject({ status: "refused", issues: [{ row: null, reason }] });
  });
});

describe("the import use case", () => {
  const file = () => xlsx({ header: header("centres"), rows: [centreRow("用例中心")] });

  it("refuses a reviewer with 403 before reading the file, and logs it once", async () => {
    const reviewer = addUser(db, "rev@zj.cn", "reviewer", "330000");
    const before = snapshot();
    const outcome = await runImport.execute(callAs(reviewer), { kind: "centres", file: { name: "x.xlsx", bytes: await file() } });
    expect(outcome).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(refusalsOf(db, reviewer).map((e) => e.reason)).toEqual(["role_reviewer"]);
    expect(snapshot()).toBe(before);
  });

  it("names an invalid option and a missing file", async () => {
    const outcome = await runImport.execute(callAs(staff.id), { kind: "projects" });
    if (outcome.ok || outcome.refusal.kind !== "invalid") throw new Error("expected invalid");
    expect(outcome.refusal.fields.map((f) => [f.path, f.code])).toEqual([
      ["kind", "invalid"],
      ["file", "fileRequired"],
    ]);
  });

  it("writes the file in one transaction, each row and the batch audited, reporting progress on the way", async () => {
    const events: string[] = [];
    const before = auditCount(db);
    const bytes = await xlsx({ header: header("centres"), rows: [centreRow("进度甲"), centreRow("进度乙")] });
    const outcome = await runImport.execute(callAs(staff.id), { kind: "centres", file: { name: "p.xlsx", bytes }, onProgress: (p: { phase: string }) => events.push(p.phase) });
    expect(outcome).toMatchObject({ ok: true, value: { status: "imported", counts: { create: 2 } } });
    expect(auditCount(db)).toBe(before + 3);
    expect(events[0]).toBe("reading");
    expect(events).toContain("checking");
    expect(events.at(-1)).toBe("writing");
  });

  it("answers another province's rows with import issues, writes nothing, and logs one refusal", async () => {
    const before = snapshot();
    const rows = [centreRow("外省甲", { 1: "广东省", 2: "广州市" }), centreRow("外省乙", { 1: "广东省", 2: "广州市" })];
    const outcome = await run(staff, "centres", await xlsx({ header: header("centres"), rows }));
    expect(outcome.status === "refused" && outcome.issues.map((i) => [i.row, i.reason])).toEqual([
      [2, "provinceNotYours"],
      [3, "provinceNotYours"],
    ]);
    expect(refusalsOf(db, staff.id).map((e) => e.reason)).toEqual(["row_out_of_scope"]);
    expect(snapshot()).toBe(before);
  });
});
