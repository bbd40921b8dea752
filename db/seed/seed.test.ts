import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { centreSchema } from "@/lib/validation/centre";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { createTestDb } from "../test-db";
import { centres, milestones, planTargets, provinces, updates, users } from "../schema";
import { findCredentialsByEmail } from "../users";
import { listCentresOfProvince } from "../centres";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoId, isEmptyDatabase, seedDemo } from ".";
import { DEMO_CENTRES } from "./demo-centres";
import type { Db } from "../client";

let db: Db;
let close: () => void;
beforeAll(async () => {
  ({ db, close } = createTestDb());
  await seedDemo(db, hashPassword);
});
afterAll(() => close());

function counts() {
  return {
    provinces: db.select().from(provinces).all().length,
    users: db.select().from(users).all().length,
    targets: db.select().from(planTargets).all().length,
    centres: db.select().from(centres).all().length,
    milestones: db.select().from(milestones).all().length,
    updates: db.select().from(updates).all().length,
  };
}

describe("demo seed", () => {
  it("loads all 34 divisions, the six accounts, the published targets and the invented centres", () => {
    expect(counts()).toMatchObject({ provinces: 34, users: 6, targets: 28, centres: DEMO_CENTRES.length, milestones: DEMO_CENTRES.flatMap((c) => c.milestones).length });
    expect(DEMO_CENTRES.length).toBeGreaterThanOrEqual(25);
    expect(DEMO_CENTRES.length).toBeLessThanOrEqual(40);
    expect(isEmptyDatabase(db)).toBe(false);
  });

  it("is idempotent", async () => {
    const before = counts();
    await seedDemo(db, hashPassword);
    expect(counts()).toEqual(before);
  });

  it("marks every invented record as demo, and labels the article's figures illustrative", () => {
    expect(db.select().from(centres).all().every((c) => c.isDemo)).toBe(true);
    expect(db.select().from(users).all().every((u) => u.isDemo)).toBe(true);
    const illustrative = db.select().from(planTargets).all().filter((t) => t.sourceStatus === "illustrative");
    expect(illustrative.map((t) => t.provinceCode).sort()).toEqual(["330000", "440000"]);
  });

  it("gives every demo account the documented password", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const stored = findCredentialsByEmail(db, account.email);
      expect(await verifyPassword(stored?.passwordHash, DEMO_PASSWORD)).toBe(true);
    }
  });

  it("holds only centres that the centre form itself would accept", () => {
    for (const { key, targetMetrics, milestones, ...centre } of DEMO_CENTRES) {
      expect(centreSchema.safeParse({ ...centre, targetIds: [] }).success, centre.name).toBe(true);
    }
  });

  it("includes a look-alike pair in one city for the duplicate-construction rule", () => {
    const hangzhou = listCentresOfProvince(db, "330000").filter((c) => c.cityCode === "330100");
    const pairs = hangzhou.flatMap((a, i) =>
      hangzhou.slice(i + 1).filter((b) => {
        const shared = a.focusTags.filter((t) => b.focusTags.includes(t)).length;
        const union = new Set([...a.focusTags, ...b.focusTags]).size;
        return shared / union >= 0.5 && a.leadInstitution === b.leadInstitution;
      }),
    );
    expect(pairs.length).toBeGreaterThanOrEqual(1);
  });
});

describe("demo reporting round", () => {
  it("has approved, in-review, returned and missing 2026-Q3 reports, made through the workflow", () => {
    const byStatus = (status: string) => db.select().from(updates).all().filter((u) => u.status === status).length;
    expect(byStatus("submitted")).toBe(3);
    expect(byStatus("returned")).toBe(1);
    expect(byStatus("approved")).toBeGreaterThanOrEqual(20);
    expect(db.select().from(updates).all().filter((u) => u.period === "2026-Q3").length).toBeLessThan(DEMO_CENTRES.length);
  });

  it("gives the research-led Beijing lab many results and few conversions", () => {
    const lab = db.select().from(updates).all().find((u) => u.resultsProduced === 180);
    expect(lab).toMatchObject({ status: "approved", convertedSelf: 3, convertedTransfer: 1, convertedLicense: 2 });
  });
});

describe("demo monthly province", () => {
  it("has Anhui on a monthly calendar with four approved months for the Hefei compute centre, utilization low in each", () => {
    const hefei = db.select().from(updates).all().filter((u) => u.centreId === demoId("centre", "ah-hf-compute-1"));
    expect(hefei.map((u) => [u.period, u.status])).toEqual([
      ["2026-07", "approved"],
      ["2026-08", "approved"],
      ["2026-09", "approved"],
      ["2026-10", "approved"],
    ]);
    expect(hefei.map((u) => u.utilizationPercent)).toEqual([24, 25, 26, 27]);
    // Cumulative counts never fall from one month to the next.
    const produced = hefei.map((u) => u.resultsProduced!);
    expect(produced).toEqual([...produced].sort((a, b) => a - b));
  });
});
