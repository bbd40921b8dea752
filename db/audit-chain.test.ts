import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDb, testCentreInput } from "./test-db";
import { auditLog } from "./schema";
import { writeAudit } from "./audit";
import { sealAuditChain, verifyAuditChain, withoutAuditGuard } from "./audit-chain";
import { createCentre, getCentre, updateCentre } from "./centres";
import type { Db } from "./client";

let db: Db;
let close: () => void;
beforeEach(() => ({ db, close } = createTestDb()));
afterEach(() => close());

const actor = { label: "test" };

/** Three centres created and one edited: four audit entries written by the app's own functions. */
function someHistory(): string {
  const id = createCentre(db, testCentreInput("杭州中心"), actor);
  createCentre(db, testCentreInput("宁波中心", { cityCode: "330200" }), actor);
  createCentre(db, testCentreInput("温州中心", { cityCode: "330300" }), actor);
  updateCentre(db, id, getCentre(db, id)!.version, testCentreInput("杭州中心（更名）"), actor);
  return id;
}

describe("the append-only audit log", () => {
  it("refuses UPDATE and DELETE in the database itself, whoever sends them", () => {
    someHistory();
    expect(() => db.update(auditLog).set({ actorLabel: "x" }).run()).toThrow(/append-only/);
    expect(() => db.$client.prepare("delete from audit_log where id = 1").run()).toThrow(/append-only/);
    expect(db.select().from(auditLog).all()).toHaveLength(4);
  });

  it("keeps the triggers after they are lifted for a change", () => {
    someHistory();
    withoutAuditGuard(db, (tx) => tx.update(auditLog).set({ actorLabel: "x" }).where(eq(auditLog.id, 1)).run());
    expect(() => db.$client.prepare("delete from audit_log").run()).toThrow(/append-only/);
  });
});

describe("the audit hash chain", () => {
  it("is intact after the app's writes, inside and outside transactions", () => {
    someHistory();
    writeAudit(db, { actor, entity: "mail", entityId: "m1", action: "create", after: { 主题: "提醒", at: new Date(0) } });
    const head = db.select().from(auditLog).where(eq(auditLog.id, 5)).get()!;
    expect(verifyAuditChain(db)).toEqual({ ok: true, count: 5, head: { id: 5, hash: head.hash } });
    expect(head.prevHash).toBe(db.select().from(auditLog).where(eq(auditLog.id, 4)).get()!.hash);
  });

  it("finds a tampered entry by its id", () => {
    someHistory();
    const stored = db.select().from(auditLog).where(eq(auditLog.id, 2)).get()!;
    withoutAuditGuard(db, (tx) => tx.update(auditLog).set({ after: { name: "别的中心" } }).where(eq(auditLog.id, 2)).run());
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, count: 1, id: 2, field: "hash", stored: stored.hash });
  });

  it("finds an entry deleted from the middle at the entry after it", () => {
    someHistory();
    const [first, second] = db.select().from(auditLog).orderBy(auditLog.id).limit(2).all();
    withoutAuditGuard(db, (tx) => tx.run(sql`delete from audit_log where id = 2`));
    expect(verifyAuditChain(db)).toEqual({ ok: false, count: 1, id: 3, field: "prev_hash", expected: first!.hash, stored: second!.hash });
  });

  it("seals entries written before the chain existed, once, in id order", () => {
    for (const entityId of ["a", "b", "c"]) {
      db.insert(auditLog).values({ at: "2026-01-01T00:00:00.000Z", actorLabel: "old", entity: "centre", entityId, action: "create", after: { 名: entityId } }).run();
    }
    expect(verifyAuditChain(db)).toMatchObject({ ok: false, id: 1 });
    expect(sealAuditChain(db)).toBe(3);
    expect(sealAuditChain(db)).toBe(0);
    writeAudit(db, { actor, entity: "centre", entityId: "d", action: "create" });
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, count: 4 });
    expect(() => db.$client.prepare("delete from audit_log").run()).toThrow(/append-only/);
  });
});
