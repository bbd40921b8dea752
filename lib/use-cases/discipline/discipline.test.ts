import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { addCentre, addUser, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { disciplineExport } from "./discipline-export";
import { disciplinePage } from "./discipline-page";

let db: Db;
let close: () => void;
const ids = {} as Record<"zjStaff" | "national", string>;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.zjStaff = addUser(db, "staff@zj.cn", "staff", "330000");
  ids.national = addUser(db, "rev@nation.cn", "reviewer", null);
  addCentre(db, "杭州测试中心");
  addCentre(db, "深圳测试中心", "440000", "440300");
});
afterEach(() => close());

const get = (id: string) => callAs(id, "GET");

describe("the reporting discipline page", () => {
  it("shows a provincial reader their own province only", async () => {
    const outcome = await disciplinePage.execute(get(ids.zjStaff), {});
    if (!outcome.ok) throw new Error("expected the page");
    expect(outcome.value.provinceScope).toBe("330000");
    expect(outcome.value.provinceOptions).toEqual([]);
    if (outcome.value.period) expect(outcome.value.rows.map((r) => r.provinceCode)).toEqual(["330000"]);
  });

  it("answers a provincial reader naming another province as not found, logged once", async () => {
    expect(await disciplinePage.execute(get(ids.zjStaff), { province: "440000" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(await disciplineExport.execute(get(ids.zjStaff), { province: "440000" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.zjStaff).map((e) => [e.reason, e.target])).toEqual([
      ["row_out_of_scope", "440000"],
      ["row_out_of_scope", "440000"],
    ]);
  });

  it("lets a national reader narrow to one province, and shows an unknown one as the page's error", async () => {
    expect(await disciplinePage.execute(get(ids.national), { province: "440000" })).toMatchObject({ ok: true, value: { provinceScope: "440000", error: undefined } });
    const unknown = await disciplinePage.execute(get(ids.national), { province: "990000", period: "2026-Q3", asOf: "2026-10-01" });
    expect(unknown).toMatchObject({ ok: true, value: { error: { field: "province", key: "provinceUnknown", value: "990000" }, report: undefined } });
  });

  it("shows an invalid period as the page's error, and refuses it for the download with its field", async () => {
    expect(await disciplinePage.execute(get(ids.national), { period: "2026-Q7" })).toMatchObject({ ok: true, value: { error: { field: "period", key: "periodUnknown", value: "2026-Q7" }, report: undefined } });
    expect(await disciplineExport.execute(get(ids.national), { period: "2026-Q7" })).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "period", code: "periodUnknown" }] } });
  });
});
