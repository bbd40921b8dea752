import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { createTestDb } from "../test-db";
import { computeEngine } from "../engine";
import { centreFocusTags, centres, centreTargets, milestones, planTargets, updateMilestones, updates, users } from "../schema";
import { seedScale, type ScaleProgress } from "./scale";
import { isCityInProvince } from "@/lib/domain/cities";
import { measureMismatch } from "@/lib/domain/target-measures";
import { FOCUS_TAGS } from "@/lib/domain/vocabulary";
import type { Db } from "../client";

const N = 200;
let db: Db;
let close: () => void;
let result: ReturnType<typeof seedScale>;
const progress: ScaleProgress[] = [];

beforeAll(() => {
  ({ db, close } = createTestDb());
  result = seedScale(db, { centres: N, seed: 7, onProgress: (p) => progress.push(p) });
});
afterAll(() => close());

function namesOf(seed: number): string[] {
  const other = createTestDb();
  try {
    seedScale(other.db, { centres: N, seed });
    return other.db.select({ name: centres.name }).from(centres).orderBy(asc(centres.id)).all().map((c) => c.name);
  } finally {
    other.close();
  }
}

describe("seedScale", () => {
  it("writes N centres with 20 milestones each, and says so", () => {
    expect(db.select().from(centres).all()).toHaveLength(N);
    expect(db.select().from(milestones).all()).toHaveLength(20 * N);
    expect(result).toMatchObject({ centres: N, milestones: 20 * N });
    expect(result.updates).toBe(db.select().from(updates).all().length);
    expect(result.updateMilestones).toBe(20 * result.updates);
    expect(db.select().from(updateMilestones).all()).toHaveLength(20 * result.updates);
    expect(progress.at(-1)).toMatchObject({ centresDone: N, centresTotal: N, rows: result.rows });
  });

  it("is the same data set for the same seed, and another for another seed", () => {
    const names = db.select({ name: centres.name }).from(centres).orderBy(asc(centres.id)).all().map((c) => c.name);
    expect(namesOf(7)).toEqual(names);
    expect(namesOf(8)).not.toEqual(names);
  });

  it("marks everything synthetic and demo, in real cities of each province, with 1–3 vocabulary tags", () => {
    const rows = db.select().from(centres).all();
    expect(rows.every((c) => c.isDemo && c.name.includes("合成") && isCityInProvince(c.cityCode, c.provinceCode))).toBe(true);
    const tags = db.select().from(centreFocusTags).all();
    const perCentre = new Map<string, number>();
    for (const t of tags) perCentre.set(t.centreId, (perCentre.get(t.centreId) ?? 0) + 1);
    expect(perCentre.size).toBe(N);
    expect([...perCentre.values()].every((n) => n >= 1 && n <= 3)).toBe(true);
    expect(tags.every((t) => (FOCUS_TAGS as readonly string[]).includes(t.tag))).toBe(true);
    expect(db.select().from(milestones).all().every((m) => m.isDemo && m.weight >= 1 && m.weight <= 5)).toBe(true);
    expect(db.select().from(planTargets).all().every((t) => t.isDemo && t.sourceStatus === "illustrative")).toBe(true);
  });

  it("gives milestones dates inside the construction period and progress that fits them", () => {
    const periodOf = new Map(db.select().from(centres).all().map((c) => [c.id, c]));
    for (const m of db.select().from(milestones).all()) {
      const centre = periodOf.get(m.centreId)!;
      expect(m.plannedDate > centre.startDate && m.plannedDate <= centre.plannedCompletionDate).toBe(true);
      expect(m.actualCompletionDate !== null).toBe(m.progress === 100);
      if (m.actualCompletionDate) expect(m.actualCompletionDate <= "2026-09-30").toBe(true);
    }
  });

  it("has approved updates for most centres that have started, cumulative and growing", () => {
    const rows = db.select().from(updates).orderBy(asc(updates.centreId), asc(updates.periodEnd)).all();
    expect(rows.every((u) => u.status === "approved" && u.approvedBy !== null && u.submittedBy !== null && u.editorIds.length === 0)).toBe(true);
    const started = db.select().from(centres).all().filter((c) => c.status !== "planned" && c.startDate <= "2026-09-30").length;
    const reporting = new Set(rows.map((u) => u.centreId)).size;
    expect(reporting / started).toBeGreaterThan(0.65);
    expect(reporting / started).toBeLessThan(0.95);
    for (let i = 1; i < rows.length; i++) {
      const [before, after] = [rows[i - 1]!, rows[i]!];
      if (before.centreId !== after.centreId) continue;
      expect(after.investmentExecutedYuan!).toBeGreaterThanOrEqual(before.investmentExecutedYuan!);
      expect(after.resultsProduced!).toBeGreaterThanOrEqual(before.resultsProduced!);
    }
    expect(rows.some((u) => u.utilizationPercent !== null)).toBe(true);
  });

  it("links every centre to plan targets whose measure fits their unit", () => {
    const targets = db.select().from(planTargets).all();
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.every((t) => t.measure !== null && measureMismatch(t.measure, t.kind, t.unit) === null)).toBe(true);
    expect(new Set(db.select().from(centreTargets).all().map((l) => l.centreId)).size).toBe(N);
  });

  it("refuses to load the same seed twice", () => {
    expect(() => seedScale(db, { centres: 10, seed: 7 })).toThrow(/already loaded/);
    expect(db.select().from(users).where(eq(users.email, "synthetic-7@synthetic.invalid")).all()).toHaveLength(1);
  });

  it("gives the engine look-alike centres to flag", () => {
    const snapshot = computeEngine(db, "2026-11-27", "2026-07-01");
    expect(snapshot.centres.size).toBe(N);
    const duplicates = snapshot.flags.filter((f) => f.code === "duplicate_construction");
    expect(duplicates.some((f) => f.values.rule === "same_city_focus")).toBe(true);
    expect([...snapshot.targets.values()].some((t) => t.actual !== null)).toBe(true);
  });
});
