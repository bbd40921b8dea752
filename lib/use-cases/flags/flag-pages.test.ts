import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { addCentre, addUser, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { flagListPage } from "./flag-list-page";
import { flagPage } from "./flag-page";

// A duplicate-construction flag in Zhejiang (two large-model centres in Hangzhou) and one in Guangdong (two in Shenzhen).
let db: Db;
let close: () => void;
const ids = {} as Record<"zjStaff" | "zjReviewer" | "gdReviewer" | "national", string>;
const keys = {} as Record<"zj" | "gd", string>;

beforeEach(async () => {
  ({ db, close } = useTestDatabase());
  ids.zjStaff = addUser(db, "staff@zj.cn", "staff", "330000");
  ids.zjReviewer = addUser(db, "rev@zj.cn", "reviewer", "330000");
  ids.gdReviewer = addUser(db, "rev@gd.cn", "reviewer", "440000");
  ids.national = addUser(db, "rev@nation.cn", "reviewer", null);
  for (const name of ["杭州甲", "杭州乙"]) addCentre(db, name);
  for (const name of ["深圳甲", "深圳乙"]) addCentre(db, name, "440000", "440300");
  const list = await flagListPage.execute(callAs(ids.national, "GET"), { code: "duplicate_construction" });
  if (!list.ok) throw new Error("the flag list should answer a national reviewer");
  const keyIn = (province: string) => list.value.shown.find((item) => list.value.names.centres.get(item.flag.subject.ids[0]!)?.startsWith(province))!.flag.key;
  keys.zj = keyIn("杭州");
  keys.gd = keyIn("深圳");
});
afterEach(() => close());

describe("the flag list", () => {
  it("gives a national reader every province's flags and the province choice", async () => {
    const outcome = await flagListPage.execute(callAs(ids.national, "GET"), { code: "duplicate_construction" });
    if (!outcome.ok) throw new Error("expected the list");
    expect(outcome.value.shown.map((item) => item.flag.key).sort()).toEqual([keys.zj, keys.gd].sort());
    expect(outcome.value.provinces?.map((p) => p.code)).toContain("440000");
  });

  it("gives a provincial reader their own province's flags only, without a province choice", async () => {
    const outcome = await flagListPage.execute(callAs(ids.zjStaff, "GET"), { code: "duplicate_construction" });
    expect(outcome).toMatchObject({ ok: true, value: { count: 1, provinces: undefined } });
    if (outcome.ok) expect(outcome.value.shown.map((item) => item.flag.key)).toEqual([keys.zj]);
  });

  it("answers a filter naming another province as not found, and logs it once", async () => {
    expect(await flagListPage.execute(callAs(ids.zjStaff, "GET"), { province: "440000" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.zjStaff).map((e) => [e.reason, e.target])).toEqual([["row_out_of_scope", "440000"]]);
  });
});

describe("one flag's page", () => {
  it("offers the review to a reviewer of the flag's province, with the two centres compared", async () => {
    const outcome = await flagPage.execute(callAs(ids.zjReviewer, "GET"), { key: keys.zj });
    if (!outcome.ok || outcome.value.gone) throw new Error("expected the flag");
    expect(outcome.value.provinceName).toBe("浙江省");
    expect(outcome.value.review?.actions).toContain("acknowledged");
    expect(outcome.value.comparison?.map((c) => c.name).sort()).toEqual(["杭州乙", "杭州甲"]);
  });

  it("shows staff the flag without the review", async () => {
    expect(await flagPage.execute(callAs(ids.zjStaff, "GET"), { key: keys.zj })).toMatchObject({ ok: true, value: { gone: false, review: undefined } });
  });

  it("answers another province's flag as not found, and logs it once", async () => {
    expect(await flagPage.execute(callAs(ids.zjReviewer, "GET"), { key: keys.gd })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.zjReviewer).map((e) => [e.reason, e.target])).toEqual([["row_out_of_scope", keys.gd]]);
    expect(await flagPage.execute(callAs(ids.gdReviewer, "GET"), { key: keys.gd })).toMatchObject({ ok: true });
  });

  it("answers a key no rule raises and nobody reviewed as not found, without a security event", async () => {
    expect(await flagPage.execute(callAs(ids.zjReviewer, "GET"), { key: "low_conversion|nope" })).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.zjReviewer)).toEqual([]);
  });
});
