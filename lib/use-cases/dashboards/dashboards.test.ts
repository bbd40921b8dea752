import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { addCentre, addUser, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { homeTarget } from "./home-target";
import { overviewExport } from "./overview-export";
import { overviewPage } from "./overview-page";
import { provincePage } from "./province-page";
import { provinceReport } from "./province-report";
import { provincesPage } from "./provinces-page";

let db: Db;
let close: () => void;
const ids = {} as Record<"zjStaff" | "zjReviewer" | "national" | "admin", string>;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.zjStaff = addUser(db, "staff@zj.cn", "staff", "330000");
  ids.zjReviewer = addUser(db, "rev@zj.cn", "reviewer", "330000");
  ids.national = addUser(db, "rev@nation.cn", "reviewer", null);
  ids.admin = addUser(db, "admin@nation.cn", "admin", null);
  addCentre(db, "杭州测试中心");
  addCentre(db, "深圳测试中心", "440000", "440300");
});
afterEach(() => close());

const get = (id: string) => callAs(id, "GET");

describe("home and the national overview", () => {
  it("sends a provincial reader home to their province and a national one to the overview", async () => {
    expect(await homeTarget.execute(get(ids.zjStaff), {})).toMatchObject({ ok: true, value: { href: "/provinces/330000" } });
    expect(await homeTarget.execute(get(ids.national), {})).toMatchObject({ ok: true, value: { href: "/overview" } });
    expect(await overviewPage.execute(get(ids.zjReviewer), {})).toMatchObject({ ok: true, value: { redirect: "/provinces/330000" } });
  });

  it("lists the provinces with centres for a national reader, in the view's order", async () => {
    const outcome = await overviewPage.execute(get(ids.national), { sort: "name", dir: "desc" });
    if (!outcome.ok || outcome.value.redirect !== undefined) throw new Error("expected the overview");
    expect(outcome.value.rows.map((p) => p.code)).toEqual(["440000", "330000"]);
    expect(outcome.value.provinces.length).toBeGreaterThan(30);
  });

  it("refuses the overview's download to a provincial reader (403), logged once", async () => {
    expect(await overviewExport.execute(get(ids.zjStaff), {})).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(refusalsOf(db, ids.zjStaff).map((e) => e.reason)).toEqual(["role_staff"]);
    expect(await overviewExport.execute(get(ids.admin), { q: "浙江" })).toMatchObject({ ok: true, value: { rows: [{ code: "330000" }] } });
  });

  it("names an invalid view setting", async () => {
    expect(await overviewExport.execute(get(ids.admin), { sort: "height" })).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "sort" }] } });
  });
});

describe("the provinces and one province's dashboard", () => {
  it("lists only the reader's own province to a provincial reader", async () => {
    const outcome = await provincesPage.execute(get(ids.zjStaff), {});
    expect(outcome.ok && outcome.value.rows.map((p) => p.code)).toEqual(["330000"]);
  });

  it("shows a province to its staff, who may register centres there but not targets", async () => {
    const outcome = await provincePage.execute(get(ids.zjStaff), { code: "330000" });
    expect(outcome).toMatchObject({ ok: true, value: { name: "浙江省", canAddCentre: true, canAddTarget: false, centres: [{ name: "杭州测试中心" }] } });
    // A past day's view offers no "new" buttons.
    expect(await provincePage.execute(get(ids.zjStaff), { code: "330000", asOf: "2026-07-01" })).toMatchObject({ ok: true, value: { canAddCentre: false } });
  });

  it("answers another province's dashboard and report as not found, each logged once", async () => {
    expect(await provincePage.execute(get(ids.zjStaff), { code: "440000" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(await provinceReport.execute(get(ids.zjStaff), { code: "440000" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.zjStaff).map((e) => [e.reason, e.target])).toEqual([
      ["row_out_of_scope", "440000"],
      ["row_out_of_scope", "440000"],
    ]);
  });

  it("answers a code no province has as not found, without a security event", async () => {
    for (const code of ["990000", "../x"]) expect(await provincePage.execute(get(ids.national), { code })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.national)).toEqual([]);
  });

  it("refuses a report for a quarter that is not a quarter, naming it", async () => {
    expect(await provinceReport.execute(get(ids.zjStaff), { code: "330000", quarter: "2026-09" })).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "quarter", code: "periodUnknown" }] } });
  });
});
