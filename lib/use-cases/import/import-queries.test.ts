import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { addCentre, addUser, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { importPage } from "./import-page";
import { importTemplate } from "./import-template";

let db: Db;
let close: () => void;
let staff: string;
let admin: string;
let reviewer: string;
beforeEach(() => {
  ({ db, close } = useTestDatabase());
  staff = addUser(db, "staff@zj.cn", "staff", "330000");
  admin = addUser(db, "admin@nation.cn", "admin", null);
  reviewer = addUser(db, "rev@zj.cn", "reviewer", "330000");
  addCentre(db, "浙江模板中心");
  addCentre(db, "广东模板中心", "440000", "440100");
});
afterEach(() => close());

describe("the import page and template queries", () => {
  it("fills a staff template with their own province's centres only, and an administrator's with all", async () => {
    const mine = await importTemplate.execute(callAs(staff, "GET"), { kind: "centres", filled: "1", locale: "zh" });
    if (!mine.ok) throw new Error("expected the template");
    expect(mine.value.data.centres?.map((c) => c.name)).toEqual(["浙江模板中心"]);
    expect(mine.value.province?.code).toBe("330000");
    const all = await importTemplate.execute(callAs(admin, "GET"), { kind: "centres", filled: "1", locale: "en" });
    expect(all.ok && all.value.data.centres?.map((c) => c.name).sort()).toEqual(["广东模板中心", "浙江模板中心"]);
    expect(all.ok && all.value.province).toBeNull();
  });

  it("gives a blank template no rows, and names a filled updates template without its period", async () => {
    const blank = await importTemplate.execute(callAs(staff, "GET"), { kind: "milestones", format: "csv", locale: "zh" });
    expect(blank.ok && blank.value.data.milestones).toBeUndefined();
    const noPeriod = await importTemplate.execute(callAs(staff, "GET"), { kind: "updates", filled: "1", locale: "zh" });
    expect(noPeriod).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "period", code: "required" }] } });
  });

  it("refuses a reviewer the page and the template with 403, each logged once", async () => {
    expect(await importPage.execute(callAs(reviewer, "GET"), { locale: "zh" })).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(await importTemplate.execute(callAs(reviewer, "GET"), { kind: "centres", locale: "zh" })).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(refusalsOf(db, reviewer).map((e) => e.reason)).toEqual(["role_reviewer", "role_reviewer"]);
  });

  it("offers nine periods per cadence, newest first, defaulting to the latest that has ended", async () => {
    const outcome = await importPage.execute(callAs(staff, "GET"), { locale: "zh" });
    if (!outcome.ok) throw new Error("expected the page");
    expect(outcome.value.periods).toHaveLength(9);
    expect(outcome.value.periods.map((p) => p.code)).toContain(outcome.value.defaultPeriod);
    expect(outcome.value.periods[0]!.code).not.toBe(outcome.value.defaultPeriod);
  });
});
