import { canAdminister, canEditCentresIn, canImport, canReadProvince, readableScope, type Actor } from "./permissions";
import { canReview } from "./update-workflow";

// Who may use what: one row per page, route handler method, server action and file download, each naming
// the rule (below) that decides it. The rules are the functions of lib/domain/permissions.ts the guards
// call, so this table and the app cannot disagree on what a rule means; the table says which rule each
// entry follows. app/access-policy.test.ts fails when an entry of app/ has no row here (or a row no
// entry), and e2e/permission-matrix.spec.ts tries every row for every cell below.

/** The cells of the matrix: each role, and for province-bound roles the row's province their own or another. */
export const CELLS = ["admin", "reviewer", "reviewerOwn", "reviewerOther", "staffOwn", "staffOther", "signedOut"] as const;
export type Cell = (typeof CELLS)[number];

type Rule = (actor: Actor | null, provinceCode: string) => boolean;

export const RULES = {
  /** Anyone, signed in or not (the login page, the health check, the language switch). */
  public: () => true,
  /** Anyone signed in: their own settings, or a page that shows each reader their own scope. */
  signedIn: (actor) => actor !== null,
  /** Readers of the row's province. */
  readProvince: (actor, province) => actor !== null && canReadProvince(actor, province),
  /** Editors of the row's province: staff of it, administrators. */
  editProvince: (actor, province) => actor !== null && canEditCentresIn(actor, province),
  /** Reviewers who read the row's province. */
  reviewProvince: (actor, province) => actor !== null && canReview(actor, province),
  /** Readers of every province: administrators and national reviewers. */
  national: (actor) => actor !== null && readableScope(actor) === "all",
  /** Reviewers of any scope (their queue holds their scope only). */
  reviewer: (actor) => actor?.role === "reviewer",
  /** Administrators and reviewers (the audit log, within their scope). */
  auditReader: (actor) => actor !== null && actor.role !== "staff",
  /** Whoever may edit centres somewhere: staff with a province, administrators. */
  importer: (actor) => actor !== null && canImport(actor),
  admin: (actor) => actor !== null && canAdminister(actor),
} satisfies Record<string, Rule>;
export type RuleName = keyof typeof RULES;

/**
 * The rule each use case of lib/use-cases is checked against, by the use case's name: the use-case
 * helper reads its rule here (step 4), so what enforces and what the policy test reads are one table.
 * lib/use-cases/registry.test.ts fails when a use case has no row here, or a row names no use case.
 */
export const USE_CASE_RULES = {
  // Updates, evidence, reviews, reporting and notifications.
  "updates.review": "reviewProvince",
  "updates.save": "editProvince",
  "updates.submit": "editProvince",
  "updates.uploadEvidence": "editProvince",
  "updates.deleteEvidence": "editProvince",
  "updates.downloadEvidence": "readProvince",
  "updates.page": "readProvince",
  "reviews.queue": "reviewer",
  "reporting.myUpdates": "signedIn",
  "notifications.list": "signedIn",
  "notifications.markRead": "signedIn",

  // Centres, milestones and confidence ratings.
  "centres.create": "editProvince",
  "centres.update": "editProvince",
  "centres.patch": "editProvince",
  "centres.newForm": "editProvince",
  "centres.editForm": "editProvince",
  "centres.page": "readProvince",
  "centres.export": "readProvince",
  "centres.detail": "readProvince",
  // Everyone lists their own scope; a province filter outside it is refused by the query.
  "centres.list": "readProvince",
  "centres.rate": "reviewProvince",
  "centres.provinceOptions": "signedIn",
  "milestones.create": "editProvince",
  "milestones.update": "editProvince",
  "milestones.patch": "editProvince",
  "milestones.newForm": "editProvince",
  "milestones.editForm": "editProvince",

  // Dashboards, flags and reporting discipline.
  "dashboards.home": "signedIn",
  "dashboards.overview": "signedIn",
  "dashboards.overviewExport": "national",
  "dashboards.provinces": "signedIn",
  "dashboards.province": "readProvince",
  "dashboards.provinceReport": "readProvince",
  "flags.list": "readProvince",
  "flags.page": "readProvince",
  "flags.review": "reviewProvince",
  "discipline.page": "readProvince",
  "discipline.export": "readProvince",
  "api.provinces": "signedIn",
  "api.province": "readProvince",
  "api.flags": "readProvince",
  "api.reporting": "readProvince",

  // Administration, audit, navigation and sign-in.
  "admin.users.list": "admin",
  "admin.users.form": "admin",
  "admin.users.create": "admin",
  "admin.users.update": "admin",
  "admin.targets.list": "admin",
  "admin.targets.form": "admin",
  "admin.targets.create": "admin",
  "admin.targets.update": "admin",
  "admin.calendars.list": "admin",
  "admin.calendars.form": "admin",
  "admin.calendars.update": "admin",
  "admin.thresholds.page": "admin",
  "admin.thresholds.set": "admin",
  "admin.mail.list": "admin",
  "admin.mail.retry": "admin",
  "admin.security.list": "admin",
  "audit.list": "auditReader",
  "navigation.menu": "signedIn",

  // Personal settings and import.
  // Each user's own settings: any signed-in user, on their own rows only (no province).
  "settings.tokens.page": "signedIn",
  "settings.tokens.create": "signedIn",
  "settings.tokens.revoke": "signedIn",
  "settings.password.change": "signedIn",
  "settings.sessions.page": "signedIn",
  "settings.sessions.signOut": "signedIn",
  "settings.twoFactor.page": "signedIn",
  "settings.twoFactor.start": "signedIn",
  "settings.twoFactor.confirm": "signedIn",
  "settings.twoFactor.regenerate": "signedIn",
  "settings.twoFactor.disable": "signedIn",
  "settings.notifications.page": "signedIn",
  "settings.notifications.save": "signedIn",
  // Import: whoever edits centres somewhere; each row is checked against the importer's own province.
  "import.page": "importer",
  "import.template": "importer",
  "import.run": "importer",

  // The engine's read model.

} as const satisfies Record<string, RuleName>;
export type UseCaseName = keyof typeof USE_CASE_RULES;

/**
 * Whether the rule lets this actor use the use case at all, whatever the row: checked with the actor's
 * own province (national actors have none and read every province). False is a role refusal (403);
 * a row in another province is then refused as not found (404).
 */
export function ruleAdmitsRole(rule: RuleName, actor: Actor): boolean {
  return RULES[rule](actor, actor.provinceCode ?? NATIONAL_SCOPE);
}

/** The province argument a rule sees for a national actor's role check: any code would do, none matches a real province. */
const NATIONAL_SCOPE = "*";

export type EntryKind = "page" | "route" | "action" | "file";
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface PolicyEntry {
  kind: EntryKind;
  /** A page or route's path pattern as app/ spells it (`/centres/[id]`), or a server action's exported name. */
  name: string;
  /** Route handlers and files: the HTTP method. Pages are GET and server actions POST. */
  method: Method;
  rule: RuleName;
}

const page = (name: string, rule: RuleName): PolicyEntry => ({ kind: "page", name, method: "GET", rule });
const route = (method: Method, name: string, rule: RuleName): PolicyEntry => ({ kind: "route", name, method, rule });
const file = (method: Method, name: string, rule: RuleName): PolicyEntry => ({ kind: "file", name, method, rule });
const action = (name: string, rule: RuleName): PolicyEntry => ({ kind: "action", name, method: "POST", rule });

export const ACCESS_POLICY: readonly PolicyEntry[] = [
  // Pages.
  page("/", "signedIn"),
  page("/login", "public"),
  page("/overview", "signedIn"),
  page("/provinces", "signedIn"),
  page("/provinces/[code]", "readProvince"),
  page("/centres/new", "editProvince"),
  page("/centres/[id]", "readProvince"),
  page("/centres/[id]/edit", "editProvince"),
  page("/centres/[id]/milestones/new", "editProvince"),
  page("/centres/[id]/updates/[period]", "readProvince"),
  page("/milestones/[id]/edit", "editProvince"),
  page("/flags", "readProvince"),
  page("/flags/[key]", "readProvince"),
  page("/reporting", "signedIn"),
  page("/reporting/discipline", "signedIn"),
  page("/reviews", "reviewer"),
  page("/audit", "auditReader"),
  page("/notifications", "signedIn"),
  page("/import", "importer"),
  page("/api-docs", "signedIn"),
  page("/settings/tokens", "signedIn"),
  page("/settings/notifications", "signedIn"),
  page("/settings/password", "signedIn"),
  page("/settings/sessions", "signedIn"),
  page("/settings/two-factor", "signedIn"),
  page("/admin/users", "admin"),
  page("/admin/users/new", "admin"),
  page("/admin/users/[id]", "admin"),
  page("/admin/targets", "admin"),
  page("/admin/targets/new", "admin"),
  page("/admin/targets/[id]", "admin"),
  page("/admin/calendars", "admin"),
  page("/admin/calendars/[code]", "admin"),
  page("/admin/thresholds", "admin"),
  page("/admin/mail", "admin"),
  page("/admin/security", "admin"),

  // Route handlers.
  route("GET", "/api/health", "public"),
  route("GET", "/api/auth/[...nextauth]", "public"),
  route("POST", "/api/auth/[...nextauth]", "public"),
  route("GET", "/api/v1/openapi.json", "public"),
  route("GET", "/api/v1/provinces", "signedIn"),
  route("GET", "/api/v1/provinces/[code]", "readProvince"),
  // The lists answer everyone with their own scope; a `province` filter outside it is refused.
  route("GET", "/api/v1/centres", "readProvince"),
  route("GET", "/api/v1/flags", "readProvince"),
  route("GET", "/api/v1/reporting", "readProvince"),
  route("GET", "/api/v1/centres/[id]", "readProvince"),
  route("POST", "/api/v1/centres", "editProvince"),
  route("PATCH", "/api/v1/centres/[id]", "editProvince"),
  route("POST", "/api/v1/centres/[id]/milestones", "editProvince"),
  route("PATCH", "/api/v1/milestones/[id]", "editProvince"),
  route("PUT", "/api/v1/centres/[id]/updates/[period]", "editProvince"),
  route("POST", "/api/v1/centres/[id]/updates/[period]/submit", "editProvince"),
  route("POST", "/api/v1/centres/[id]/updates/[period]/approve", "reviewProvince"),
  route("POST", "/api/v1/centres/[id]/updates/[period]/return", "reviewProvince"),
  route("POST", "/import/run", "importer"),

  // Files: downloads of evidence, tables, reports and templates.
  file("GET", "/api/evidence/[id]", "readProvince"),
  file("GET", "/overview/export", "national"),
  file("GET", "/provinces/[code]/export", "readProvince"),
  file("GET", "/provinces/[code]/report", "readProvince"),
  file("GET", "/centres/[id]/export", "readProvince"),
  // Like the page: a provincial reader's file is their own province; asking for another is refused.
  file("GET", "/reporting/discipline/export", "readProvince"),
  file("GET", "/import/template", "importer"),

  // Server actions.
  action("setLocaleAction", "public"),
  action("createCentreAction", "editProvince"),
  action("updateCentreAction", "editProvince"),
  action("createMilestoneAction", "editProvince"),
  action("updateMilestoneAction", "editProvince"),
  action("rateCentreAction", "reviewProvince"),
  action("saveUpdateAction", "editProvince"),
  action("reviewUpdateAction", "reviewProvince"),
  action("uploadEvidenceAction", "editProvince"),
  action("deleteEvidenceAction", "editProvince"),
  action("reviewFlagAction", "reviewProvince"),
  action("markNotificationsReadAction", "signedIn"),
  action("saveNotificationPreferencesAction", "signedIn"),
  action("signOutSessionsAction", "signedIn"),
  action("startTwoFactorAction", "signedIn"),
  action("confirmTwoFactorAction", "signedIn"),
  action("regenerateRecoveryCodesAction", "signedIn"),
  action("disableTwoFactorAction", "signedIn"),
  action("createApiTokenAction", "signedIn"),
  action("revokeApiTokenAction", "signedIn"),
  action("changePasswordAction", "signedIn"),
  action("createUserAction", "admin"),
  action("updateUserAction", "admin"),
  action("createTargetAction", "admin"),
  action("updateTargetAction", "admin"),
  action("setThresholdAction", "admin"),
  action("updateCalendarAction", "admin"),
  action("retryMailAction", "admin"),
];

/**
 * The provinces of the matrix: a provincial user's own and another. Guizhou and Yunnan have no demo
 * centres and no other spec uses them, so the matrix's records change no other test's figures.
 */
export const OWN_PROVINCE = "520000";
export const OTHER_PROVINCE = "530000";

/** The actor standing for a cell, and the province of the row it asks for (own or another). */
export const CELL_ACTORS: Record<Cell, { actor: Actor | null; provinceCode: string }> = {
  admin: { actor: { id: "admin", role: "admin", provinceCode: null }, provinceCode: OTHER_PROVINCE },
  reviewer: { actor: { id: "reviewer", role: "reviewer", provinceCode: null }, provinceCode: OTHER_PROVINCE },
  reviewerOwn: { actor: { id: "reviewer-own", role: "reviewer", provinceCode: OWN_PROVINCE }, provinceCode: OWN_PROVINCE },
  reviewerOther: { actor: { id: "reviewer-other", role: "reviewer", provinceCode: OWN_PROVINCE }, provinceCode: OTHER_PROVINCE },
  staffOwn: { actor: { id: "staff-own", role: "staff", provinceCode: OWN_PROVINCE }, provinceCode: OWN_PROVINCE },
  staffOther: { actor: { id: "staff-other", role: "staff", provinceCode: OWN_PROVINCE }, provinceCode: OTHER_PROVINCE },
  signedOut: { actor: null, provinceCode: OWN_PROVINCE },
};

/**
 * Whether the actor may open this page at all: the page's rule from ACCESS_POLICY, evaluated for the
 * actor's own scope (as the use cases' role check is). The navigation shows a page only when this holds,
 * so the menu and the pages read the one table. A pattern without a row is a bug, not a "no".
 */
export function canOpen(actor: Actor, pagePattern: string): boolean {
  const entry = ACCESS_POLICY.find((e) => e.kind === "page" && e.name === pagePattern);
  if (!entry) throw new Error(`No page ${pagePattern} in ACCESS_POLICY`);
  return ruleAdmitsRole(entry.rule, actor);
}

/** Whether the table allows this cell. */
export function allows(entry: PolicyEntry, cell: Cell): boolean {
  const { actor, provinceCode } = CELL_ACTORS[cell];
  return RULES[entry.rule](actor, provinceCode);
}

/** Every cell of the matrix with its verdict: entries × cells. */
export function policyMatrix(policy: readonly PolicyEntry[] = ACCESS_POLICY) {
  return policy.flatMap((entry) => CELLS.map((cell) => ({ entry, cell, allowed: allows(entry, cell) })));
}
