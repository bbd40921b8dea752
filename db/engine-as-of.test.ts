import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asOfCutoff } from "@/lib/domain/as-of";
import type { EngineInput } from "@/lib/domain/engine";
import type { Actor } from "@/lib/domain/permissions";
import { eq } from "drizzle-orm";
import { BLANK_UPDATE_VALUES, createTestDb, testCentreInput } from "./test-db";
import { centres, milestones } from "./schema";
import { createCentre, updateCentre } from "./centres";
import { computeEngine } from "./engine";
import { loadEngineInput } from "./engine-data";
import { createMilestone } from "./milestones";
import { seedDemo, seedProvinces } from "./seed";
import { seedScale } from "./seed/scale";
import { getUpdate, reviewUpdate, saveUpdate } from "./updates";
import { createUser } from "./users";
import type { Db } from "./client";

const ZJ = "330000";
const test = { label: "test" };
const START = "2026-07-01";

const blank = BLANK_UPDATE_VALUES;

const centreInput = testCentreInput;

/** Reports and milestones sorted, so two loads compare whatever order their queries returned. */
function normalised(input: EngineInput) {
  return {
    ...input,
    centres: [...input.centres]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((c) => ({ ...c, reports: [...c.reports].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd)), milestones: [...c.milestones].sort((a, b) => a.id.localeCompare(b.id)) })),
    targets: [...input.targets].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

describe("as of the far future the history reads exactly like the current data", () => {
  let db: Db;
  let close: () => void;
  beforeAll(async () => {
    ({ db, close } = createTestDb());
    await seedDemo(db, async () => "not-a-real-hash");
  });
  afterAll(() => close());

  it("gives the same engine input from update_approvals as from the approved updates", () => {
    const now = normalised(loadEngineInput(db, START));
    const future = normalised(loadEngineInput(db, START, "9999-12-31T00:00:00.000Z"));
    expect(now.centres.length).toBe(32);
    expect(now.centres.some((c) => c.reports.length > 0)).toBe(true);
    expect(future).toEqual(now);
  });

  it("shows the demo's July–October history: the end of September has Anhui's monthly rounds but no quarterly approval yet", () => {
    const september = loadEngineInput(db, START, asOfCutoff("2026-09-30"));
    const reported = september.centres.filter((c) => c.reports.length > 0);
    // Monthly rounds are approved 7 days after each month: July and August by the end of September.
    expect(new Set(reported.map((c) => c.provinceCode))).toEqual(new Set(["340000"]));
    for (const c of reported) expect(c.reports.map((r) => r.period).sort()).toEqual(["2026-07", "2026-08"]);
    // Registered before reporting began, so every demo centre is there.
    expect(september.centres.length).toBe(32);
    const before = loadEngineInput(db, START, asOfCutoff("2026-06-29"));
    expect(before.centres).toEqual([]);
    expect(before.targets).toEqual([]);
  });

  it("computes the engine as of a day with that day as today and only the flag reviews made by then", () => {
    const snapshot = computeEngine(db, "2026-11-27", START, "2026-09-30");
    expect(snapshot.today).toBe("2026-09-30");
    expect(snapshot.asOf).toBe("2026-09-30");
    const current = computeEngine(db, "2026-11-27", START);
    expect(current.asOf).toBeNull();
    expect(snapshot.completion.national.centres).toBe(current.completion.national.centres);
  });
});

describe("the synthetic scale data set keeps its approvals' record too", () => {
  it("reads the same as of the far future as now", () => {
    const { db, close } = createTestDb();
    try {
      seedProvinces(db);
      seedScale(db, { centres: 300, seed: 7 });
      const now = normalised(loadEngineInput(db, START));
      expect(now.centres.filter((c) => c.reports.length > 0).length).toBeGreaterThan(100);
      expect(normalised(loadEngineInput(db, START, "9999-12-31T00:00:00.000Z"))).toEqual(now);
    } finally {
      close();
    }
  });
});

describe("an approval reopened and corrected later", () => {
  let db: Db;
  let close: () => void;
  let centreId: string;
  let milestoneId: string;
  let lateCentreId: string;
  const at = (day: string) => `${day}T02:00:00.000Z`;
  const loadAt = (day: string) => loadEngineInput(db, START, asOfCutoff(day));
  const centreOf = (input: EngineInput, id: string) => input.centres.find((c) => c.id === id);

  beforeAll(() => {
    ({ db, close } = createTestDb());
    const user = (email: string, role: Actor["role"]): Actor => ({ id: createUser(db, { email, name: email, passwordHash: "h", role, provinceCode: ZJ, locale: "zh" }, test), role, provinceCode: ZJ });
    const staff = user("staff@zj.cn", "staff");
    const reviewer = user("rev@zj.cn", "reviewer");
    centreId = createCentre(db, centreInput("杭州示例中心"), test);
    milestoneId = createMilestone(db, { centreId, title: "一期上线", category: "compute", weight: 1, plannedDate: "2026-12-31", evidenceRequired: false }, test, { progress: 10, actualCompletionDate: null, isDemo: false });
    // Registered in June (the test runs later in real time).
    db.update(centres).set({ createdAt: at("2026-06-01") }).where(eq(centres.id, centreId)).run();
    db.update(milestones).set({ createdAt: at("2026-06-01") }).where(eq(milestones.id, milestoneId)).run();
    const save = (version: number, investment: number, progress: number, now: string) =>
      saveUpdate(db, { centreId, period: "2026-Q3", version, intent: "submit", values: { ...blank, investmentExecutedYuan: investment, correctionReason: version > 0 ? "更正" : null }, milestones: [{ id: milestoneId, progress, actualCompletionDate: null }] }, staff, now);
    const { id } = save(0, 100_000_000, 40, at("2026-10-05"));
    reviewUpdate(db, { id, version: 1, action: "approve", reason: null }, reviewer, at("2026-10-10"));
    reviewUpdate(db, { id, version: 2, action: "reopen", reason: "投资额有误" }, reviewer, at("2026-11-02"));
    save(3, 120_000_000, 50, at("2026-11-05"));
    reviewUpdate(db, { id, version: 4, action: "approve", reason: null }, reviewer, at("2026-11-09"));
    expect(getUpdate(db, centreId, "2026-Q3")?.status).toBe("approved");
    // Registered now (after every cutoff below): absent from the past views.
    lateCentreId = createCentre(db, centreInput("后登记中心", { cityCode: "330200" }), test);
  });
  afterAll(() => close());

  it("reads the first approval's figures while it stood", () => {
    const october = centreOf(loadAt("2026-10-31"), centreId)!;
    expect(october.reports.map((r) => r.investmentExecutedYuan)).toEqual([100_000_000]);
    expect(october.milestones[0]!.progress).toBe(40);
  });

  it("reads no approval between the reopen and the new approval, only the progress recorded at registration", () => {
    const reopened = centreOf(loadAt("2026-11-03"), centreId)!;
    expect(reopened.reports).toEqual([]);
    expect(reopened.milestones[0]!.progress).toBe(10);
  });

  it("reads the corrected figures after the second approval, as the current data does", () => {
    expect(centreOf(loadAt("2026-11-10"), centreId)!.reports.map((r) => r.investmentExecutedYuan)).toEqual([120_000_000]);
    expect(centreOf(loadEngineInput(db, START), centreId)!.reports.map((r) => r.investmentExecutedYuan)).toEqual([120_000_000]);
  });

  it("counts an approval only from the instant after it was made, in Beijing days", () => {
    // Approved 2026-10-10T02:00Z = 10:00 Beijing: in the view of that day's end, not of the day before.
    expect(centreOf(loadAt("2026-10-09"), centreId)!.reports).toEqual([]);
    expect(centreOf(loadAt("2026-10-10"), centreId)!.reports).toHaveLength(1);
  });

  it("leaves out records registered after the cutoff and undoes later edits of the rest", () => {
    const cutoffDay = new Date().toISOString().slice(0, 10);
    // An edit made now: the view of yesterday must show the centre as it was.
    updateCentre(db, centreId, 1, centreInput("杭州示例中心", { status: "operational", focusTags: ["smart_city"], plannedBudgetYuan: 900_000_000 }), test);
    const yesterday = new Date(Date.parse(`${cutoffDay}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const asOfYesterday = centreOf(loadAt(yesterday), centreId)!;
    expect(asOfYesterday.status).toBe("under_construction");
    expect(asOfYesterday.focusTags).toEqual(["large_models"]);
    expect(asOfYesterday.plannedBudgetYuan).toBe(800_000_000);
    // Registered today: not in yesterday's view.
    expect(centreOf(loadAt(yesterday), lateCentreId)).toBeUndefined();
    const current = centreOf(loadEngineInput(db, START), centreId)!;
    expect(current.status).toBe("operational");
    expect(current.focusTags).toEqual(["smart_city"]);
    expect(centreOf(loadEngineInput(db, START), lateCentreId)).toBeDefined();
  });
});
