import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  CADENCES,
  UPDATE_STATUSES,
  CENTRE_STATUSES,
  FOCUS_TAGS,
  MILESTONE_CATEGORIES,
  ROLES,
  LOCALES,
  SOURCE_STATUSES,
  TARGET_KINDS,
} from "@/lib/domain/vocabulary";
import { TARGET_MEASURES } from "@/lib/domain/target-measures";
import { inFormOrder, INDICATORS, type IndicatorDef } from "@/lib/registry/indicators";
import { FLAG_ACTIONS } from "@/lib/domain/risk/flag-review";
import { RISK_SEVERITIES } from "@/lib/domain/risk/types";
import { DELIVERY_LEVELS } from "@/lib/domain/engine";
import { REMINDER_CATEGORIES } from "@/lib/domain/reminders";
import { DELIVERY_MODES } from "@/lib/domain/mail-delivery";
import { LOGIN_OUTCOMES } from "@/lib/auth/throttle";

// Conventions: ids are text UUIDs; dates are ISO `YYYY-MM-DD` text; timestamps are ISO-8601 UTC text;
// money is integer 元. Every editable row has a `version` for optimistic concurrency.

// Defaults are set in JavaScript rather than SQL so the schema stays dialect-portable.

const realColumn = (name: string) => real(name);
const integerColumn = (name: string) => integer(name);
const enumColumn = <const V extends readonly [string, ...string[]]>(name: string, values: V) => text(name, { enum: values });
type IndicatorColumn<E extends IndicatorDef> = E extends { values: infer V extends readonly [string, ...string[]] }
  ? ReturnType<typeof enumColumn<V>>
  : E extends { type: "decimal" | "percent" }
    ? ReturnType<typeof realColumn>
    : ReturnType<typeof integerColumn>;

/**
 * The `updates` columns of the indicator registry: property = the indicator's key, SQL name = its
 * `column`; counts and amounts (integer 元) as integers, measurements and percentages as reals, enums as
 * text. Adding an indicator to the registry adds its column here; `npm run db:generate` writes the migration.
 */
function indicatorColumns<R extends readonly IndicatorDef[]>(indicators: R) {
  const column = (d: IndicatorDef) => (d.values ? enumColumn(d.column, d.values) : d.type === "decimal" || d.type === "percent" ? realColumn(d.column) : integerColumn(d.column));
  return Object.fromEntries(inFormOrder(indicators).map((d) => [d.key, column(d)])) as { [E in R[number] as E["key"]]: IndicatorColumn<E> };
}
const nowIso = () => new Date().toISOString();
const timestamps = {
  createdAt: text("created_at").notNull().$defaultFn(nowIso),
  updatedAt: text("updated_at").notNull().$defaultFn(nowIso).$onUpdateFn(nowIso),
};

export const provinces = sqliteTable("provinces", {
  code: text("code").primaryKey(),
  nameZh: text("name_zh").notNull(),
  nameEn: text("name_en").notNull(),
  shortZh: text("short_zh").notNull(),
  abbrZh: text("abbr_zh").notNull(),
  type: text("type").notNull(),
});

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    provinceCode: text("province_code").references(() => provinces.code),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    locale: text("locale", { enum: LOCALES }).notNull().default("zh"),
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    // Sessions carry the value current at sign-in; raising it (sign out everywhere, password, role,
    // province or deactivation) ends every older session at its next request.
    sessionVersion: integer("session_version").notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_unique").on(t.email), index("users_province_idx").on(t.provinceCode)],
);

/** Server-side record of each signed-in browser; the JWT only carries its id, so deleting the row ends the session. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull(),
    // The absolute lifetime: created_at plus SESSION_MAX_AGE_HOURS at sign-in.
    expiresAt: text("expires_at").notNull(),
    // users.session_version at sign-in; the session lives only while they are equal.
    sessionVersion: integer("session_version").notNull().default(1),
    // For the idle timeout; written at most once a minute per session, not on every request.
    lastSeenAt: text("last_seen_at").notNull().default(""),
    // The client address at sign-in (lib/auth/client-address.ts), shown on the sessions page.
    address: text("address").notNull().default("unknown"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Every sign-in attempt, for throttling (lib/auth/throttle.ts) and review. Never a password. */
export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    // Insertion order decides "after the last success" when two attempts share a millisecond.
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    // Trimmed and lower-cased as typed (at most 254 characters), known account or not.
    email: text("email").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    address: text("address").notNull(),
    outcome: text("outcome", { enum: LOGIN_OUTCOMES }).notNull(),
  },
  (t) => [index("login_attempts_email_idx").on(t.email, t.at), index("login_attempts_address_idx").on(t.address, t.at), index("login_attempts_at_idx").on(t.at)],
);

export const planTargets = sqliteTable(
  "plan_targets",
  {
    id: text("id").primaryKey(),
    provinceCode: text("province_code")
      .notNull()
      .references(() => provinces.code),
    title: text("title").notNull(),
    kind: text("kind", { enum: TARGET_KINDS }).notNull(),
    metric: text("metric").notNull(),
    // Plan figures keep the unit of their source document (个, 亿元, PFLOPS, %).
    unit: text("unit").notNull(),
    targetValue: real("target_value").notNull(),
    baselineValue: real("baseline_value").notNull().default(0),
    baselineDate: text("baseline_date").notNull(),
    deadline: text("deadline").notNull(),
    // Which reported figure of the linked centres measures the target; null: not measured from reports.
    measure: text("measure", { enum: TARGET_MEASURES }),
    // Planned levels between baseline and deadline (e.g. yearly); empty means a straight line.
    plannedValues: text("planned_values", { mode: "json" }).$type<{ date: string; value: number }[]>().notNull().default([]),
    sourceDocument: text("source_document").notNull(),
    sourceUrl: text("source_url"),
    sourceStatus: text("source_status", { enum: SOURCE_STATUSES }).notNull(),
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("plan_targets_province_idx").on(t.provinceCode)],
);

export const centres = sqliteTable(
  "centres",
  {
    id: text("id").primaryKey(),
    provinceCode: text("province_code")
      .notNull()
      .references(() => provinces.code),
    cityCode: text("city_code").notNull(),
    name: text("name").notNull(),
    leadInstitution: text("lead_institution").notNull(),
    // 统一社会信用代码, when known.
    leadCreditCode: text("lead_credit_code"),
    partners: text("partners", { mode: "json" }).$type<string[]>().notNull().$defaultFn(() => []),
    plannedBudgetYuan: integer("planned_budget_yuan").notNull(),
    startDate: text("start_date").notNull(),
    plannedCompletionDate: text("planned_completion_date").notNull(),
    status: text("status", { enum: CENTRE_STATUSES }).notNull(),
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("centres_province_idx").on(t.provinceCode), index("centres_city_idx").on(t.cityCode)],
);

/** Focus tags as rows so later rules can group by (city, tag) in SQL; position 0 is the primary focus. */
export const centreFocusTags = sqliteTable(
  "centre_focus_tags",
  {
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id, { onDelete: "cascade" }),
    tag: text("tag", { enum: FOCUS_TAGS }).notNull(),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.centreId, t.tag] }), index("centre_focus_tags_tag_idx").on(t.tag)],
);

export const centreTargets = sqliteTable(
  "centre_targets",
  {
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id, { onDelete: "cascade" }),
    targetId: text("target_id")
      .notNull()
      .references(() => planTargets.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.centreId, t.targetId] }), index("centre_targets_target_idx").on(t.targetId)],
);

export const milestones = sqliteTable(
  "milestones",
  {
    id: text("id").primaryKey(),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    category: text("category", { enum: MILESTONE_CATEGORIES }).notNull(),
    weight: integer("weight").notNull().default(1),
    plannedDate: text("planned_date").notNull(),
    progress: integer("progress").notNull().default(0),
    actualCompletionDate: text("actual_completion_date"),
    evidenceRequired: integer("evidence_required", { mode: "boolean" }).notNull().default(false),
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("milestones_centre_idx").on(t.centreId)],
);

/** A province's reporting calendar; a province without a row uses DEFAULT_CALENDAR. */
export const reportingCalendars = sqliteTable("reporting_calendars", {
  provinceCode: text("province_code")
    .primaryKey()
    .references(() => provinces.code),
  cadence: text("cadence", { enum: CADENCES }).notNull(),
  dueDays: integer("due_days").notNull(),
  graceDays: integer("grace_days").notNull(),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

/**
 * One update per centre and period. Counts and money are cumulative since the centre started;
 * compute and utilization are the state at the period's end. Null means "not reported".
 */
export const updates = sqliteTable(
  "updates",
  {
    id: text("id").primaryKey(),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    // Kept with the code so periods of different cadences order correctly.
    periodEnd: text("period_end").notNull(),
    status: text("status", { enum: UPDATE_STATUSES }).notNull(),
    // One nullable column per indicator of the registry, in the form's order (see indicatorColumns).
    ...indicatorColumns(INDICATORS),
    narrative: text("narrative"),
    correctionReason: text("correction_reason"),
    // Everyone who saved this update: none of them may approve it.
    editorIds: text("editor_ids", { mode: "json" }).$type<string[]>().notNull().$defaultFn(() => []),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    submittedBy: text("submitted_by").references(() => users.id),
    submittedAt: text("submitted_at"),
    approvedBy: text("approved_by").references(() => users.id),
    approvedAt: text("approved_at"),
    returnedBy: text("returned_by").references(() => users.id),
    returnedAt: text("returned_at"),
    // Why it was returned or reopened; shown to the submitter.
    returnReason: text("return_reason"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("updates_centre_period_unique").on(t.centreId, t.period),
    index("updates_status_idx").on(t.status, t.submittedAt),
    index("updates_created_by_idx").on(t.createdBy),
    index("updates_submitted_by_idx").on(t.submittedBy),
    index("updates_approved_by_idx").on(t.approvedBy),
    index("updates_returned_by_idx").on(t.returnedBy),
  ],
);

/** Milestone progress as reported in one update; once the update is approved it is the milestone's approved progress (`milestones.progress` is the figure at registration). */
export const updateMilestones = sqliteTable(
  "update_milestones",
  {
    updateId: text("update_id")
      .notNull()
      .references(() => updates.id, { onDelete: "cascade" }),
    milestoneId: text("milestone_id")
      .notNull()
      .references(() => milestones.id, { onDelete: "cascade" }),
    progress: integer("progress").notNull(),
    actualCompletionDate: text("actual_completion_date"),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.milestoneId] }), index("update_milestones_milestone_idx").on(t.milestoneId)],
);

/**
 * What each approval approved, kept when the update is later reopened and changed: the figures and
 * milestone progress as approved, when, by whom, and when the approval was withdrawn (reopened). The
 * dashboards' "as of" view reads the approvals standing at a past moment from here.
 */
export const updateApprovals = sqliteTable(
  "update_approvals",
  {
    id: text("id").primaryKey(),
    updateId: text("update_id")
      .notNull()
      .references(() => updates.id, { onDelete: "cascade" }),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id, { onDelete: "cascade" }),
    period: text("period").notNull(),
    periodEnd: text("period_end").notNull(),
    values: text("values", { mode: "json" }).$type<ApprovedValues>().notNull(),
    milestones: text("milestones", { mode: "json" }).$type<ApprovedMilestone[]>().notNull(),
    approvedBy: text("approved_by").references(() => users.id),
    approvedAt: text("approved_at").notNull(),
    withdrawnAt: text("withdrawn_at"),
  },
  (t) => [index("update_approvals_update_idx").on(t.updateId), index("update_approvals_approved_idx").on(t.approvedAt)],
);

/** The update's value fields as approved (see VALUE_FIELDS in lib/validation/update.ts). */
export type ApprovedValues = Record<string, number | string | null>;
export type ApprovedMilestone = { id: string; progress: number; actualCompletionDate: string | null };

export const evidenceFiles = sqliteTable(
  "evidence_files",
  {
    id: text("id").primaryKey(),
    updateId: text("update_id")
      .notNull()
      .references(() => updates.id, { onDelete: "cascade" }),
    milestoneId: text("milestone_id").references(() => milestones.id),
    originalName: text("original_name").notNull(),
    // Random name on disk under EVIDENCE_PATH; never derived from user input.
    storedName: text("stored_name").notNull(),
    mediaType: text("media_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: text("uploaded_by")
      .notNull()
      .references(() => users.id),
    uploadedAt: text("uploaded_at").notNull(),
    // Deleting removes the file but keeps the row, so the audit trail still leads to the centre.
    deletedAt: text("deleted_at"),
    deletedBy: text("deleted_by").references(() => users.id),
  },
  (t) => [
    index("evidence_update_idx").on(t.updateId),
    index("evidence_deleted_by_idx").on(t.deletedBy),
    index("evidence_milestone_idx").on(t.milestoneId),
    index("evidence_uploaded_by_idx").on(t.uploadedBy),
  ],
);

export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["submitted", "approved", "returned", "reopened"] }).notNull(),
    updateId: text("update_id")
      .notNull()
      .references(() => updates.id, { onDelete: "cascade" }),
    actorId: text("actor_id").references(() => users.id),
    // The reason given with a return or reopen, as it was then (the update keeps only the latest).
    reason: text("reason"),
    createdAt: text("created_at").notNull(),
    readAt: text("read_at"),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.readAt),
    index("notifications_update_idx").on(t.updateId),
    index("notifications_actor_idx").on(t.actorId),
  ],
);

/**
 * Append-only: rows are only ever inserted, in the same transaction as the change they describe; triggers
 * (migration 0009) refuse UPDATE and DELETE. Each row is hash-chained to the one before it (db/audit.ts).
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    actorId: text("actor_id").references(() => users.id),
    // Who acted when no user did (seed, CLI).
    actorLabel: text("actor_label"),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    action: text("action").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    // SHA-256 of the previous row's `hash` and of this row (lib/audit/chain.ts); null only before sealing.
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [index("audit_entity_idx").on(t.entity, t.entityId), index("audit_actor_idx").on(t.actorId)],
);

/**
 * Refused authorizations (and, later, other security events), one row each: append-only like the audit
 * log (triggers in a custom migration). `user_id` is null when nobody was signed in; `route` is the
 * page, route pattern or server action name; `target` the province, row id or flag key asked for.
 */
export const securityEvents = sqliteTable(
  "security_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    kind: text("kind").notNull(),
    userId: text("user_id").references(() => users.id),
    route: text("route").notNull(),
    target: text("target"),
    reason: text("reason").notNull(),
    method: text("method"),
    // The client's address as the proxy in front reports it (X-Forwarded-For), when there is one.
    address: text("address"),
  },
  (t) => [index("security_events_at_idx").on(t.at), index("security_events_user_idx").on(t.userId)],
);

/** Administrators' overrides of the risk thresholds (lib/domain/risk/thresholds.ts); a key without a row uses the default. */
export const riskThresholds = sqliteTable("risk_thresholds", {
  key: text("key").primaryKey(),
  value: real("value").notNull(),
  version: integer("version").notNull().default(1),
  updatedBy: text("updated_by").references(() => users.id),
  ...timestamps,
});

/**
 * What reviewers did about a flag, append-only. Flags are recomputed on every request; their stable
 * key ties them to this history. The flag's severity and figures at the time are the yardstick for
 * "worse", which brings a dismissed flag back.
 */
export const flagReviews = sqliteTable(
  "flag_reviews",
  {
    id: text("id").primaryKey(),
    flagKey: text("flag_key").notNull(),
    code: text("code").notNull(),
    // The province the flag belonged to, so a provincial reviewer's history stays in scope.
    provinceCode: text("province_code").references(() => provinces.code),
    action: text("action", { enum: FLAG_ACTIONS }).notNull(),
    comment: text("comment").notNull(),
    expiresOn: text("expires_on"),
    severity: text("severity", { enum: RISK_SEVERITIES }).notNull(),
    values: text("values", { mode: "json" }).$type<Record<string, number | string | null>>().notNull(),
    actorId: text("actor_id")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull(),
  },
  (t) => [index("flag_reviews_key_idx").on(t.flagKey, t.at), index("flag_reviews_actor_idx").on(t.actorId), index("flag_reviews_province_idx").on(t.provinceCode)],
);

/** A reviewer's delivery-confidence rating of a centre, with the computed level beside it at that moment; append-only. */
export const confidenceRatings = sqliteTable(
  "confidence_ratings",
  {
    id: text("id").primaryKey(),
    centreId: text("centre_id")
      .notNull()
      .references(() => centres.id, { onDelete: "cascade" }),
    rating: text("rating", { enum: DELIVERY_LEVELS }).notNull(),
    narrative: text("narrative").notNull(),
    computedLevel: text("computed_level", { enum: DELIVERY_LEVELS }).notNull(),
    computedCompletionPct: real("computed_completion_pct").notNull(),
    actorId: text("actor_id")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull(),
  },
  (t) => [index("confidence_ratings_centre_idx").on(t.centreId, t.at), index("confidence_ratings_actor_idx").on(t.actorId)],
);

/**
 * Personal API tokens: the secret is shown once; only its SHA-256 is kept (the token is 256 random
 * bits, so a fast hash is enough). A token acts as its user, with the user's role and province.
 */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: text("created_at").notNull(),
    lastUsedAt: text("last_used_at"),
    // Last day it works (Beijing calendar), or null for no expiry.
    expiresOn: text("expires_on"),
    revokedAt: text("revoked_at"),
  },
  (t) => [uniqueIndex("api_tokens_hash_unique").on(t.tokenHash), index("api_tokens_user_idx").on(t.userId)],
);

/**
 * Reminders delivered by `npm run reminders`, one row per person and event (stage, centre or update,
 * period): the unique index is what makes "never the same reminder twice" hold across restarts and
 * concurrent runs. Each row is also the person's in-app notification; `email_status` says whether it
 * still waits for mail (`pending`), went into an outbox message (`queued`), or will not be mailed.
 */
export const reminders = sqliteTable(
  "reminders",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    eventKey: text("event_key").notNull(),
    category: text("category", { enum: REMINDER_CATEGORIES }).notNull(),
    centreId: text("centre_id").references(() => centres.id, { onDelete: "cascade" }),
    period: text("period"),
    flagKey: text("flag_key"),
    params: text("params", { mode: "json" }).$type<Record<string, string | number>>().notNull(),
    createdAt: text("created_at").notNull(),
    readAt: text("read_at"),
    emailStatus: text("email_status", { enum: ["pending", "queued", "skipped"] }).notNull(),
    outboxId: text("outbox_id").references(() => mailOutbox.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("reminders_user_event_unique").on(t.userId, t.eventKey),
    index("reminders_user_read_idx").on(t.userId, t.readAt),
    index("reminders_email_idx").on(t.emailStatus),
    index("reminders_centre_idx").on(t.centreId),
    index("reminders_outbox_idx").on(t.outboxId),
  ],
);

/**
 * Mail waiting to be sent, sent, or given up on. A digest is unique per person and Beijing day. A failed
 * attempt records its error and the time of the next one (exponential backoff); `claimed_until` keeps two
 * concurrent runs from sending the same message.
 */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    toAddress: text("to_address").notNull(),
    kind: text("kind", { enum: DELIVERY_MODES }).notNull(),
    digestDay: text("digest_day"),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: ["pending", "sent", "failed"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    claimedUntil: text("claimed_until"),
    /** Set by the run that claimed the message; only that claim may record the outcome. */
    claimToken: text("claim_token"),
    lastError: text("last_error"),
    createdAt: text("created_at").notNull(),
    sentAt: text("sent_at"),
  },
  (t) => [
    uniqueIndex("mail_outbox_digest_unique").on(t.userId, t.digestDay),
    index("mail_outbox_status_idx").on(t.status, t.nextAttemptAt),
  ],
);

/** A person's mail settings; without a row, DEFAULT_PREFERENCE (daily digest, nothing muted). */
export const notificationPreferences = sqliteTable("notification_preferences", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  mode: text("mode", { enum: DELIVERY_MODES }).notNull(),
  muted: text("muted", { mode: "json" }).$type<(typeof REMINDER_CATEGORIES)[number][]>().notNull(),
  updatedAt: text("updated_at").notNull().$defaultFn(nowIso).$onUpdateFn(nowIso),
});

/** Flags that were red at the last reminders run, so only a flag newly turned red is announced. */
export const redFlagNotices = sqliteTable(
  "red_flag_notices",
  {
    flagKey: text("flag_key").primaryKey(),
    since: text("since").notNull(),
  },
);

export type Province = typeof provinces.$inferSelect;
export type User = typeof users.$inferSelect;
export type PlanTarget = typeof planTargets.$inferSelect;
export type Centre = typeof centres.$inferSelect;
export type Milestone = typeof milestones.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type SecurityEvent = typeof securityEvents.$inferSelect;
export type Update = typeof updates.$inferSelect;
export type EvidenceFile = typeof evidenceFiles.$inferSelect;

/**
 * A user's TOTP authenticator (issue 8). The secret is sealed with AES-256-GCM (lib/auth/secret-box.ts);
 * `enabled_at` is null while enrolment waits for the first code. `last_used_step` is the newest time
 * step a code was accepted for: no code of that step or an earlier one is accepted again.
 */
export const userTwoFactor = sqliteTable("user_two_factor", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretSealed: text("secret_sealed").notNull(),
  enabledAt: text("enabled_at"),
  lastUsedStep: integer("last_used_step"),
  createdAt: text("created_at").notNull(),
});

/** One-time recovery codes: only the SHA-256 of each; `used_at` is set when one is spent. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: text("used_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("recovery_codes_hash_unique").on(t.codeHash), index("recovery_codes_user_idx").on(t.userId)],
);

/**
 * The engine read model's version stamps (db/engine-versions.ts): one row per province and a `*` row for
 * inputs every partition reads (thresholds). Bumped by triggers (migration 0015) in the writing
 * transaction, only by writes that can change figures. `version` versions today's view; `past_version`
 * only what can still change a past close (calendars, target links, deletions, thresholds).
 */
export const engineVersions = sqliteTable("engine_versions", {
  scope: text("scope").primaryKey(),
  version: integer("version").notNull().default(0),
  pastVersion: integer("past_version").notNull().default(0),
});
