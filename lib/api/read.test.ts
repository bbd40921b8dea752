import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { computeEngine, type EngineSnapshot } from "@/db/engine";
import { getCentre, listCentresOfProvince } from "@/db/centres";
import { loadReportingDiscipline } from "@/db/reporting-discipline";
import { listProvinceOptions } from "@/db/provinces";
import { demoId, seedDemo } from "@/db/seed";
import { listTargets } from "@/db/targets";
import { createTestDb } from "@/db/test-db";
import { hashPassword } from "@/lib/auth/password";
import { countedPeriods, reportingDiscipline } from "@/lib/domain/reporting-discipline";
import { parsePeriod } from "@/lib/domain/periods";
import { centresQuerySchema, flagsQuerySchema } from "@/lib/validation/api-query";
import { centreDetail, centreList } from "./read-centres";
import { flagList } from "./read-flags";
import { provinceDetail, provinceSummaries } from "./read-provinces";
import { reportingBody } from "./read-reporting";
import { CentreDetailSchema, CentreListSchema, FlagListSchema, ProvinceDetailSchema, ProvinceListSchema, ReportingSchema } from "./schemas";

// The read models on the demo data set, every body checked against its response schema: parsing
// must give back exactly the body (no missing, mistyped or undocumented field).

const TODAY = "2026-11-27";
const START = "2026-07-01";
const ZJ = "330000";
let db: Db;
let close: () => void;
let engine: EngineSnapshot;
beforeAll(async () => {
  ({ db, close } = createTestDb());
  await seedDemo(db, hashPassword);
  engine = computeEngine(db, TODAY, START);
});
afterAll(() => close());

const envelope = () => ({ asOf: engine.asOf, today: engine.today });
const centresQuery = (query: Record<string, string> = {}) => centresQuerySchema(TODAY, START).parse(query);
const flagsQuery = (query: Record<string, string> = {}) => flagsQuerySchema(TODAY, START).parse(query);
const exact = <T>(schema: { parse: (v: unknown) => T }, body: T) => expect(schema.parse(body)).toEqual(body);

describe("provinces", () => {
  it("lists all 34 divisions for national readers and one for a province's", () => {
    const all = { ...envelope(), items: provinceSummaries(listProvinceOptions(db), engine, "all") };
    exact(ProvinceListSchema, all);
    expect(all.items).toHaveLength(34);
    const zj = all.items.find((p) => p.code === ZJ)!;
    expect(zj).toMatchObject({ nameZh: "浙江省", centres: listCentresOfProvince(db, ZJ).length });
    expect(Object.values(zj.centresByStatus).reduce((a, b) => a + b, 0)).toBe(zj.centres);
    expect(zj.openFlags.red).toBeGreaterThan(0); // the Hangzhou duplicate pair
    expect(provinceSummaries(listProvinceOptions(db), engine, ZJ)).toEqual([zj]);
    expect(provinceSummaries(listProvinceOptions(db), engine, "none")).toEqual([]);
  });

  it("gives a province's targets with progress and a forecast that carries a date only when it has one", () => {
    const body = { ...envelope(), ...provinceDetail(listProvinceOptions(db), listTargets(db, ZJ), engine, ZJ) };
    exact(ProvinceDetailSchema, body);
    expect(body.targets.map((t) => t.id)).toEqual(listTargets(db, ZJ).map((t) => t.id));
    for (const { forecast } of body.targets) {
      expect("forecastDate" in forecast).toBe(forecast.kind === "on_track" || forecast.kind === "late");
      expect("daysLate" in forecast).toBe(forecast.kind === "late");
    }
  });
});

describe("centres", () => {
  it("lists a province's centres by city and name, paged, with the total", () => {
    const all = centreList(db, engine, ZJ, centresQuery({ pageSize: "200" }));
    exact(CentreListSchema, { ...envelope(), ...all });
    expect(all.total).toBe(7);
    expect(all.items.every((c) => c.provinceCode === ZJ)).toBe(true);
    const second = centreList(db, engine, ZJ, centresQuery({ page: "2", pageSize: "3" }));
    expect(second).toMatchObject({ page: 2, pageSize: 3, total: 7 });
    expect(second.items).toEqual(all.items.slice(3, 6));
    expect(centreList(db, engine, ZJ, centresQuery({ page: "9" })).items).toEqual([]);
  });

  it("filters by status, tag, city and flags", () => {
    const status = centreList(db, engine, "all", centresQuery({ status: "operational", pageSize: "200" }));
    expect(status.total).toBeGreaterThan(0);
    expect(status.items.every((c) => c.status === "operational")).toBe(true);
    expect(centreList(db, engine, "all", centresQuery({ city: "330100" })).items.map((c) => c.id).sort()).toEqual([demoId("centre", "zj-hz-llm-1"), demoId("centre", "zj-hz-llm-2")].sort());
    expect(centreList(db, engine, ZJ, centresQuery({ tag: "ai_chips" })).items.every((c) => c.focusTags.includes("ai_chips"))).toBe(true);
    const flagged = centreList(db, engine, "all", centresQuery({ flag: "duplicate_construction", pageSize: "200" }));
    expect(flagged.items.map((c) => c.id)).toContain(demoId("centre", "zj-hz-llm-1"));
    expect(centreList(db, engine, "all", centresQuery({ flag: "any", pageSize: "200" })).items.every((c) => c.openFlags > 0)).toBe(true);
  });

  it("gives one centre with every field, its milestones and every flag naming it", () => {
    const id = demoId("centre", "zj-hz-llm-1");
    const body = { ...envelope(), ...centreDetail(db, engine, getCentre(db, id)!)! };
    exact(CentreDetailSchema, body);
    expect(body).toMatchObject({ id, provinceCode: ZJ, cityCode: "330100", version: 1, leadInstitution: "之江智算研究院（示例）", computedLevel: "red" });
    expect(body.milestones).toHaveLength(getCentre(db, id)!.milestones.length);
    expect(body.flags.some((f) => f.code === "duplicate_construction" && f.severity === "red" && f.review.state === "open")).toBe(true);
    expect(body.completionPercent).toBe(engine.centres.get(id)!.completionPct);
  });
});

describe("flags", () => {
  it("lists the flags of the scope, most severe first, with explanations and figures", () => {
    const all = flagList(engine, "all", flagsQuery({ pageSize: "200" }));
    exact(FlagListSchema, { ...envelope(), ...all });
    expect(all.total).toBe(engine.flags.length);
    const zj = flagList(engine, ZJ, flagsQuery({ pageSize: "200" }));
    expect(zj.total).toBe(engine.flagsByProvince.get(ZJ)!.length);
    expect(zj.items.every((f) => f.provinceCode === ZJ)).toBe(true);
    const red = flagList(engine, "all", flagsQuery({ severity: "red", code: "duplicate_construction" }));
    expect(red.items.length).toBeGreaterThan(0);
    expect(red.items.every((f) => f.severity === "red" && f.code === "duplicate_construction" && f.explanation.zh.length > 0)).toBe(true);
  });
});

describe("reporting", () => {
  it("counts 2026-Q3 per province and in total, with the overdue centres named", () => {
    const period = parsePeriod("2026-Q3")!;
    const periods = [...countedPeriods(period, "quarterly"), ...countedPeriods(period, "monthly")].map((p) => p.code);
    const cutoff = new Date().toISOString();
    const data = loadReportingDiscipline(db, { scope: "all", periods, cutoff });
    const report = reportingDiscipline({ period, today: TODAY, cutoff, reportingStart: START, provinces: data.provinces, centres: data.centres });
    const body = { asOf: null, today: TODAY, ...reportingBody("2026-Q3", { data, report }) };
    exact(ReportingSchema, body);
    expect(body.provinces).toHaveLength(34);
    expect(body.total!.expected).toBe(report.total.expected);
    expect(body.total!.reported).toBeLessThan(body.total!.expected); // a few demo centres never reported
    expect(body.overdue.length).toBeGreaterThan(0);
    expect(body.overdue.every((o) => o.centreName.length > 0 && o.centreName !== o.centreId)).toBe(true);
  });
});
