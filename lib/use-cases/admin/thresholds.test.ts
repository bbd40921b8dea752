import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getThresholds, listThresholdOverrides } from "@/db/thresholds";
import { addUser, auditCount, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { setThreshold } from "./set-threshold";
import { thresholdsPage } from "./thresholds-page";

let db: Db;
let close: () => void;
const ids = {} as Record<"admin" | "reviewer", string>;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.admin = addUser(db, "admin@nation.cn", "admin", null);
  ids.reviewer = addUser(db, "rev@nation.cn", "reviewer", null);
});
afterEach(() => close());

describe("an administrator sets a risk threshold", () => {
  it("overrides it, then resets it to the default, each with its audit entry", async () => {
    const before = auditCount(db);
    expect(await setThreshold.execute(callAs(ids.admin), { key: "schedule.amberBelowIndex", version: "0", value: "0.85" })).toMatchObject({ ok: true, value: { key: "schedule.amberBelowIndex", reset: false } });
    expect(getThresholds(db).schedule.amberBelowIndex).toBe(0.85);
    expect(await setThreshold.execute(callAs(ids.admin), { key: "schedule.amberBelowIndex", version: "1", reset: "on", value: "" })).toMatchObject({ ok: true, value: { reset: true } });
    expect(getThresholds(db).schedule.amberBelowIndex).toBe(0.9);
    expect(auditCount(db)).toBe(before + 2);
  });

  it("refuses red above amber at the value, and a stale version, writing nothing", async () => {
    const before = auditCount(db);
    // Red below 0.95 while amber stays below 0.9 would make red the milder flag.
    expect(await setThreshold.execute(callAs(ids.admin), { key: "schedule.redBelowIndex", version: "0", value: "0.95" })).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "value", code: "thresholdOrder" }] } });
    expect(await setThreshold.execute(callAs(ids.admin), { key: "schedule.redBelowIndex", version: "3", value: "0.7" })).toMatchObject({ ok: false, refusal: { kind: "conflict" } });
    expect(listThresholdOverrides(db).size).toBe(0);
    expect(auditCount(db)).toBe(before);
  });

  it("refuses a reviewer with 403, logs it once and writes nothing", async () => {
    expect(await setThreshold.execute(callAs(ids.reviewer), { key: "schedule.redBelowIndex", version: "0", value: "0.7" })).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(refusalsOf(db, ids.reviewer).map((e) => e.reason)).toEqual(["role_reviewer"]);
    expect(listThresholdOverrides(db).size).toBe(0);
  });

  it("names an unknown threshold and a value out of its range", async () => {
    expect(await setThreshold.execute(callAs(ids.admin), { key: "no_such_threshold", version: "0", value: "1" })).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "key" }] } });
    expect(await setThreshold.execute(callAs(ids.admin), { key: "schedule.redBelowIndex", version: "0", value: "5" })).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "value" }] } });
  });
});

describe("the thresholds page", () => {
  it("reads each stored override with its version, for administrators only", async () => {
    await setThreshold.execute(callAs(ids.admin), { key: "schedule.amberBelowIndex", version: "0", value: "0.85" });
    const outcome = await thresholdsPage.execute(callAs(ids.admin, "GET"), {});
    if (!outcome.ok) throw new Error("expected the page");
    expect([...outcome.value.overrides.values()].map(({ key, value, version }) => ({ key, value, version }))).toEqual([{ key: "schedule.amberBelowIndex", value: 0.85, version: 1 }]);
    expect(await thresholdsPage.execute(callAs(ids.reviewer, "GET"), {})).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
  });
});
