import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CentreInput } from "@/lib/validation/centre";
import { focusTagsOfCentres, listCentreRowsForApi } from "./api-centres";
import { createCentre } from "./centres";
import type { Db } from "./client";
import { createTestDb } from "./test-db";

let db: Db;
let close: () => void;
const ids: Record<string, string> = {};

const input = (name: string, provinceCode: string, cityCode: string, focusTags: CentreInput["focusTags"]): CentreInput => ({
  provinceCode,
  cityCode,
  name,
  leadInstitution: "示例研究院（示例）",
  leadCreditCode: null,
  partners: [],
  focusTags,
  plannedBudgetYuan: 100_000_000,
  startDate: "2026-01-01",
  plannedCompletionDate: "2027-12-31",
  status: "under_construction",
  targetIds: [],
});

beforeAll(() => {
  ({ db, close } = createTestDb());
  const actor = { label: "test" };
  ids.ningbo = createCentre(db, input("B 中心", "330000", "330200", ["smart_manufacturing"]), actor);
  ids.hangzhouB = createCentre(db, input("B 中心", "330000", "330100", ["large_models", "ai_chips"]), actor);
  ids.hangzhouA = createCentre(db, input("A 中心", "330000", "330100", ["ai_chips", "large_models"]), actor);
  ids.shenzhen = createCentre(db, input("C 中心", "440000", "440300", ["large_models"]), actor);
});
afterAll(() => close());

describe("listCentreRowsForApi", () => {
  it("orders a scope's centres by province, city and name, with their version", () => {
    const rows = listCentreRowsForApi(db, { scope: "all" });
    expect(rows.map((r) => r.id)).toEqual([ids.hangzhouA, ids.hangzhouB, ids.ningbo, ids.shenzhen]);
    expect(rows[0]).toEqual({ id: ids.hangzhouA, version: 1, provinceCode: "330000", cityCode: "330100", name: "A 中心" });
    expect(listCentreRowsForApi(db, { scope: "440000" }).map((r) => r.id)).toEqual([ids.shenzhen]);
    expect(listCentreRowsForApi(db, { scope: "110000" })).toEqual([]);
  });

  it("narrows by city and by focus tag, whatever the tag's position", () => {
    expect(listCentreRowsForApi(db, { scope: "330000", city: "330100" }).map((r) => r.id)).toEqual([ids.hangzhouA, ids.hangzhouB]);
    expect(listCentreRowsForApi(db, { scope: "all", tag: "ai_chips" }).map((r) => r.id)).toEqual([ids.hangzhouA, ids.hangzhouB]);
    expect(listCentreRowsForApi(db, { scope: "440000", tag: "ai_chips" })).toEqual([]);
  });
});

describe("focusTagsOfCentres", () => {
  it("gives each centre's tags, primary first", () => {
    const tags = focusTagsOfCentres(db, [ids.hangzhouA!, ids.hangzhouB!]);
    expect(tags.get(ids.hangzhouA!)).toEqual(["ai_chips", "large_models"]);
    expect(tags.get(ids.hangzhouB!)).toEqual(["large_models", "ai_chips"]);
    expect(tags.has(ids.ningbo!)).toBe(false);
    expect(focusTagsOfCentres(db, []).size).toBe(0);
  });
});
