import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConflictError, FieldErrors } from "@/lib/domain/errors";
import { DEFAULT_THRESHOLDS } from "@/lib/domain/risk/thresholds";
import { createTestDb } from "./test-db";
import { auditLog, riskThresholds } from "./schema";
import { getThresholds, listThresholdOverrides, setThreshold } from "./thresholds";
import { createUser } from "./users";
import type { Db } from "./client";

let db: Db;
let close: () => void;
let admin: { userId: string };

beforeEach(() => {
  ({ db, close } = createTestDb());
  admin = { userId: createUser(db, { email: "admin@test.cn", name: "管理员", passwordHash: "h", role: "admin", provinceCode: null, locale: "zh" }, { label: "test" }) };
});
afterEach(() => close());

const audits = () => db.select().from(auditLog).where(eq(auditLog.entity, "risk_threshold")).all();
const rows = () => db.select({ key: riskThresholds.key, value: riskThresholds.value, version: riskThresholds.version, updatedBy: riskThresholds.updatedBy }).from(riskThresholds).all();

describe("getThresholds", () => {
  it("gives the defaults when nothing is stored", () => {
    expect(getThresholds(db)).toEqual(DEFAULT_THRESHOLDS);
    expect(listThresholdOverrides(db).size).toBe(0);
  });

  it("ignores a stored key that is no longer a threshold", () => {
    db.insert(riskThresholds).values({ key: "conversion.retired", value: 0.9 }).run();
    expect(getThresholds(db)).toEqual(DEFAULT_THRESHOLDS);
  });

  it("ignores overrides of the removed rack-occupancy thresholds, and edits around them still work", () => {
    // Rows an administrator may have saved before the thresholds were removed; no migration deletes them.
    db.insert(riskThresholds).values({ key: "duplicate.idleOccupancyRedBelowPercent", value: 40 }).run();
    db.insert(riskThresholds).values({ key: "duplicate.idleOccupancyAmberBelowPercent", value: 30 }).run(); // even out of order
    expect(getThresholds(db)).toEqual(DEFAULT_THRESHOLDS);
    setThreshold(db, { key: "duplicate.idleUtilizationRedBelowPercent", value: 20, version: 0 }, admin);
    expect(getThresholds(db).duplicate).toEqual({ ...DEFAULT_THRESHOLDS.duplicate, idleUtilizationRedBelowPercent: 20 });
  });
});

describe("setThreshold", () => {
  it("inserts from version 0, updates with the version read, resets to the default, auditing each change", () => {
    setThreshold(db, { key: "conversion.rate", value: 0.1, version: 0 }, admin);
    expect(rows()).toEqual([{ key: "conversion.rate", value: 0.1, version: 1, updatedBy: admin.userId }]);
    expect(getThresholds(db).conversion.rate).toBe(0.1);
    expect(listThresholdOverrides(db).get("conversion.rate")).toMatchObject({ value: 0.1, version: 1 });

    setThreshold(db, { key: "conversion.rate", value: 0.15, version: 1 }, admin);
    expect(rows()).toEqual([{ key: "conversion.rate", value: 0.15, version: 2, updatedBy: admin.userId }]);

    setThreshold(db, { key: "conversion.rate", value: null, version: 2 }, admin);
    expect(rows()).toEqual([]);
    expect(getThresholds(db)).toEqual(DEFAULT_THRESHOLDS);

    expect(audits().map((a) => ({ entityId: a.entityId, action: a.action, actorId: a.actorId, before: a.before, after: a.after }))).toEqual([
      { entityId: "conversion.rate", action: "update", actorId: admin.userId, before: { value: 0.2 }, after: { value: 0.1 } }, // from the default
      { entityId: "conversion.rate", action: "update", actorId: admin.userId, before: { value: 0.1 }, after: { value: 0.15 } },
      { entityId: "conversion.rate", action: "reset", actorId: admin.userId, before: { value: 0.15 }, after: { value: 0.2 } }, // back to the default
    ]);
  });

  it("writes nothing when resetting a threshold already at its default", () => {
    setThreshold(db, { key: "conversion.rate", value: null, version: 0 }, admin);
    expect(rows()).toEqual([]);
    expect(audits()).toEqual([]);
  });

  it("keeps other keys apart: each has its own row and version", () => {
    setThreshold(db, { key: "conversion.rate", value: 0.1, version: 0 }, admin);
    setThreshold(db, { key: "stale.redMissedPeriods", value: 3, version: 0 }, admin);
    expect(getThresholds(db)).toMatchObject({ conversion: { rate: 0.1 }, stale: { redMissedPeriods: 3 } });
    expect([...listThresholdOverrides(db).values()].map((r) => [r.key, r.version]).sort()).toEqual([
      ["conversion.rate", 1],
      ["stale.redMissedPeriods", 1],
    ]);
  });

  it.each([
    // [saves before, stale version sent]
    ["a stale version after one save", 1, 0],
    ["a stale version after two saves", 2, 1],
    ["a version ahead of the row", 1, 2],
    ["a version for a row that does not exist", 0, 1],
  ])("refuses %s with ConflictError, writing nothing", (_, saves, version) => {
    for (let v = 0; v < saves; v++) setThreshold(db, { key: "conversion.rate", value: 0.1 + v / 100, version: v }, admin);
    const before = { rows: rows(), audits: audits().length };
    expect(() => setThreshold(db, { key: "conversion.rate", value: 0.05, version }, admin)).toThrow(ConflictError);
    expect(() => setThreshold(db, { key: "conversion.rate", value: null, version }, admin)).toThrow(ConflictError);
    expect({ rows: rows(), audits: audits().length }).toEqual(before);
  });

  // Defaults: schedule red 0.75 ≤ amber 0.9 (targets and centres alike); utilization red 30 ≤ amber 50;
  // funding amber elapsed 0.25 ≤ red elapsed 0.75.
  it.each([
    ["schedule.redBelowIndex", 0.95], // above amber 0.9
    ["schedule.amberBelowIndex", 0.7], // below red 0.75
    ["duplicate.idleUtilizationRedBelowPercent", 55], // above amber 50
    ["schedule.centreAmberBelowIndex", 0.7], // below the centres' red 0.75
    ["schedule.centreRedBelowIndex", 0.95], // above the centres' amber 0.9
    ["funding.amberElapsedShare", 0.8], // after red's 0.75
    ["funding.redElapsedShare", 0.2], // before amber's 0.25
  ])("refuses %s = %s with FieldErrors { value: thresholdOrder }, writing nothing", (key, value) => {
    let error: unknown;
    try {
      setThreshold(db, { key, value, version: 0 }, admin);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FieldErrors);
    expect((error as FieldErrors).keys).toEqual({ value: "thresholdOrder" });
    expect(rows()).toEqual([]);
    expect(audits()).toEqual([]);
  });

  it("accepts red equal to amber", () => {
    setThreshold(db, { key: "schedule.redBelowIndex", value: 0.9, version: 0 }, admin);
    expect(getThresholds(db).schedule).toMatchObject({ redBelowIndex: 0.9, amberBelowIndex: 0.9 });
  });

  it("checks the order against the other stored overrides, on reset too", () => {
    // Amber lowered to 0.8 first: a red of 0.85 now breaks the order although it is below the default amber.
    setThreshold(db, { key: "schedule.amberBelowIndex", value: 0.8, version: 0 }, admin);
    expect(() => setThreshold(db, { key: "schedule.redBelowIndex", value: 0.85, version: 0 }, admin)).toThrow(FieldErrors);
    // Red 0.5 and amber 0.6 are consistent; resetting red to its default 0.75 would put it above 0.6.
    setThreshold(db, { key: "schedule.redBelowIndex", value: 0.5, version: 0 }, admin);
    setThreshold(db, { key: "schedule.amberBelowIndex", value: 0.6, version: 1 }, admin);
    expect(() => setThreshold(db, { key: "schedule.redBelowIndex", value: null, version: 1 }, admin)).toThrow(FieldErrors);
    expect(getThresholds(db).schedule).toEqual({ ...DEFAULT_THRESHOLDS.schedule, redBelowIndex: 0.5, amberBelowIndex: 0.6 });
  });
});
