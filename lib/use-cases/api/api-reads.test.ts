import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { addCentre, addUser, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { apiFlags } from "./api-flags";
import { apiProvince } from "./api-province";
import { apiProvinces } from "./api-provinces";
import { apiReporting } from "./api-reporting";

let db: Db;
let close: () => void;
const ids = {} as Record<"zjStaff" | "national", string>;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.zjStaff = addUser(db, "staff@zj.cn", "staff", "330000");
  ids.national = addUser(db, "rev@nation.cn", "reviewer", null);
  for (const name of ["杭州甲", "杭州乙"]) addCentre(db, name);
  for (const name of ["深圳甲", "深圳乙"]) addCentre(db, name, "440000", "440300");
});
afterEach(() => close());

const get = (id: string) => callAs(id, "GET", "/api/v1/test");

describe("the API's dashboard reads", () => {
  it("lists the caller's own province only, and answers another as not found (logged once)", async () => {
    const list = await apiProvinces.execute(get(ids.zjStaff), {});
    expect(list.ok && list.value.items.map((p) => p.code)).toEqual(["330000"]);
    expect(await apiProvince.execute(get(ids.zjStaff), { code: "330000" })).toMatchObject({ ok: true, value: { code: "330000", targets: [] } });
    expect(await apiProvince.execute(get(ids.zjStaff), { code: "440000" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.zjStaff).map((e) => [e.reason, e.target])).toEqual([["row_out_of_scope", "440000"]]);
  });

  it("answers a malformed or unknown province code as not found, without a security event", async () => {
    for (const code of ["33", "990000"]) expect(await apiProvince.execute(get(ids.national), { code })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.national)).toEqual([]);
  });

  it("filters flags and reporting to the caller's scope; another province is not found, an unknown one invalid", async () => {
    const own = await apiFlags.execute(get(ids.zjStaff), { code: "duplicate_construction" });
    expect(own.ok && own.value.items.map((f) => f.provinceCode)).toEqual(["330000"]);
    const national = await apiFlags.execute(get(ids.national), { code: "duplicate_construction", province: "440000" });
    expect(national.ok && national.value.items.map((f) => f.provinceCode)).toEqual(["440000"]);
    for (const useCase of [apiFlags, apiReporting]) {
      expect(await useCase.execute(get(ids.zjStaff), { province: "440000" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
      expect(await useCase.execute(get(ids.national), { province: "990000" })).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "province", code: "provinceUnknown" }] } });
    }
    expect(refusalsOf(db, ids.zjStaff)).toHaveLength(2);
  });

  it("counts reporting in the caller's own province when no province is named", async () => {
    const outcome = await apiReporting.execute(get(ids.zjStaff), {});
    if (!outcome.ok) throw new Error("expected figures");
    expect(outcome.value.provinces.map((p) => p.provinceCode)).toEqual(outcome.value.period === null ? [] : ["330000"]);
  });
});
