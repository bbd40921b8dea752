import "server-only";
import { parse } from "csv-parse/sync";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, count, eq, gt } from "drizzle-orm";
import type { Db } from "../client";
import { centres, milestones as milestoneTable, planTargets, provinces, users } from "../schema";
import { createUser } from "../users";
import { createTarget } from "../targets";
import { createCentre } from "../centres";
import { createMilestone } from "../milestones";
import { DEMO_CENTRES } from "./demo-centres";
import { demoTargetFromCsv, type TargetCsvRow } from "./demo-targets";
import { DEMO_CALENDARS, DEMO_REGISTERED_AT, DEMO_RETURN_REASON, demoOutcome, demoPeriods, demoTimes, demoValues } from "./demo-updates";
import { getCalendarSetting, setCalendar } from "../calendars";
import { getUpdate, reviewUpdate, saveUpdate } from "../updates";
import type { Actor } from "@/lib/domain/permissions";
import type { Locale, Role } from "@/lib/domain/vocabulary";
import { writeTransaction } from "../transaction";

const DATA_DIR = path.join(process.cwd(), "db", "seed", "data");
const SEED_ACTOR = { label: "seed" };
export const DEMO_PASSWORD = "demo-pass-2026";

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; provinceCode: string | null; locale: Locale }[] = [
  { email: "admin@demo.gov.cn", name: "演示管理员", role: "admin", provinceCode: null, locale: "zh" },
  { email: "reviewer@demo.gov.cn", name: "国家审核人（演示）", role: "reviewer", provinceCode: null, locale: "zh" },
  { email: "reviewer.zj@demo.gov.cn", name: "浙江审核人（演示）", role: "reviewer", provinceCode: "330000", locale: "zh" },
  { email: "staff.zj@demo.gov.cn", name: "浙江填报员（演示）", role: "staff", provinceCode: "330000", locale: "zh" },
  { email: "staff.gd@demo.gov.cn", name: "广东填报员（演示）", role: "staff", provinceCode: "440000", locale: "zh" },
  { email: "staff.bj@demo.gov.cn", name: "北京填报员（演示）", role: "staff", provinceCode: "110000", locale: "en" },
];

function readCsv<T>(file: string): T[] {
  return parse(fs.readFileSync(path.join(DATA_DIR, file), "utf8"), { columns: true, skip_empty_lines: true, trim: true }) as T[];
}

/** A stable UUID-shaped id for a demo record, so re-seeding finds what it made before. */
export function demoId(kind: string, key: string): string {
  const h = createHash("sha256").update(`demo:${kind}:${key}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Reference data every installation needs: the 34 provincial-level divisions (GB/T 2260). Idempotent. */
export function seedProvinces(db: Db): void {
  const base = readCsv<{ code: string; name_zh: string; name_en: string; short_zh: string }>("provinces.csv");
  const extra = new Map(readCsv<{ code: string; abbr_zh: string; type: string }>("provinces_extra.csv").map((r) => [r.code, r]));
  writeTransaction(db, (tx) => {
    for (const row of base) {
      const more = extra.get(row.code);
      if (!more) throw new Error(`provinces_extra.csv lacks ${row.code}`);
      const values = { code: row.code, nameZh: row.name_zh, nameEn: row.name_en, shortZh: row.short_zh, abbrZh: more.abbr_zh, type: more.type };
      tx.insert(provinces).values(values).onConflictDoUpdate({ target: provinces.code, set: values }).run();
    }
  });
}

export function isEmptyDatabase(db: Db): boolean {
  return (db.select({ n: count() }).from(users).get()?.n ?? 0) === 0;
}

/**
 * The demo data set: accounts, published targets and invented centres, every record marked demo.
 * Idempotent: a record that exists already (by email or stable id) is left as it is.
 * `hashPassword` is passed in so hashing (async) happens before the synchronous transactions.
 */
export async function seedDemo(db: Db, hashPassword: (password: string) => Promise<string>): Promise<void> {
  seedProvinces(db);

  for (const account of DEMO_ACCOUNTS) {
    if (db.select({ id: users.id }).from(users).where(eq(users.email, account.email)).get()) continue;
    createUser(db, { ...account, passwordHash: await hashPassword(DEMO_PASSWORD), isDemo: true }, SEED_ACTOR);
  }

  const targetIdByMetric = new Map<string, string>();
  let previousDocument = "";
  for (const csvRow of readCsv<TargetCsvRow>("ai_targets.csv")) {
    // The source table writes 同上 ("as above") for a row from the same document as the one before.
    const row = csvRow.document === "同上" ? { ...csvRow, document: previousDocument } : csvRow;
    previousDocument = row.document;
    const id = demoId("target", `${row.province_code}:${row.document}:${row.metric}`);
    targetIdByMetric.set(`${row.province_code}:${row.metric}`, id);
    if (db.select({ id: planTargets.id }).from(planTargets).where(eq(planTargets.id, id)).get()) continue;
    createTarget(db, demoTargetFromCsv(row), SEED_ACTOR, { id, isDemo: true });
  }

  for (const centre of DEMO_CENTRES) {
    const id = demoId("centre", centre.key);
    if (db.select({ id: centres.id }).from(centres).where(eq(centres.id, id)).get()) continue;
    const targetIds = centre.targetMetrics.map((metric) => {
      const targetId = targetIdByMetric.get(`${centre.provinceCode}:${metric}`);
      if (!targetId) throw new Error(`Demo centre ${centre.key} names unknown target metric ${metric}`);
      return targetId;
    });
    const { key, targetMetrics, milestones, ...fields } = centre;
    createCentre(db, { ...fields, partners: [...fields.partners], focusTags: [...fields.focusTags], targetIds }, SEED_ACTOR, { id, isDemo: true });
    for (const m of milestones) {
      const { progress, actualCompletionDate, ...definition } = m;
      createMilestone(db, { ...definition, centreId: id }, SEED_ACTOR, { progress, actualCompletionDate, isDemo: true });
    }
  }

  backdateDemoRegistration(db);
  seedDemoUpdates(db);
}

/**
 * The demo's targets, centres and milestones count as registered before reporting began, so the
 * dashboards' "as of" view of an earlier period shows them (with the approvals made by then).
 */
function backdateDemoRegistration(db: Db): void {
  writeTransaction(db, (tx) => {
    for (const table of [planTargets, centres, milestoneTable]) {
      tx.update(table)
        .set({ createdAt: DEMO_REGISTERED_AT })
        .where(and(eq(table.isDemo, true), gt(table.createdAt, DEMO_REGISTERED_AT)))
        .run();
    }
  });
}

/** Runs the demo's reporting round through the real workflow, so its audit trail and notifications are real too. */
function seedDemoUpdates(db: Db): void {
  const actorFor = (email: string): Actor => {
    const row = db.select({ id: users.id, role: users.role, provinceCode: users.provinceCode }).from(users).where(eq(users.email, email)).get();
    if (!row) throw new Error(`Demo account ${email} is missing`);
    return row;
  };
  const admin = actorFor("admin@demo.gov.cn");
  const reviewer = actorFor("reviewer@demo.gov.cn");
  const staffByProvince = new Map(DEMO_ACCOUNTS.filter((a) => a.role === "staff").map((a) => [a.provinceCode, actorFor(a.email)]));
  for (const [provinceCode, calendar] of Object.entries(DEMO_CALENDARS)) {
    if (getCalendarSetting(db, provinceCode).isDefault) setCalendar(db, provinceCode, 0, calendar, SEED_ACTOR);
  }
  for (const centre of DEMO_CENTRES) {
    const outcome = demoOutcome(centre);
    const centreId = demoId("centre", centre.key);
    const periods = demoPeriods(centre);
    if (outcome === "missing" || getUpdate(db, centreId, periods[0]!)) continue;
    // Provinces without a demo staff account report through the administrator.
    const reporter = staffByProvince.get(centre.provinceCode) ?? admin;
    const milestoneRows = db.select().from(milestoneTable).where(eq(milestoneTable.centreId, centreId)).all();
    for (const [index, period] of periods.entries()) {
      // Each round happens on its own (invented) dates after the period, never later than now.
      const times = demoTimes(centre, period, new Date().toISOString());
      const { id } = saveUpdate(
        db,
        {
          centreId,
          period,
          version: 0,
          intent: "submit",
          values: demoValues(centre, period),
          milestones: milestoneRows.map((m) => ({ id: m.id, progress: m.progress, actualCompletionDate: m.actualCompletionDate })),
        },
        reporter,
        times.submittedAt,
      );
      // Earlier rounds were approved; the latest has the centre's outcome.
      const last = index === periods.length - 1;
      if (!last || outcome === "approved") reviewUpdate(db, { id, version: 1, action: "approve", reason: null }, reviewer, times.reviewedAt);
      if (last && outcome === "returned") reviewUpdate(db, { id, version: 1, action: "return", reason: DEMO_RETURN_REASON }, reviewer, times.reviewedAt);
    }
  }
}
