import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConflictError, DomainError } from "@/lib/domain/errors";
import type { CentreInput } from "@/lib/validation/centre";
import { createTestDb } from "./test-db";
import { auditLog, centres } from "./schema";
import { createCentre, getCentre, listCentresOfProvince, updateCentre } from "./centres";
import { createMilestone, updateMilestone } from "./milestones";
import { createTarget } from "./targets";
import type { Db } from "./client";

let db: Db;
let close: () => void;
beforeEach(() => ({ db, close } = createTestDb()));
afterEach(() => close());

const actor = { label: "test" };
const input: CentreInput = {
  provinceCode: "330000",
  cityCode: "330100",
  name: "杭州测试中心",
  leadInstitution: "测试研究院",
  leadCreditCode: null,
  partners: ["甲"],
  focusTags: ["large_models", "smart_manufacturing"],
  plannedBudgetYuan: 800_000_000,
  startDate: "2026-01-01",
  plannedCompletionDate: "2027-12-31",
  status: "under_construction",
  targetIds: [],
};

function target(provinceCode: string) {
  return createTarget(
    db,
    {
      provinceCode,
      title: "t",
      kind: "count",
      metric: "m",
      unit: "个",
      targetValue: 10,
      baselineValue: 0,
      baselineDate: "2024-12-31",
      deadline: "2027-12-31",
      sourceDocument: "d",
      sourceUrl: null,
      sourceStatus: "sourced",
      measure: null,
      plannedValues: [],
    },
    actor,
  );
}

describe("centres", () => {
  it("stores focus tags in order and links targets of its own province", () => {
    const zjTarget = target("330000");
    const id = createCentre(db, { ...input, focusTags: ["smart_manufacturing", "large_models"], targetIds: [zjTarget] }, actor);
    const centre = getCentre(db, id);
    expect(centre?.focusTags).toEqual(["smart_manufacturing", "large_models"]);
    expect(centre?.targets.map((t) => t.id)).toEqual([zjTarget]);
    expect(listCentresOfProvince(db, "330000")).toHaveLength(1);
    expect(listCentresOfProvince(db, "440000")).toHaveLength(0);
  });

  it("refuses a target of another province and leaves no trace of the centre", () => {
    const gdTarget = target("440000");
    const auditBefore = db.select().from(auditLog).all().length;
    expect(() => createCentre(db, { ...input, targetIds: [gdTarget] }, actor)).toThrow(DomainError);
    expect(db.select().from(centres).all()).toHaveLength(0);
    expect(db.select().from(auditLog).all()).toHaveLength(auditBefore);
  });

  it("updates with the version read, refuses a stale one and a province move", () => {
    const id = createCentre(db, input, actor);
    updateCentre(db, id, 1, { ...input, plannedBudgetYuan: 900_000_000, focusTags: ["finance"] }, actor);
    expect(getCentre(db, id)).toMatchObject({ plannedBudgetYuan: 900_000_000, focusTags: ["finance"], version: 2 });
    expect(() => updateCentre(db, id, 1, { ...input, name: "过时" }, actor)).toThrow(ConflictError);
    expect(() => updateCentre(db, id, 2, { ...input, provinceCode: "440000", cityCode: "440300" }, actor)).toThrow(DomainError);
    expect(getCentre(db, id)?.name).toBe(input.name);
    const updates = db.select().from(auditLog).where(eq(auditLog.entityId, id)).all();
    expect(updates.map((u) => u.action)).toEqual(["create", "update"]);
    expect(updates[1]?.before).toMatchObject({ plannedBudgetYuan: 800_000_000 });
  });

  it("adds and edits milestones with optimistic concurrency", () => {
    const centreId = createCentre(db, input, actor);
    const base = { centreId, title: "完成可研批复", category: "planning" as const, weight: 2, plannedDate: "2026-06-30", evidenceRequired: false };
    const id = createMilestone(db, base, actor);
    updateMilestone(db, { id, version: 1, title: "完成可研批复（修订）", category: "planning", weight: 3, plannedDate: "2026-07-31", evidenceRequired: true }, actor);
    expect(getCentre(db, centreId)?.milestones[0]).toMatchObject({ weight: 3, evidenceRequired: true, version: 2, progress: 0 });
    expect(() =>
      updateMilestone(db, { id, version: 1, title: "x", category: "planning", weight: 1, plannedDate: "2026-07-31", evidenceRequired: false }, actor),
    ).toThrow(ConflictError);
  });

  // The API registers a centre with its milestones by calling both inside one outer transaction
  // (lib/use-cases/centres/create-centre.ts): better-sqlite3 turns the inner ones into savepoints, so all or nothing.
  it("nests centre and milestone creation in an outer transaction: a later failure leaves nothing", () => {
    const milestone = { title: "m", category: "planning" as const, weight: 1, plannedDate: "2026-07-31", evidenceRequired: false };
    expect(() =>
      db.transaction(() => {
        const id = createCentre(db, input, actor);
        createMilestone(db, { ...milestone, centreId: id }, actor);
        throw new DomainError("targetNotInProvince");
      }),
    ).toThrow(DomainError);
    expect(db.select().from(centres).all()).toHaveLength(0);
    expect(db.select().from(auditLog).all()).toHaveLength(0);

    const id = db.transaction(() => {
      const created = createCentre(db, input, actor);
      createMilestone(db, { ...milestone, centreId: created }, actor);
      return created;
    });
    expect(getCentre(db, id)?.milestones).toHaveLength(1);
  });
});
