import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getTarget, listTargets } from "@/db/targets";
import { addUser, auditCount, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { createTarget } from "./create-target";
import { targetForm } from "./target-form";
import { targetsPage } from "./targets-page";
import { updateTarget } from "./update-target";

let db: Db;
let close: () => void;
const ids = {} as Record<"admin" | "reviewer" | "staff", string>;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.admin = addUser(db, "admin@nation.cn", "admin", null);
  ids.reviewer = addUser(db, "rev@zj.cn", "reviewer", "330000");
  ids.staff = addUser(db, "staff@zj.cn", "staff", "330000");
});
afterEach(() => close());

// As the form sends it: every value a string.
const form = (change: Record<string, unknown> = {}) => ({
  provinceCode: "330000",
  title: "建成算力中心",
  kind: "count",
  metric: "算力中心",
  unit: "个",
  targetValue: "10",
  baselineValue: "2",
  baselineDate: "2025-12-31",
  deadline: "2027-12-31",
  sourceDocument: "浙江省人工智能发展规划",
  sourceUrl: "",
  sourceStatus: "sourced",
  measure: "",
  plannedValues: "2026-12-31 6",
  ...change,
});

async function created(change: Record<string, unknown> = {}): Promise<string> {
  const outcome = await createTarget.execute(callAs(ids.admin), form(change));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.refusal));
  return outcome.value.id;
}

describe("an administrator adds and edits plan targets", () => {
  it("adds one with its audit entry, and answers with its province for the way back", async () => {
    const before = auditCount(db);
    const outcome = await createTarget.execute(callAs(ids.admin), form());
    expect(outcome).toMatchObject({ ok: true, value: { provinceCode: "330000" } });
    if (!outcome.ok) return;
    expect(getTarget(db, outcome.value.id)).toMatchObject({ title: "建成算力中心", targetValue: 10, plannedValues: [{ date: "2026-12-31", value: 6 }] });
    expect(auditCount(db)).toBe(before + 1);
  });

  it("edits one with its audit entry, and refuses moving it to another province or a stale version", async () => {
    const id = await created();
    const before = auditCount(db);
    expect(await updateTarget.execute(callAs(ids.admin), { ...form({ targetValue: "12" }), id, version: "1" })).toMatchObject({ ok: true, value: { id, provinceCode: "330000" } });
    expect(getTarget(db, id)).toMatchObject({ targetValue: 12, version: 2 });
    expect(auditCount(db)).toBe(before + 1);
    expect(await updateTarget.execute(callAs(ids.admin), { ...form({ provinceCode: "440000" }), id, version: "2" })).toMatchObject({ ok: false, refusal: { kind: "refused", messageKey: "provinceImmutable", field: "provinceCode" } });
    expect(await updateTarget.execute(callAs(ids.admin), { ...form(), id, version: "1" })).toMatchObject({ ok: false, refusal: { kind: "conflict" } });
    expect(auditCount(db)).toBe(before + 1);
  });

  it("refuses provincial staff and reviewers with 403, logs each once and writes nothing", async () => {
    const id = await created();
    const before = auditCount(db);
    expect(await createTarget.execute(callAs(ids.staff), form())).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(await updateTarget.execute(callAs(ids.reviewer), { ...form({ title: "改" }), id, version: "1" })).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(refusalsOf(db, ids.staff).map((e) => e.reason)).toEqual(["role_staff"]);
    expect(refusalsOf(db, ids.reviewer).map((e) => e.reason)).toEqual(["role_reviewer"]);
    expect(listTargets(db)).toHaveLength(1);
    expect(auditCount(db)).toBe(before);
  });

  it("names each invalid field, and answers an unknown target as not found", async () => {
    const invalid = await createTarget.execute(callAs(ids.admin), form({ title: "", deadline: "2025-01-01", sourceUrl: "javascript:alert(1)" }));
    if (invalid.ok || invalid.refusal.kind !== "invalid") throw new Error("expected invalid");
    expect(invalid.refusal.fields.map((f) => f.path).sort()).toEqual(["deadline", "sourceUrl", "title"]);
    expect(await updateTarget.execute(callAs(ids.admin), { ...form(), id: "no-such-target", version: "1" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
  });
});

describe("the targets pages", () => {
  it("list all targets or one province's, ignoring a filter that names no province", async () => {
    await created();
    await created({ provinceCode: "440000", title: "广东目标" });
    const list = async (province?: string) => {
      const outcome = await targetsPage.execute(callAs(ids.admin, "GET"), { province });
      if (!outcome.ok) throw new Error("expected the list");
      return { selected: outcome.value.selected, titles: outcome.value.targets.map((t) => t.title) };
    };
    expect(await list()).toEqual({ selected: undefined, titles: ["建成算力中心", "广东目标"] });
    expect(await list("440000")).toEqual({ selected: "440000", titles: ["广东目标"] });
    expect(await list("999999")).toEqual({ selected: undefined, titles: ["建成算力中心", "广东目标"] });
  });

  it("open the form blank with a preselected province, or with a stored target; an unknown one is not found", async () => {
    const id = await created();
    expect(await targetForm.execute(callAs(ids.admin, "GET"), { province: "330000" })).toMatchObject({ ok: true, value: { target: null, province: "330000" } });
    expect(await targetForm.execute(callAs(ids.admin, "GET"), { id })).toMatchObject({ ok: true, value: { target: { id, title: "建成算力中心" } } });
    expect(await targetForm.execute(callAs(ids.admin, "GET"), { id: "no-such-target" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
  });

  it("are refused to other roles", async () => {
    expect(await targetsPage.execute(callAs(ids.staff, "GET"), {})).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(await targetForm.execute(callAs(ids.reviewer, "GET"), {})).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
  });
});
