import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { listConfidenceRatings } from "@/db/confidence";
import { addCentre, addUser, auditCount, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { rateCentre } from "./rate-centre";

let db: Db;
let close: () => void;
let centreId: string;
const ids = {} as Record<"reviewer" | "gdReviewer" | "staff", string>;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.reviewer = addUser(db, "rev@zj.cn", "reviewer", "330000");
  ids.gdReviewer = addUser(db, "rev@gd.cn", "reviewer", "440000");
  ids.staff = addUser(db, "staff@zj.cn", "staff", "330000");
  centreId = addCentre(db, "杭州中心");
});
afterEach(() => close());

const rating = () => ({ centreId, rating: "amber", narrative: "算力交付推迟一个季度" });

describe("rating a centre's delivery confidence", () => {
  it("records the rating with the computed level beside it, and its audit entry", async () => {
    const before = auditCount(db);
    expect(await rateCentre.execute(callAs(ids.reviewer), rating())).toMatchObject({ ok: true, value: { centreId } });
    const [stored] = listConfidenceRatings(db, centreId);
    expect(stored).toMatchObject({ rating: "amber", narrative: "算力交付推迟一个季度" });
    expect(typeof stored!.computedLevel).toBe("string");
    expect(auditCount(db)).toBe(before + 1);
  });

  it("refuses staff with 403", async () => {
    expect(await rateCentre.execute(callAs(ids.staff), rating())).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    expect(refusalsOf(db, ids.staff).map((e) => e.reason)).toEqual(["role_staff"]);
  });

  it("answers another province's reviewer as not found, logs it once and writes nothing", async () => {
    const before = auditCount(db);
    expect(await rateCentre.execute(callAs(ids.gdReviewer), rating())).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.gdReviewer).map((e) => [e.reason, e.target])).toEqual([["row_out_of_scope", centreId]]);
    expect(listConfidenceRatings(db, centreId)).toEqual([]);
    expect(auditCount(db)).toBe(before);
  });

  it("names invalid fields", async () => {
    const outcome = await rateCentre.execute(callAs(ids.reviewer), { centreId, rating: "purple", narrative: "" });
    if (outcome.ok || outcome.refusal.kind !== "invalid") throw new Error("expected invalid");
    expect(outcome.refusal.fields.map((f) => f.path).sort()).toEqual(["narrative", "rating"]);
  });
});
