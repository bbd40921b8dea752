import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { flagReviews } from "@/db/schema";
import type { Db } from "@/db/client";
import { addCentre, addUser, auditCount, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { flagListPage } from "./flag-list-page";
import { reviewFlag } from "./review-flag";

// Two large-model centres in Hangzhou raise one duplicate-construction flag (same city, same focus), in Zhejiang.
let db: Db;
let close: () => void;
let flagKey: string;
const ids = {} as Record<"staff" | "zjReviewer" | "gdReviewer" | "national", string>;

beforeEach(async () => {
  ({ db, close } = useTestDatabase());
  ids.staff = addUser(db, "staff@zj.cn", "staff", "330000");
  ids.zjReviewer = addUser(db, "rev@zj.cn", "reviewer", "330000");
  ids.gdReviewer = addUser(db, "rev@gd.cn", "reviewer", "440000");
  ids.national = addUser(db, "rev@nation.cn", "reviewer", null);
  addCentre(db, "杭州大模型中心甲");
  addCentre(db, "杭州大模型中心乙");
  const list = await flagListPage.execute(callAs(ids.national, "GET"), { code: "duplicate_construction" });
  if (!list.ok) throw new Error("the flag list should answer a national reviewer");
  flagKey = list.value.shown[0]!.flag.key;
});
afterEach(() => close());

const acknowledge = { action: "acknowledged", comment: "已核实，两中心分工不同", expiresOn: "" };
const reviews = () => db.select().from(flagReviews).all();

describe("reviewing a flag through the use-case layer", () => {
  it("records the review of a flag of the reviewer's province, in one transaction with its audit entry", async () => {
    const before = auditCount(db);
    const outcome = await reviewFlag.execute(callAs(ids.zjReviewer), { flagKey, ...acknowledge });
    expect(outcome).toMatchObject({ ok: true, value: { flagKey, action: "acknowledged" } });
    expect(reviews().map((r) => [r.flagKey, r.action, r.provinceCode, r.actorId])).toEqual([[flagKey, "acknowledged", "330000", ids.zjReviewer]]);
    expect(auditCount(db)).toBe(before + 1);
  });

  it("refuses staff, who never review, with 403 before reading the input, and logs it once", async () => {
    const outcome = await reviewFlag.execute(callAs(ids.staff), { nonsense: true });
    expect(outcome).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(refusalsOf(db, ids.staff).map((e) => e.reason)).toEqual(["role_staff"]);
    expect(reviews()).toEqual([]);
  });

  it("answers another province's reviewer as if the flag did not exist, logs it once and writes nothing", async () => {
    const before = auditCount(db);
    const outcome = await reviewFlag.execute(callAs(ids.gdReviewer), { flagKey, ...acknowledge });
    expect(outcome).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.gdReviewer).map((e) => [e.reason, e.target])).toEqual([["row_out_of_scope", flagKey]]);
    expect(reviews()).toEqual([]);
    expect(auditCount(db)).toBe(before);
  });

  it("names each invalid field", async () => {
    const outcome = await reviewFlag.execute(callAs(ids.zjReviewer), { flagKey, action: "dismissed", comment: "", expiresOn: "" });
    if (outcome.ok || outcome.refusal.kind !== "invalid") throw new Error("expected invalid");
    expect(outcome.refusal.fields.map((f) => f.path).sort()).toEqual(["comment", "expiresOn"]);
  });

  it("refuses a flag no rule raises, and an action the flag's state does not offer", async () => {
    expect(await reviewFlag.execute(callAs(ids.zjReviewer), { flagKey: "low_conversion|nope", ...acknowledge })).toMatchObject({ ok: false, refusal: { kind: "refused", messageKey: "flagGone" } });
    await reviewFlag.execute(callAs(ids.zjReviewer), { flagKey, ...acknowledge });
    const again = await reviewFlag.execute(callAs(ids.national), { flagKey, ...acknowledge });
    expect(again).toMatchObject({ ok: false, refusal: { kind: "refused", messageKey: "flagActionNotAvailable", field: "action" } });
    expect(reviews()).toHaveLength(1);
  });
});
