import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { DEFAULT_THRESHOLDS } from "@/lib/domain/risk/thresholds";
import type { RiskFlag } from "@/lib/domain/risk/types";
import { createTestDb } from "./test-db";
import { centres, riskThresholds, users } from "./schema";
import { demoId, seedDemo } from "./seed";
import { computeEngine, readEngine } from "./engine";
import { recordFlagReview } from "./flag-reviews";
import { setThreshold } from "./thresholds";
import type { Db } from "./client";

// The demo's reference day and the day its reporting started.
const TODAY = "2026-11-27";
const REPORTING_START = "2026-07-01";

let db: Db;
let close: () => void;
let adminId: string;
beforeAll(async () => {
  ({ db, close } = createTestDb());
  await seedDemo(db, hashPassword);
  adminId = db.select({ id: users.id }).from(users).where(eq(users.email, "admin@demo.gov.cn")).get()!.id;
});
afterAll(() => close());

const id = (key: string) => demoId("centre", key);
const nameOf = (centreId: string) => db.select({ name: centres.name }).from(centres).where(eq(centres.id, centreId)).get()?.name;
const pairFlags = (flags: readonly RiskFlag[], a: string, b: string) =>
  flags.filter((f) => f.code === "duplicate_construction" && f.subject.ids.join() === [id(a), id(b)].sort().join());

describe("computeEngine on the demo data", () => {
  it("finds the demo centres by their stable ids", () => {
    expect(nameOf(id("zj-hz-llm-1"))).toBe("杭州城西大模型与智能制造创新中心");
    expect(nameOf(id("bj-hd-ai4s-lab"))).toBe("北京海淀科学智能（AI for Science）基础研究创新中心");
  });

  it("runs under the default thresholds with no reviews yet", () => {
    const snapshot = computeEngine(db, TODAY, REPORTING_START);
    expect(snapshot.today).toBe(TODAY);
    expect(snapshot.thresholds).toEqual(DEFAULT_THRESHOLDS);
    expect(snapshot.reviews.size).toBe(0);
    expect(snapshot.centres.size).toBe(db.select().from(centres).all().length);
  });

  it("flags the Hangzhou pair red: same city, same focus, same lead", () => {
    const { flags, centres: results } = computeEngine(db, TODAY, REPORTING_START);
    // Tags {large_models, smart_manufacturing} vs {large_models, smart_manufacturing, data_elements}: Jaccard 2/3.
    expect(pairFlags(flags, "zj-hz-llm-1", "zj-hz-llm-2")).toEqual([
      expect.objectContaining({
        severity: "red",
        values: expect.objectContaining({ rule: "same_city_focus", cityCode: "330100", jaccard: 0.6667, sharedLead: "之江智算研究院（示例）" }),
      }),
    ]);
    expect(results.get(id("zj-hz-llm-1"))!.computedLevel).toBe("red");
    expect(results.get(id("zj-hz-llm-2"))!.computedLevel).toBe("red");
  });

  it("flags the Shenzhen pair amber: same city and focus, different leads", () => {
    // Identical tags {large_models, algorithm_frameworks}: Jaccard 1.
    expect(pairFlags(computeEngine(db, TODAY, REPORTING_START).flags, "gd-sz-llm-1", "gd-sz-llm-2")).toEqual([
      expect.objectContaining({ severity: "amber", values: expect.objectContaining({ rule: "same_city_focus", cityCode: "440300", jaccard: 1, sharedLead: null }) }),
    ]);
  });

  it("flags one lead with two Guangdong centres in different cities amber", () => {
    // {smart_manufacturing, embodied_ai} vs {embodied_ai, smart_manufacturing, ai_chips}: Jaccard 2/3 ≥ 0.3.
    expect(pairFlags(computeEngine(db, TODAY, REPORTING_START).flags, "gd-fs-mfg-1", "gd-dg-embodied-1")).toEqual([
      expect.objectContaining({ severity: "amber", values: expect.objectContaining({ rule: "same_lead", leadInstitution: "粤智工业人工智能研究院（示例）", jaccard: 0.6667 }) }),
    ]);
  });

  it("flags the demo centres behind their own milestone plan on 2026-11-27", () => {
    const { flags, centres: results, flagsByProvince } = computeEngine(db, TODAY, REPORTING_START);
    const slipping = flags.filter((f) => f.code === "schedule_slippage" && f.subject.kind === "centre");
    // Zhuhai: weights 2,3,3,4,3 (15) at 100,100,30,15,20 → 710 ÷ 15 = 47.3%, all five due → 100%: 0.473, red.
    // Jiaxing: weights 2,3,4,3,3 (15) at 100,100,80,50,0 → 970 ÷ 15 = 64.7%; 12 of 15 due → 80%: 64.7 ÷ 80 = 0.809, amber.
    // Zhangjiang: weights 2,4,3,5,4 (18) at 100,100,100,70,0 → 1250 ÷ 18 = 69.4%; 14 of 18 due → 77.8%: 0.892, amber.
    // Haidian's 90.3 ÷ 100 = 0.903 is not below 0.9: no flag.
    expect(slipping.map((f) => [f.subject.ids[0], f.severity, f.values.scheduleIndex, f.values.completionPct, f.values.plannedCompletionPct])).toEqual([
      [id("gd-zh-health-1"), "red", 0.473, 47.3, 100],
      [id("zj-jx-llm-1"), "amber", 0.809, 64.7, 80],
      [id("sh-pd-chip-1"), "amber", 0.892, 69.4, 77.8],
    ]);
    expect(results.get(id("bj-hd-ai4s-lab"))!.scheduleIndex).toBe(0.903);
    // The flag the centre page and its province's list show.
    const jiaxing = slipping[1]!;
    expect(jiaxing.key).toBe(`schedule_slippage|${id("zj-jx-llm-1")}|centre`);
    expect(results.get(id("zj-jx-llm-1"))!.flags).toContain(jiaxing);
    expect(flagsByProvince.get("330000")).toContain(jiaxing);
    expect(jiaxing.explanation.zh).toBe("截至 2026-11-27，里程碑完成 64.7%，按计划应完成 80.0%，进度指数 0.809（完成/计划），低于 0.9 的黄色阈值。");
  });

  it("flags Zhejiang as scattered: three centres with large_models as primary focus", () => {
    const { flags, flagsByProvince } = computeEngine(db, TODAY, REPORTING_START);
    const scattered = flags.filter((f) => f.code === "scattered_resources" && f.subject.ids[0] === "330000");
    expect(scattered).toEqual([expect.objectContaining({ severity: "amber", values: expect.objectContaining({ primaryFocus: "large_models", largestCount: 3 }) })]);
    expect(flagsByProvince.get("330000")).toContain(scattered[0]);
  });

  it("flags the Beijing lab's conversion red: 6 of 180 = 3.3%, Wilson upper bound 7.1% < 20%", () => {
    const { flags, centres: results, flagsByProvince } = computeEngine(db, TODAY, REPORTING_START);
    const lab = id("bj-hd-ai4s-lab");
    const low = flags.filter((f) => f.code === "low_conversion" && f.subject.ids[0] === lab);
    expect(low).toEqual([expect.objectContaining({ severity: "red", values: expect.objectContaining({ converted: 6, produced: 180, rate: 0.0333, threshold: 0.2, period: "2026-Q3" }) })]);
    expect(results.get(lab)!.flags).toContain(low[0]);
    expect(results.get(lab)!.computedLevel).toBe("red");
    expect(flagsByProvince.get("110000")).toContain(low[0]);
    // Weights 2, 5, 4, 3, 3, 3 at 100, 100, 100, 100, 100, 35%: (2000 − 3 × 65) ÷ 20 = 1805 ÷ 20 = 90.25 → 90.3.
    expect(results.get(lab)!.completionPct).toBe(90.3);
  });

  it("returns the latest review of each flag with the snapshot", () => {
    const { flags } = computeEngine(db, TODAY, REPORTING_START);
    const flag = flags.find((f) => f.code === "low_conversion" && f.subject.ids[0] === id("bj-hd-ai4s-lab"))!;
    recordFlagReview(db, { flag, provinceCode: "110000", action: "acknowledged", comment: "基础研究为主", expiresOn: null }, adminId);
    expect(computeEngine(db, TODAY, REPORTING_START).reviews.get(flag.key)).toMatchObject({ action: "acknowledged", severity: "red" });
  });

  it("applies a stored threshold at once: conversion.rate 1% clears the lab's red flag, resetting brings it back", () => {
    const lab = id("bj-hd-ai4s-lab");
    const lowConversion = () => computeEngine(db, TODAY, REPORTING_START).flags.filter((f) => f.code === "low_conversion" && f.subject.ids[0] === lab);
    expect(lowConversion()).toHaveLength(1);

    setThreshold(db, { key: "conversion.rate", value: 0.01, version: 0 }, { userId: adminId });
    const relaxed = computeEngine(db, TODAY, REPORTING_START);
    expect(relaxed.thresholds.conversion.rate).toBe(0.01);
    expect(lowConversion()).toEqual([]); // 3.3% is not below 1%

    setThreshold(db, { key: "conversion.rate", value: null, version: 1 }, { userId: adminId });
    expect(lowConversion().map((f) => f.severity)).toEqual(["red"]);
  });
});

describe("readEngine", () => {
  it("reuses the snapshot until a version moves or the day changes, and recomputes after one", async () => {
    const first = await readEngine(db, TODAY, REPORTING_START);
    expect(await readEngine(db, TODAY, REPORTING_START)).toBe(first);
    expect(await readEngine(db, "2026-11-28", REPORTING_START)).not.toBe(first);

    const before = await readEngine(db, TODAY, REPORTING_START);
    const version = db.select().from(riskThresholds).all().find((r) => r.key === "conversion.minSample")?.version ?? 0;
    setThreshold(db, { key: "conversion.minSample", value: 500, version }, { userId: adminId });
    const after = await readEngine(db, TODAY, REPORTING_START);
    expect(after).not.toBe(before);
    // 180 results are now under the minimum sample: the research lab's flag is "insufficient sample".
    const labFlag = after.flags.find((f) => f.code === "low_conversion" && f.subject.ids[0] === id("bj-hd-ai4s-lab"));
    expect(labFlag?.severity).toBe("info");
    setThreshold(db, { key: "conversion.minSample", value: null, version: version + 1 }, { userId: adminId });
    expect((await readEngine(db, TODAY, REPORTING_START)).flags.find((f) => f.key === labFlag!.key)?.severity).toBe("red");
  });

  it("gives the full pass's figures, combined from the provinces' partitions", async () => {
    const full = computeEngine(db, TODAY, REPORTING_START);
    const model = await readEngine(db, TODAY, REPORTING_START);
    expect({ ...model, computedAt: "" }).toEqual({ ...full, computedAt: "" });
  });
});
