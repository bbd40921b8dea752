import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getCentre } from "@/db/centres";
import { getMilestoneWithProvince } from "@/db/milestones";
import { addCentre, addUser, auditCount, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { createMilestone, patchMilestone, updateMilestone } from "./milestone-edits";

let db: Db;
let close: () => void;
let centreId: string;
const ids = {} as Record<"staff" | "gdStaff" | "reviewer", string>;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.staff = addUser(db, "staff@zj.cn", "staff", "330000");
  ids.gdStaff = addUser(db, "staff@gd.cn", "staff", "440000");
  ids.reviewer = addUser(db, "rev@zj.cn", "reviewer", "330000");
  centreId = addCentre(db, "杭州中心");
});
afterEach(() => close());

const plan = { title: "算力一期", category: "compute", weight: 10, plannedDate: "2027-06-30", evidenceRequired: false };

async function added(): Promise<{ id: string; version: number }> {
  const outcome = await createMilestone.execute(callAs(ids.staff), { ...plan, centreId });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.refusal));
  return outcome.value;
}

describe("adding a milestone", () => {
  it("writes it with its audit entry and answers it as written", async () => {
    const before = auditCount(db);
    const milestone = await added();
    expect(milestone).toMatchObject({ centreId, version: 1, title: "算力一期", weight: 10 });
    expect(getCentre(db, centreId)!.milestones.map((m) => m.id)).toEqual([milestone.id]);
    expect(auditCount(db)).toBe(before + 1);
  });

  it("refuses a reviewer (403), another province's staff (404, logged once) and invalid fields", async () => {
    expect(await createMilestone.execute(callAs(ids.reviewer), { ...plan, centreId })).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    const before = auditCount(db);
    expect(await createMilestone.execute(callAs(ids.gdStaff), { ...plan, centreId })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.gdStaff).map((e) => [e.reason, e.target])).toEqual([["row_out_of_scope", centreId]]);
    expect(auditCount(db)).toBe(before);
    expect(getCentre(db, centreId)!.milestones).toEqual([]);
    expect(await createMilestone.execute(callAs(ids.staff), { ...plan, weight: 101, centreId })).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "weight" }] } });
  });
});

describe("editing a milestone", () => {
  it("saves the form's edit and the API's partial one, keeping the fields left out", async () => {
    const { id, version } = await added();
    expect(await updateMilestone.execute(callAs(ids.staff), { ...plan, id, version, title: "算力一期（扩容）" })).toMatchObject({ ok: true, value: { id, centreId, version: 2 } });
    expect(await patchMilestone.execute(callAs(ids.staff), { id, body: { version: 2, weight: 20 } })).toMatchObject({ ok: true, value: { title: "算力一期（扩容）", weight: 20, version: 3 } });
    expect(await patchMilestone.execute(callAs(ids.staff), { id, body: { version: 2, weight: 30 } })).toMatchObject({ ok: false, refusal: { kind: "conflict", version: 3 } });
  });

  it("answers another province's staff as not found and writes nothing", async () => {
    const { id, version } = await added();
    const before = auditCount(db);
    expect(await updateMilestone.execute(callAs(ids.gdStaff), { ...plan, id, version })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(await patchMilestone.execute(callAs(ids.gdStaff), { id, body: { version } })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.gdStaff)).toHaveLength(2);
    expect(getMilestoneWithProvince(db, id)!.milestone.version).toBe(version);
    expect(auditCount(db)).toBe(before);
  });
});
