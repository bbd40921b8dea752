import { eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CentreInput } from "@/lib/validation/centre";
import { createTestDb } from "./test-db";
import { auditLog, evidenceFiles, updates } from "./schema";
import { writeAudit } from "./audit";
import { withoutAuditGuard } from "./audit-chain";
import { listAuditActors, listAuditEntries, type AuditQuery } from "./audit-log";
import { setCalendar } from "./calendars";
import { createCentre, updateCentre } from "./centres";
import { createMilestone } from "./milestones";
import { createUser } from "./users";
import { recordConfidenceRating } from "./confidence";
import type { Db } from "./client";

let db: Db;
let close: () => void;
let admin: string;
let zjStaff: string;
let gdStaff: string;
let zjCentre: string;
let gdCentre: string;
let milestone: string;
let update: string;
let evidence: string;

const centre = (provinceCode: string, cityCode: string, name: string): CentreInput => ({
  provinceCode,
  cityCode,
  name,
  leadInstitution: "研究院",
  leadCreditCode: null,
  partners: [],
  focusTags: ["large_models"],
  plannedBudgetYuan: 100_000_000,
  startDate: "2026-01-01",
  plannedCompletionDate: "2027-12-31",
  status: "planned",
  targetIds: [],
});

const user = (email: string, name: string, role: "admin" | "staff", provinceCode: string | null) =>
  createUser(db, { email, name, passwordHash: "h", role, provinceCode, locale: "zh" }, { label: "seed" });

const query = (change: Partial<AuditQuery> = {}) => listAuditEntries(db, { scope: "all", page: 1, pageSize: 100, ...change });
const ids = (change: Partial<AuditQuery> = {}) => query(change).rows.map((r) => `${r.entity}:${r.action}:${r.entityId}`);

beforeEach(() => {
  ({ db, close } = createTestDb());
  admin = user("admin@example.cn", "管理员", "admin", null);
  zjStaff = user("zj@example.cn", "浙江填报员", "staff", "330000");
  gdStaff = user("gd@example.cn", "广东填报员", "staff", "440000");
  zjCentre = createCentre(db, centre("330000", "330100", "杭州中心"), { userId: zjStaff });
  gdCentre = createCentre(db, centre("440000", "440300", "深圳中心"), { userId: gdStaff });
  milestone = createMilestone(
    db,
    { centreId: zjCentre, title: "完成可研批复", category: "planning", weight: 1, plannedDate: "2026-06-30", evidenceRequired: false },
    { userId: zjStaff },
  );
  // The reporting workflow's own writers are tested elsewhere; here only the rows the joins follow.
  update = randomUUID();
  db.insert(updates).values({ id: update, centreId: zjCentre, period: "2026-Q3", periodEnd: "2026-09-30", status: "draft", createdBy: zjStaff }).run();
  writeAudit(db, { actor: { userId: zjStaff }, entity: "update", entityId: update, action: "create", after: { period: "2026-Q3" } });
  evidence = randomUUID();
  db.insert(evidenceFiles)
    .values({ id: evidence, updateId: update, originalName: "批复.pdf", storedName: "x", mediaType: "application/pdf", sizeBytes: 1, sha256: "0", uploadedBy: zjStaff, uploadedAt: "2026-10-01T00:00:00.000Z" })
    .run();
  writeAudit(db, { actor: { userId: zjStaff }, entity: "evidence", entityId: evidence, action: "upload", after: { originalName: "批复.pdf" } });
  setCalendar(db, "330000", 0, { cadence: "monthly", dueDays: 10, graceDays: 3 }, { userId: admin });
  updateCentre(db, gdCentre, 1, { ...centre("440000", "440300", "深圳中心"), status: "under_construction" }, { userId: admin });
});
afterEach(() => close());

describe("listAuditEntries", () => {
  it("lists every entry newest first for a national reader, with actor and subject", () => {
    const { rows, total } = query();
    expect(total).toBe(db.select().from(auditLog).all().length);
    expect(rows).toHaveLength(total);
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => b - a));
    expect(rows[0]).toMatchObject({ entity: "centre", action: "update", actor: { userId: admin, name: "管理员", email: "admin@example.cn" } });
    expect(rows[0]?.before).toMatchObject({ status: "planned" });
    expect(rows.find((r) => r.entity === "user")).toMatchObject({ actor: { label: "seed" }, centre: null });
    expect(rows.find((r) => r.entity === "reporting_calendar")).toMatchObject({ entityId: "330000", centre: null });
    expect(rows.find((r) => r.entity === "milestone")?.subject).toBe("完成可研批复");
    expect(rows.find((r) => r.entity === "update")?.subject).toBe("2026-Q3");
    expect(rows.find((r) => r.entity === "evidence")?.subject).toBe("批复.pdf");
    expect(rows.find((r) => r.entity === "user" && r.entityId === gdStaff)?.subject).toBe("gd@example.cn");
  });

  it("resolves milestones, updates and evidence to their centre", () => {
    const byEntity = new Map(query().rows.filter((r) => r.centre?.id === zjCentre).map((r) => [r.entity, r.centre]));
    expect([...byEntity.keys()].sort()).toEqual(["centre", "evidence", "milestone", "update"]);
    expect(byEntity.get("evidence")).toEqual({ id: zjCentre, name: "杭州中心" });
  });

  it("limits a provincial reader to entries about its own centres", () => {
    expect(ids({ scope: "330000" }).sort()).toEqual(
      [`centre:create:${zjCentre}`, `milestone:create:${milestone}`, `update:create:${update}`, `evidence:upload:${evidence}`].sort(),
    );
    expect(query({ scope: "330000" }).total).toBe(4);
    expect(ids({ scope: "440000" })).toEqual([`centre:update:${gdCentre}`, `centre:create:${gdCentre}`]);
    expect(query({ scope: "none" })).toEqual({ rows: [], total: 0 });
  });

  it("filters by centre, including its milestones, updates and evidence, within the scope", () => {
    expect(query({ centreId: zjCentre }).total).toBe(4);
    expect(ids({ centreId: gdCentre })).toEqual([`centre:update:${gdCentre}`, `centre:create:${gdCentre}`]);
    expect(query({ scope: "330000", centreId: gdCentre })).toEqual({ rows: [], total: 0 });
  });

  it("filters by actor and by action", () => {
    expect(ids({ userId: admin })).toEqual([`centre:update:${gdCentre}`, `reporting_calendar:create:330000`]);
    expect(query({ userId: gdStaff }).rows.map((r) => r.entityId)).toEqual([gdCentre]);
    expect(ids({ action: "upload" })).toEqual([`evidence:upload:${evidence}`]);
    expect(ids({ action: "update", scope: "330000" })).toEqual([]);
    expect(query({ action: "create", userId: zjStaff }).total).toBe(3);
  });

  it("filters by Beijing calendar days, both ends inclusive", () => {
    // Backdating rewrites audit rows, which the append-only triggers refuse; this test lifts them on purpose.
    withoutAuditGuard(db, (tx) => {
      const stamp = (entityId: string, at: string) => tx.update(auditLog).set({ at }).where(eq(auditLog.entityId, entityId)).run();
      tx.update(auditLog).set({ at: "2026-01-01T00:00:00.000Z" }).run();
      stamp(milestone, "2026-03-01T15:59:59.999Z"); // 23:59 on 1 March in Beijing
      stamp(update, "2026-03-01T16:00:00.000Z"); // midnight starting 2 March in Beijing
      stamp(evidence, "2026-02-28T16:00:00.000Z"); // midnight starting 1 March in Beijing
    });
    expect(ids({ from: "2026-03-01", to: "2026-03-01" }).sort()).toEqual([`evidence:upload:${evidence}`, `milestone:create:${milestone}`].sort());
    expect(ids({ from: "2026-03-02" })).toEqual([`update:create:${update}`]);
    expect(query({ to: "2026-02-28" }).total).toBe(query().total - 3);
    expect(query({ from: "2026-03-03" }).total).toBe(0);
  });

  it("pages without overlap and keeps the total", () => {
    const all = query().rows.map((r) => r.id);
    const pages = [1, 2, 3, 4, 5].map((page) => query({ page, pageSize: 3 }));
    expect(pages.every((p) => p.total === all.length)).toBe(true);
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(all);
    expect(pages[0]?.rows).toHaveLength(3);
    expect(query({ page: 99, pageSize: 3 })).toEqual({ rows: [], total: all.length });
    expect(query({ scope: "330000", page: 2, pageSize: 3 }).rows.map((r) => r.entity)).toEqual(["centre"]);
  });
});

describe("listAuditActors", () => {
  it("lists the users who acted within the scope, once each", () => {
    // By name in code-point order: 广 (U+5E7F) < 浙 (U+6D59) < 管 (U+7BA1).
    expect(listAuditActors(db, "all").map((u) => u.email)).toEqual(["gd@example.cn", "zj@example.cn", "admin@example.cn"]);
    expect(listAuditActors(db, "330000")).toEqual([{ id: zjStaff, name: "浙江填报员", email: "zj@example.cn" }]);
    expect(listAuditActors(db, "440000").map((u) => u.id).sort()).toEqual([admin, gdStaff].sort());
  });
});

describe("delivery-confidence ratings in the audit log", () => {
  it("are shown to the rated centre's province, with the centre, and not to another province", () => {
    recordConfidenceRating(db, { centreId: zjCentre, rating: "red", narrative: "现场核查", computedLevel: "green", computedCompletionPct: 40 }, admin);
    const rating = (scope: string) => query({ scope }).rows.filter((r) => r.entity === "confidence_rating");
    expect(rating("330000")).toHaveLength(1);
    expect(rating("330000")[0]!.centre).toEqual({ id: zjCentre, name: "杭州中心" });
    expect(rating("440000")).toHaveLength(0);
  });
});
