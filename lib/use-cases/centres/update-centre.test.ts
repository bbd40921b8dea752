import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { getCentre } from "@/db/centres";
import { testCentreInput } from "@/db/test-db";
import { addCentre, addUser, auditCount, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { patchCentre, updateCentre } from "./update-centre";

let db: Db;
let close: () => void;
let centreId: string;
const ids = {} as Record<"staff" | "gdStaff" | "reviewer" | "admin", string>;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.staff = addUser(db, "staff@zj.cn", "staff", "330000");
  ids.gdStaff = addUser(db, "staff@gd.cn", "staff", "440000");
  ids.reviewer = addUser(db, "rev@nation.cn", "reviewer", null);
  ids.admin = addUser(db, "admin@nation.cn", "admin", null);
  centreId = addCentre(db, "杭州中心");
});
afterEach(() => close());

const stored = () => getCentre(db, centreId)!;
const formInput = (change: Record<string, unknown> = {}) => ({ ...testCentreInput("杭州中心（二期）"), id: centreId, version: stored().version, ...change });

describe("editing a centre from its form", () => {
  it("saves the edit with its audit entry and bumps the version", async () => {
    const before = auditCount(db);
    const version = stored().version;
    expect(await updateCentre.execute(callAs(ids.staff), formInput())).toMatchObject({ ok: true, value: { id: centreId } });
    expect(stored()).toMatchObject({ name: "杭州中心（二期）", version: version + 1 });
    expect(auditCount(db)).toBe(before + 1);
  });

  it("refuses a reviewer with 403", async () => {
    expect(await updateCentre.execute(callAs(ids.reviewer), formInput())).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(refusalsOf(db, ids.reviewer).map((e) => [e.reason, e.target])).toEqual([["role_reviewer", centreId]]);
  });

  it("answers another province's staff as not found, logs it once and writes nothing", async () => {
    const before = auditCount(db);
    expect(await updateCentre.execute(callAs(ids.gdStaff), formInput())).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.gdStaff).map((e) => [e.reason, e.target])).toEqual([["row_out_of_scope", centreId]]);
    expect(stored().name).toBe("杭州中心");
    expect(auditCount(db)).toBe(before);
  });

  it("names invalid fields, refuses a stale version with the stored one and a moved province", async () => {
    const invalid = await updateCentre.execute(callAs(ids.staff), formInput({ name: "", plannedCompletionDate: "2025-01-01" }));
    if (invalid.ok || invalid.refusal.kind !== "invalid") throw new Error("expected invalid");
    expect(invalid.refusal.fields.map((f) => f.path).sort()).toEqual(["name", "plannedCompletionDate"]);
    const version = stored().version;
    expect(await updateCentre.execute(callAs(ids.staff), formInput({ version: version + 3 }))).toMatchObject({ ok: false, refusal: { kind: "conflict", version } });
    expect(await updateCentre.execute(callAs(ids.admin), formInput({ provinceCode: "440000", cityCode: "440300" }))).toMatchObject({
      ok: false,
      refusal: { kind: "refused", messageKey: "provinceImmutable", field: "provinceCode" },
    });
  });
});

describe("editing a centre through the API's PATCH", () => {
  it("keeps the fields left out and checks the merged centre with the form's schema", async () => {
    const outcome = await patchCentre.execute(callAs(ids.admin), { id: centreId, body: { version: stored().version, name: "杭州中心（更名）" } });
    expect(outcome).toMatchObject({ ok: true });
    expect(stored()).toMatchObject({ name: "杭州中心（更名）", cityCode: "330100", focusTags: ["large_models"] });
    const invalid = await patchCentre.execute(callAs(ids.admin), { id: centreId, body: { version: stored().version, cityCode: "440300" } });
    expect(invalid).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "cityCode", code: "cityNotInProvince" }] } });
    expect(await patchCentre.execute(callAs(ids.admin), { id: centreId, body: {} })).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "version" }] } });
  });

  it("answers another province's staff as not found before reading the body, and an unknown id without a log", async () => {
    expect(await patchCentre.execute(callAs(ids.gdStaff), { id: centreId, body: { name: "" } })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.gdStaff)).toHaveLength(1);
    expect(await patchCentre.execute(callAs(ids.staff), { id: "not-a-uuid", body: {} })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.staff)).toEqual([]);
  });
});
