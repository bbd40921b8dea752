import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { makeFlag, type RiskFlag } from "@/lib/domain/risk/types";
import { createTestDb } from "./test-db";
import { auditLog, flagReviews } from "./schema";
import { flagHistory, latestFlagReviews, recordFlagReview, type FlagReviewInput } from "./flag-reviews";
import { createUser } from "./users";
import type { Db } from "./client";

// Ids come from randomUUID; a test can queue the next ones to make a tie on `at` decidable.
const uuids = vi.hoisted(() => ({ queue: [] as string[] }));
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, randomUUID: () => uuids.queue.shift() ?? actual.randomUUID() };
});

let db: Db;
let close: () => void;
let reviewer: string;
let other: string;

beforeEach(() => {
  ({ db, close } = createTestDb());
  const user = (email: string, name: string) => createUser(db, { email, name, passwordHash: "h", role: "reviewer", provinceCode: "330000", locale: "zh" }, { label: "test" });
  reviewer = user("rev@zj.cn", "浙江审核人");
  other = user("rev2@zj.cn", "第二审核人");
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
  uuids.queue.length = 0;
  close();
});

const lowConversion: RiskFlag = makeFlag("low_conversion", "red", { kind: "centre", ids: ["c1"] }, { converted: 6, produced: 180, rate: 0.0333, period: "2026-Q3" }, { zh: "…", en: "…" });
const duplicate: RiskFlag = makeFlag("duplicate_construction", "amber", { kind: "centre_pair", ids: ["c3", "c2"] }, { rule: "same_city_focus", jaccard: 1 }, { zh: "…", en: "…" }, "same_city_focus");

function record(at: string, flag: RiskFlag, change: Partial<FlagReviewInput> = {}, actor = reviewer): string {
  vi.setSystemTime(new Date(at));
  return recordFlagReview(db, { flag, provinceCode: "330000", action: "acknowledged", comment: "已知悉", expiresOn: null, ...change }, actor);
}

describe("flag reviews", () => {
  it("stores the flag as it was (severity and figures) with the review, and audits it", () => {
    const id = record("2026-11-27T02:00:00.000Z", lowConversion, { action: "dismissed", comment: "样本为基础研究成果", expiresOn: "2026-12-31" });
    expect(db.select().from(flagReviews).where(eq(flagReviews.id, id)).get()).toEqual({
      id,
      flagKey: "low_conversion|c1",
      code: "low_conversion",
      provinceCode: "330000",
      action: "dismissed",
      comment: "样本为基础研究成果",
      expiresOn: "2026-12-31",
      severity: "red",
      values: { converted: 6, produced: 180, rate: 0.0333, period: "2026-Q3" },
      actorId: reviewer,
      at: "2026-11-27T02:00:00.000Z",
    });
    const audit = db.select().from(auditLog).where(eq(auditLog.entity, "flag")).all();
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: reviewer,
        entityId: "low_conversion|c1",
        action: "dismissed",
        before: null,
        after: { comment: "样本为基础研究成果", expiresOn: "2026-12-31", severity: "red" },
      }),
    ]);
  });

  it("keeps a null province (a flag outside any one province's scope)", () => {
    const id = record("2026-11-27T02:00:00.000Z", lowConversion, { provinceCode: null });
    expect(db.select().from(flagReviews).where(eq(flagReviews.id, id)).get()?.provinceCode).toBeNull();
  });

  it("gives the latest review of each flag by key, and an empty map before any", () => {
    expect(latestFlagReviews(db).size).toBe(0);
    record("2026-11-27T02:00:00.000Z", lowConversion, { action: "dismissed", expiresOn: "2026-12-31" });
    record("2026-11-27T03:00:00.000Z", duplicate, { action: "justified", expiresOn: "2027-06-30" });
    record("2026-11-28T01:00:00.000Z", lowConversion, { action: "reopened", comment: "数据已更正" }, other);
    const latest = latestFlagReviews(db);
    expect([...latest.keys()].sort()).toEqual(["duplicate_construction|c2,c3|same_city_focus", "low_conversion|c1"]);
    expect(latest.get("low_conversion|c1")).toEqual({ action: "reopened", severity: "red", values: lowConversion.values, expiresOn: null, at: "2026-11-28T01:00:00.000Z" });
    expect(latest.get(duplicate.key)).toMatchObject({ action: "justified", expiresOn: "2027-06-30", severity: "amber" });
  });

  it("lists one flag's history newest first with the reviewer's name, and nothing for an unknown key", () => {
    record("2026-11-27T02:00:00.000Z", lowConversion, { action: "acknowledged", comment: "一" });
    record("2026-11-27T03:00:00.000Z", duplicate, { comment: "另一面旗" });
    record("2026-11-28T00:00:00.000Z", lowConversion, { action: "dismissed", comment: "二", expiresOn: "2027-01-31" });
    record("2026-11-29T00:00:00.000Z", lowConversion, { action: "reopened", comment: "三" }, other);
    expect(flagHistory(db, "low_conversion|c1").map((h) => [h.at.slice(0, 10), h.action, h.comment, h.actorName])).toEqual([
      ["2026-11-29", "reopened", "三", "第二审核人"],
      ["2026-11-28", "dismissed", "二", "浙江审核人"],
      ["2026-11-27", "acknowledged", "一", "浙江审核人"],
    ]);
    expect(flagHistory(db, "low_conversion|nobody")).toEqual([]);
  });

  it("stamps a review after the previous one of the same flag even when the clock reads earlier", () => {
    record("2026-11-28T00:00:00.000Z", lowConversion, { action: "dismissed", comment: "二", expiresOn: "2027-01-31" });
    record("2026-11-27T00:00:00.000Z", lowConversion, { action: "reopened", comment: "三" });
    expect(flagHistory(db, lowConversion.key).map((h) => [h.at, h.action])).toEqual([
      ["2026-11-28T00:00:00.001Z", "reopened"],
      ["2026-11-28T00:00:00.000Z", "dismissed"],
    ]);
  });

  // Two reviews in the same millisecond keep the order they were made in (the second is stamped 1 ms
  // later), whatever their random ids.
  it("takes the review recorded last as the latest, even within one millisecond", () => {
    uuids.queue.push("ffffffff-0000-4000-8000-000000000000", "00000000-0000-4000-8000-000000000000");
    record("2026-11-27T02:00:00.000Z", lowConversion, { action: "dismissed" });
    record("2026-11-27T02:00:00.000Z", lowConversion, { action: "reopened" });
    expect(latestFlagReviews(db).get(lowConversion.key)?.action).toBe("reopened");
  });
});
