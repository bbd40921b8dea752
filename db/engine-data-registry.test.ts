import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/permissions";
import { INDICATORS, type IndicatorDef } from "@/lib/registry/indicators";
import { BLANK_UPDATE_VALUES, createTestDb, testCentreInput } from "./test-db";
import { centreApprovedHistory } from "./centre-history";
import { createCentre } from "./centres";
import { loadEngineInput } from "./engine-data";
import { reviewUpdate, saveUpdate } from "./updates";
import { createUser } from "./users";
import type { Db } from "./client";

// Every indicator the registry gives an engine use reaches the engine's input once approved: read from
// the updates table (now) and from the approval's record (as of a day), and in the centre's history.
// The expected report is worked out here from the registry alone, not by the mapping under test.

const START = "2026-01-01";
const test = { label: "test" };

/** A distinct figure per indicator (the 3rd indicator reports 3 × 11 = 33, or 33.5 if it is a measurement). */
function reported(def: IndicatorDef, index: number): number | string {
  if (def.type === "enum") return def.values![0];
  const n = (index + 1) * 11;
  return def.type === "decimal" || def.type === "percent" ? Math.min(n, 99) + 0.5 : n;
}
const values = Object.fromEntries((INDICATORS as readonly IndicatorDef[]).map((d, i) => [d.key, reported(d, i)]));

function expectedReport(period: string, periodEnd: string): Record<string, unknown> {
  const report: Record<string, unknown> = { period, periodEnd };
  for (const d of INDICATORS as readonly IndicatorDef[]) {
    if (d.engine === null) continue;
    if ("figure" in d.engine) report[d.engine.figure] = values[d.key];
    else report[d.engine.sum] = ((report[d.engine.sum] as number | undefined) ?? 0) + (values[d.key] as number);
  }
  return report;
}

let db: Db;
let close: () => void;
let centreId: string;

beforeAll(() => {
  ({ db, close } = createTestDb());
  const user = (email: string, role: Actor["role"]): Actor => ({ id: createUser(db, { email, name: email, passwordHash: "h", role, provinceCode: "330000", locale: "zh" }, test), role, provinceCode: "330000" });
  const staff = user("staff@zj.cn", "staff");
  const reviewer = user("rev@zj.cn", "reviewer");
  centreId = createCentre(db, testCentreInput("杭州示例中心"), test);
  const { id } = saveUpdate(db, { centreId, period: "2026-Q2", version: 0, intent: "submit", values: { ...BLANK_UPDATE_VALUES, ...values }, milestones: [] }, staff);
  reviewUpdate(db, { id, version: 1, action: "approve", reason: null }, reviewer);
});
afterAll(() => close());

describe("the engine's input, by the indicator registry", () => {
  it("gives some indicators an engine use, and more than one a sum", () => {
    expect(Object.keys(expectedReport("p", "e")).length).toBeGreaterThan(8);
    // The five conversion modes are the registry's 5th to 9th entries: 55 + 66 + 77 + 88 + 99 = 385.
    expect(expectedReport("p", "e").resultsConverted).toBe(385);
  });

  it("maps an approved update read from the updates table", () => {
    const centre = loadEngineInput(db, START).centres.find((c) => c.id === centreId)!;
    expect(centre.reports).toEqual([expectedReport("2026-Q2", "2026-06-30")]);
  });

  it("maps the same from the approval's record when reading as of a day", () => {
    const centre = loadEngineInput(db, START, "9999-12-31T00:00:00.000Z").centres.find((c) => c.id === centreId)!;
    expect(centre.reports).toEqual([expectedReport("2026-Q2", "2026-06-30")]);
  });

  it("maps the same in the centre's approved history (the charts and their exports)", () => {
    expect(centreApprovedHistory(db, centreId).periods).toEqual([expectedReport("2026-Q2", "2026-06-30")]);
  });
});
