import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTestDb, testCentreInput, BLANK_UPDATE_VALUES } from "@/db/test-db";
import type { Db } from "@/db/client";
import { writeAudit } from "@/db/audit";
import { verifyAuditChain } from "@/db/audit-chain";
import { createCentre } from "@/db/centres";
import { createMilestone } from "@/db/milestones";
import { notify } from "@/db/notifications";
import { saveUpdate } from "@/db/updates";
import { createUser } from "@/db/users";
import type { SessionUser } from "@/lib/auth/current-user";

// Every multi-step change is one synchronous transaction: a failure injected after its first write
// leaves the database exactly as it was. The failures come from the real audit and notification
// functions, wrapped so a test can make one call throw.

let db: Db;
let close: () => void;
vi.mock("@/db/client", async (original) => ({ ...(await original<typeof import("@/db/client")>()), getDb: () => db }));
vi.mock("@/db/audit", async (original) => {
  const real = await original<typeof import("@/db/audit")>();
  return { ...real, writeAudit: vi.fn(real.writeAudit) };
});
vi.mock("@/db/notifications", async (original) => {
  const real = await original<typeof import("@/db/notifications")>();
  return { ...real, notify: vi.fn(real.notify) };
});

beforeEach(() => ({ db, close } = createTestDb()));
afterEach(() => {
  vi.mocked(writeAudit).mockReset();
  vi.mocked(notify).mockReset();
  close();
});

/** Every row of every table, to compare before and after. */
function everything(): Record<string, unknown[]> {
  const tables = db.all<{ name: string }>(sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`);
  return Object.fromEntries(tables.map(({ name }) => [name, db.all(sql`select * from ${sql.identifier(name)} order by rowid`)]));
}

/** Lets the first `passing` audit writes through and makes the next one throw. */
function failAuditAfter(passing: number) {
  const real = vi.mocked(writeAudit).getMockImplementation()!;
  let calls = 0;
  vi.mocked(writeAudit).mockClear();
  vi.mocked(writeAudit).mockImplementation((tx, record) => {
    if (++calls > passing) throw new Error("injected failure");
    real(tx, record);
  });
}

function staff(): SessionUser {
  const id = createUser(db, { email: "zj@example.cn", name: "浙江填报员", passwordHash: "h", role: "staff", provinceCode: "330000", locale: "zh" }, { label: "test" });
  return { id, email: "zj@example.cn", name: "浙江填报员", role: "staff", provinceCode: "330000", locale: "zh" };
}

const milestone = (title: string) => ({ title, category: "compute" as const, weight: 10, plannedDate: "2027-06-30", evidenceRequired: false });

describe("a failure after the first write changes nothing", () => {
  it("saving and submitting an update, failing at the submit's audit entry", () => {
    const user = staff();
    createUser(db, { email: "rev@example.cn", name: "审核员", passwordHash: "h", role: "reviewer", provinceCode: "330000", locale: "zh" }, { label: "test" });
    const centreId = createCentre(db, testCentreInput("杭州中心"), { label: "test" });
    const milestoneId = createMilestone(db, { ...milestone("一期"), centreId }, { label: "test" });
    const input = { centreId, period: "2026-Q3", version: 0, intent: "submit" as const, values: BLANK_UPDATE_VALUES, milestones: [{ id: milestoneId, progress: 20, actualCompletionDate: null }] };
    const before = everything();

    failAuditAfter(1); // the update, its audit entry and milestone progress are written; the submit's audit throws
    expect(() => saveUpdate(db, input, user)).toThrow("injected failure");
    expect(everything()).toEqual(before);

    vi.mocked(writeAudit).mockReset();
    vi.mocked(notify).mockImplementationOnce(() => {
      throw new Error("injected failure");
    });
    expect(() => saveUpdate(db, input, user)).toThrow("injected failure");
    expect(everything()).toEqual(before);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
