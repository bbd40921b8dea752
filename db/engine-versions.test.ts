import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "./client";
import { GLOBAL_SCOPE, readVersions } from "./engine-versions";
import { setThreshold } from "./thresholds";
import { BLANK_UPDATE_VALUES } from "./test-db";
import { createApiToken } from "./api-tokens";
import { getUpdate, reviewUpdate, saveUpdate } from "./updates";
import { addCentre, addUser, useTestDatabase } from "@/lib/use-cases/test-support";

let db: Db;
let close: () => void;
const staff = { id: "", role: "staff" as const, provinceCode: "330000" };
const reviewer = { id: "", role: "reviewer" as const, provinceCode: "330000" };
let centreId: string;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  staff.id = addUser(db, "staff@zj.cn", "staff", "330000");
  reviewer.id = addUser(db, "rev@zj.cn", "reviewer", "330000");
  centreId = addCentre(db, "杭州测试中心");
  addCentre(db, "广州测试中心", "440000", "440100");
});
afterEach(() => close());

const versions = () => Object.fromEntries([...readVersions(db)].map(([scope, v]) => [scope, v.version]));
const save = (intent: "save" | "submit", version: number) =>
  saveUpdate(db, { centreId, period: "2026-Q3", version, intent, values: { ...BLANK_UPDATE_VALUES, patentsFiled: 3 }, milestones: [] }, staff);

describe("engine_versions (triggers of migration 0015, on a real SQLite file)", () => {
  it("is bumped by registering a centre, in the centre's province only", () => {
    expect(versions()["330000"]).toBeGreaterThan(0);
    expect(versions()["440000"]).toBeGreaterThan(0);
    // Seeding the 34 provinces bumped the global scope once each.
    expect(versions()[GLOBAL_SCOPE]).toBe(34);
  });

  it("is not bumped by a draft save, a submission or a token", () => {
    const before = versions();
    const draft = save("save", 0);
    save("submit", draft.version);
    createApiToken(db, { userId: staff.id, name: "bench", expiresOn: null }, { userId: staff.id });
    expect(versions()).toEqual(before);
  });

  it("is bumped by an approval in its province only, and by a threshold everywhere (the * scope)", () => {
    const submitted = save("submit", 0);
    const before = versions();
    reviewUpdate(db, { id: submitted.id, version: getUpdate(db, centreId, "2026-Q3")!.version, action: "approve", reason: null }, reviewer);
    const after = versions();
    expect(after["330000"]).toBeGreaterThan(before["330000"]!);
    expect(after["440000"]).toBe(before["440000"]);
    expect(after[GLOBAL_SCOPE]).toBe(before[GLOBAL_SCOPE]);

    setThreshold(db, { key: "conversion.rate", value: 0.01, version: 0 }, { userId: reviewer.id });
    expect(readVersions(db).get(GLOBAL_SCOPE)).toEqual({ version: 35, past: 35 });
    expect(versions()["330000"]).toBe(after["330000"]);
  });

  it("moves a province's past version only for what can change a past close, not for an approval", () => {
    const submitted = save("submit", 0);
    const before = readVersions(db).get("330000")!;
    reviewUpdate(db, { id: submitted.id, version: getUpdate(db, centreId, "2026-Q3")!.version, action: "approve", reason: null }, reviewer);
    const after = readVersions(db).get("330000")!;
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.past).toBe(before.past);
  });
});
