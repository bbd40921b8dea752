import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDb, testCentreInput } from "./test-db";
import { auditLog, confidenceRatings } from "./schema";
import { createCentre } from "./centres";
import { listConfidenceRatings, recordConfidenceRating, type ConfidenceRatingInput } from "./confidence";
import { createUser } from "./users";
import type { Db } from "./client";

let db: Db;
let close: () => void;
let reviewer: string;
let other: string;
let hangzhou: string;
let ningbo: string;

const centreInput = (name: string, cityCode: string) => testCentreInput(name, { cityCode, leadInstitution: `${name}牵头单位`, plannedBudgetYuan: 500_000_000 });

beforeEach(() => {
  ({ db, close } = createTestDb());
  const user = (email: string, name: string) => createUser(db, { email, name, passwordHash: "h", role: "reviewer", provinceCode: "330000", locale: "zh" }, { label: "test" });
  reviewer = user("rev@zj.cn", "浙江审核人");
  other = user("rev2@zj.cn", "第二审核人");
  hangzhou = createCentre(db, centreInput("杭州测试中心", "330100"), { label: "test" });
  ningbo = createCentre(db, centreInput("宁波测试中心", "330200"), { label: "test" });
  vi.useFakeTimers({ toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
  close();
});

function rate(at: string, centreId: string, change: Partial<ConfidenceRatingInput> = {}, actor = reviewer): string {
  vi.setSystemTime(new Date(at));
  return recordConfidenceRating(db, { centreId, rating: "amber", narrative: "进度基本可控", computedLevel: "green", computedCompletionPct: 42.5, ...change }, actor);
}

describe("confidence ratings", () => {
  it("stores the rating beside the computed level and completion, and audits it", () => {
    const id = rate("2026-11-27T02:00:00.000Z", hangzhou, { rating: "red", narrative: "设备到货延迟", computedLevel: "amber", computedCompletionPct: 35 });
    expect(db.select().from(confidenceRatings).where(eq(confidenceRatings.id, id)).get()).toEqual({
      id,
      centreId: hangzhou,
      rating: "red",
      narrative: "设备到货延迟",
      computedLevel: "amber",
      computedCompletionPct: 35,
      actorId: reviewer,
      at: "2026-11-27T02:00:00.000Z",
    });
    expect(db.select().from(auditLog).where(eq(auditLog.entity, "confidence_rating")).all()).toEqual([
      expect.objectContaining({
        actorId: reviewer,
        entityId: hangzhou,
        action: "rate",
        before: null,
        after: { centreId: hangzhou, rating: "red", narrative: "设备到货延迟", computedLevel: "amber", computedCompletionPct: 35 },
      }),
    ]);
  });

  it("lists a centre's ratings newest first with the reviewer's name, and nothing for a centre never rated", () => {
    rate("2026-09-30T02:00:00.000Z", hangzhou, { rating: "green", narrative: "一" });
    rate("2026-10-31T02:00:00.000Z", hangzhou, { rating: "amber", narrative: "二" });
    rate("2026-11-27T02:00:00.000Z", hangzhou, { rating: "red", narrative: "三" }, other);
    rate("2026-12-01T02:00:00.000Z", ningbo, { rating: "green", narrative: "另一中心" });
    expect(listConfidenceRatings(db, hangzhou).map((r) => [r.at.slice(0, 10), r.rating, r.narrative, r.actorName, r.computedLevel, r.computedCompletionPct])).toEqual([
      ["2026-11-27", "red", "三", "第二审核人", "green", 42.5],
      ["2026-10-31", "amber", "二", "浙江审核人", "green", 42.5],
      ["2026-09-30", "green", "一", "浙江审核人", "green", 42.5],
    ]);
    expect(listConfidenceRatings(db, "no-such-centre")).toEqual([]);
  });
});
