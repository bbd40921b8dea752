import { count, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db/client";
import { writeAudit } from "@/db/audit";
import { verifyAuditChain } from "@/db/audit-chain";
import { getCentre } from "@/db/centres";
import { centres } from "@/db/schema";
import { testCentreInput } from "@/db/test-db";
import { addUser, auditCount, callAs, refusalsOf, useTestDatabase } from "../test-support";
import { createCentre } from "./create-centre";

// The real audit writer, wrapped so one test can make a later write of the registration throw.
vi.mock("@/db/audit", async (original) => {
  const real = await original<typeof import("@/db/audit")>();
  return { ...real, writeAudit: vi.fn(real.writeAudit) };
});

let db: Db;
let close: () => void;
const ids = {} as Record<"staff" | "reviewer" | "admin", string>;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  ids.staff = addUser(db, "staff@zj.cn", "staff", "330000");
  ids.reviewer = addUser(db, "rev@zj.cn", "reviewer", "330000");
  ids.admin = addUser(db, "admin@nation.cn", "admin", null);
});
afterEach(() => {
  vi.mocked(writeAudit).mockReset();
  close();
});

const milestone = (title: string) => ({ title, category: "compute", weight: 10, plannedDate: "2027-06-30", evidenceRequired: false });
const centreCount = () => db.select({ n: count() }).from(centres).get()!.n;

/** Every row of every table, to compare before and after. */
function everything(): Record<string, unknown[]> {
  const tables = db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`);
  return Object.fromEntries(tables.map(({ name }) => [name, db.all(sql`select * from ${sql.identifier(name)} order by rowid`)]));
}

describe("registering a centre", () => {
  it("writes the centre and its milestones in one transaction, each with its audit entry", async () => {
    const before = auditCount(db);
    const outcome = await createCentre.execute(callAs(ids.staff), { ...testCentreInput("杭州中心"), milestones: [milestone("一期"), milestone("二期")] });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.refusal));
    expect(outcome.value.provinceCode).toBe("330000");
    expect(getCentre(db, outcome.value.id)!.milestones.map((m) => m.title).sort()).toEqual(["一期", "二期"]);
    expect(auditCount(db)).toBe(before + 3);
  });

  it("lets an administrator register in any province", async () => {
    const outcome = await createCentre.execute(callAs(ids.admin), testCentreInput("深圳中心", { provinceCode: "440000", cityCode: "440300" }));
    expect(outcome).toMatchObject({ ok: true, value: { provinceCode: "440000" } });
  });

  it("refuses a reviewer with 403 and logs it once", async () => {
    const outcome = await createCentre.execute(callAs(ids.reviewer), testCentreInput("杭州中心"));
    expect(outcome).toMatchObject({ ok: false, refusal: { kind: "forbidden" } });
    // Named by the province it asked for, although the input is never parsed.
    expect(refusalsOf(db, ids.reviewer).map((e) => [e.reason, e.target])).toEqual([["role_reviewer", "330000"]]);
    expect(centreCount()).toBe(0);
  });

  it("answers staff registering in another province as not found, logs it once and writes nothing", async () => {
    const before = auditCount(db);
    const outcome = await createCentre.execute(callAs(ids.staff), testCentreInput("深圳中心", { provinceCode: "440000", cityCode: "440300" }));
    expect(outcome).toMatchObject({ ok: false, refusal: { kind: "notFound" } });
    expect(refusalsOf(db, ids.staff).map((e) => [e.reason, e.target])).toEqual([["row_out_of_scope", "440000"]]);
    expect(centreCount()).toBe(0);
    expect(auditCount(db)).toBe(before);
  });

  it("names each invalid field, a milestone's by its place in the list", async () => {
    const outcome = await createCentre.execute(callAs(ids.staff), { ...testCentreInput(""), cityCode: "440300", milestones: [milestone("一期"), { ...milestone(""), weight: 0 }] });
    if (outcome.ok || outcome.refusal.kind !== "invalid") throw new Error("expected invalid");
    expect(outcome.refusal.fields.map((f) => [f.path, f.code]).sort()).toEqual([
      ["cityCode", "cityNotInProvince"],
      ["milestones.1.title", "required"],
      ["milestones.1.weight", "tooSmall"],
      ["name", "required"],
    ]);
  });

  it("refuses more than 100 milestones", async () => {
    const outcome = await createCentre.execute(callAs(ids.staff), { ...testCentreInput("杭州中心"), milestones: Array.from({ length: 101 }, (_, i) => milestone(`M${i}`)) });
    expect(outcome).toMatchObject({ ok: false, refusal: { kind: "invalid", fields: [{ path: "milestones", code: "tooMany" }] } });
  });

  it("leaves the database exactly as it was when a later milestone's audit entry fails", async () => {
    const before = everything();
    const real = vi.mocked(writeAudit).getMockImplementation()!;
    let calls = 0;
    vi.mocked(writeAudit).mockImplementation((tx, record) => {
      // The centre and its first milestone are written; the second milestone's audit throws.
      if (++calls > 2) throw new Error("injected failure");
      real(tx, record);
    });
    await expect(createCentre.execute(callAs(ids.staff), { ...testCentreInput("杭州中心"), milestones: [milestone("一期"), milestone("二期")] })).rejects.toThrow("injected failure");
    expect(calls).toBe(3);
    expect(everything()).toEqual(before);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
    expect(db.select().from(centres).where(eq(centres.name, "杭州中心")).all()).toEqual([]);
  });
});
