import type { APIRequestContext, APIResponse } from "@playwright/test";
import type { Cell, PolicyEntry } from "../../lib/domain/access-policy";
import { openPeriod, uniqueSuffix } from "../fixtures";
import { callAction, CITY, type FormFields, type World } from "./world";

// One concrete request per row of the policy table, for a row of a given province (the cell's own or
// another): the page or file of that province's centre, the form of that province's record. `target`
// is what the security log must name when the request is refused.

export interface Probe {
  send: (api: APIRequestContext) => Promise<APIResponse>;
  target: string | null;
  /** The row named does not exist: an allowed user is told "not found" too, and nothing is logged. */
  absent?: boolean;
}

type Build = (province: string, world: World, cell: Cell) => Probe;

const get = (url: string, target: string | null): Probe => ({ send: (api) => api.get(url, { maxRedirects: 0 }), target });
const write = (method: "POST" | "PUT" | "PATCH", url: string, data: unknown, target: string | null): Probe => ({
  send: (api) => api.fetch(url, { method, data: data as object, maxRedirects: 0 }),
  target,
});
const action = (name: string, page: string, fields: FormFields, target: string | null): Probe => ({
  send: (api) => callAction(api, world(), name, page, fields),
  target,
});

// The world of the run, for the action helper (its action ids and base URL): set by probeFor.
let current: World | undefined;
function world(): World {
  if (!current) throw new Error("probeFor first");
  return current;
}

const period = openPeriod;
const rec = (w: World) => w.records;

function centreFields(province: string) {
  return {
    provinceCode: province,
    cityCode: CITY[province]!,
    name: `权限矩阵越权 ${uniqueSuffix()}`,
    leadInstitution: "权限矩阵越权研究院",
    leadCreditCode: "",
    partners: "",
    focusTags: ["large_models"],
    plannedBudgetYuan: "100000000",
    startDate: "2026-01-01",
    plannedCompletionDate: "2027-12-31",
    status: "under_construction",
  };
}

const milestoneFields = { title: `越权里程碑 ${uniqueSuffix()}`, category: "platform", weight: "1", plannedDate: "2026-12-31" };

const updateFields = (centreId: string, milestoneId: string) => ({
  centreId,
  period,
  version: "0",
  intent: "save",
  investmentExecutedYuan: "",
  computePflops: "",
  computePrecision: "",
  utilizationPercent: "",
  patentsFiled: "",
  patentsGranted: "",
  resultsProduced: "",
  convertedSelf: "",
  convertedTransfer: "",
  convertedLicense: "",
  convertedJoint: "",
  convertedEquity: "",
  techContractValueYuan: "",
  firmsIncubated: "",
  talentIntroduced: "",
  narrative: "",
  correctionReason: "",
  "milestones.0.id": milestoneId,
  "milestones.0.progress": "10",
  "milestones.0.actualCompletionDate": "",
});

const apiCentre = (province: string) => ({ ...centreFields(province), partners: [], plannedBudgetYuan: 100000000, leadCreditCode: null });

export const PROBES: Record<string, Build> = {
  // Pages.
  "GET /": () => get("/", null),
  "GET /login": () => get("/login", null),
  "GET /overview": () => get("/overview", null),
  "GET /provinces": () => get("/provinces", null),
  "GET /provinces/[code]": (p) => get(`/provinces/${p}`, p),
  "GET /centres/new": (p) => get(`/centres/new?province=${p}`, p),
  "GET /centres/[id]": (p, w) => get(`/centres/${rec(w).centreA[p]}`, rec(w).centreA[p]!),
  "GET /centres/[id]/edit": (p, w) => get(`/centres/${rec(w).centreA[p]}/edit`, rec(w).centreA[p]!),
  "GET /centres/[id]/milestones/new": (p, w) => get(`/centres/${rec(w).centreA[p]}/milestones/new`, rec(w).centreA[p]!),
  "GET /centres/[id]/updates/[period]": (p, w) => get(`/centres/${rec(w).centreA[p]}/updates/${period}`, `${rec(w).centreA[p]}/${period}`),
  "GET /milestones/[id]/edit": (p, w) => get(`/milestones/${rec(w).milestoneA[p]}/edit`, rec(w).milestoneA[p]!),
  "GET /flags": (p) => get(`/flags?province=${p}`, p),
  "GET /flags/[key]": (p, w) => get(`/flags/${encodeURIComponent(rec(w).flag[p]!)}`, rec(w).flag[p]!),
  "GET /reporting": () => get("/reporting", null),
  "GET /reporting/discipline": () => get("/reporting/discipline", null),
  "GET /reviews": () => get("/reviews", null),
  "GET /audit": () => get("/audit", null),
  "GET /notifications": () => get("/notifications", null),
  "GET /import": () => get("/import", null),
  "GET /api-docs": () => get("/api-docs", null),
  "GET /settings/tokens": () => get("/settings/tokens", null),
  "GET /settings/notifications": () => get("/settings/notifications", null),
  "GET /settings/password": () => get("/settings/password", null),
  "GET /settings/sessions": () => get("/settings/sessions", null),
  "GET /settings/two-factor": () => get("/settings/two-factor", null),
  "GET /admin/users": () => get("/admin/users", null),
  "GET /admin/users/new": () => get("/admin/users/new", null),
  "GET /admin/users/[id]": (_p, w) => get(`/admin/users/${w.userId.staff}`, w.userId.staff),
  "GET /admin/targets": () => get("/admin/targets", null),
  "GET /admin/targets/new": () => get("/admin/targets/new", null),
  "GET /admin/targets/[id]": (_p, w) => get(`/admin/targets/${rec(w).targetId}`, rec(w).targetId),
  "GET /admin/calendars": () => get("/admin/calendars", null),
  "GET /admin/calendars/[code]": (p) => get(`/admin/calendars/${p}`, p),
  "GET /admin/thresholds": () => get("/admin/thresholds", null),
  "GET /admin/mail": () => get("/admin/mail", null),
  "GET /admin/security": () => get("/admin/security", null),

  // Route handlers.
  "GET /api/health": () => get("/api/health", null),
  "GET /api/auth/[...nextauth]": () => get("/api/auth/providers", null),
  "POST /api/auth/[...nextauth]": () => write("POST", "/api/auth/_log", {}, null),
  "GET /api/v1/openapi.json": () => get("/api/v1/openapi.json", null),
  "GET /api/v1/provinces": () => get("/api/v1/provinces", null),
  "GET /api/v1/provinces/[code]": (p) => get(`/api/v1/provinces/${p}`, p),
  "GET /api/v1/centres": (p) => get(`/api/v1/centres?province=${p}`, p),
  "GET /api/v1/flags": (p) => get(`/api/v1/flags?province=${p}`, p),
  "GET /api/v1/reporting": (p) => get(`/api/v1/reporting?province=${p}`, p),
  "GET /api/v1/centres/[id]": (p, w) => get(`/api/v1/centres/${rec(w).centreA[p]}`, rec(w).centreA[p]!),
  // A role refused before the body is read names no province; a province refused names it.
  "POST /api/v1/centres": (p, _w, cell) => write("POST", "/api/v1/centres", { ...apiCentre(p), milestones: [] }, cell.startsWith("reviewer") ? null : p),
  "PATCH /api/v1/centres/[id]": (p, w) => write("PATCH", `/api/v1/centres/${rec(w).centreA[p]}`, { version: 99, name: `越权改名 ${uniqueSuffix()}` }, rec(w).centreA[p]!),
  "POST /api/v1/centres/[id]/milestones": (p, w) =>
    write("POST", `/api/v1/centres/${rec(w).centreA[p]}/milestones`, { ...milestoneFields, weight: 1, evidenceRequired: false }, rec(w).centreA[p]!),
  "PATCH /api/v1/milestones/[id]": (p, w) => write("PATCH", `/api/v1/milestones/${rec(w).milestoneA[p]}`, { version: 99, title: "越权改名" }, rec(w).milestoneA[p]!),
  "PUT /api/v1/centres/[id]/updates/[period]": (p, w) =>
    write("PUT", `/api/v1/centres/${rec(w).centreA[p]}/updates/${period}`, { version: 99, milestones: [] }, `${rec(w).centreA[p]}/${period}`),
  "POST /api/v1/centres/[id]/updates/[period]/submit": (p, w) =>
    write("POST", `/api/v1/centres/${rec(w).centreA[p]}/updates/${period}/submit`, { version: 99 }, `${rec(w).centreA[p]}/${period}`),
  "POST /api/v1/centres/[id]/updates/[period]/approve": (p, w) =>
    write("POST", `/api/v1/centres/${rec(w).centreB[p]}/updates/${period}/approve`, { version: 99 }, `${rec(w).centreB[p]}/${period}`),
  "POST /api/v1/centres/[id]/updates/[period]/return": (p, w) =>
    write("POST", `/api/v1/centres/${rec(w).centreB[p]}/updates/${period}/return`, { version: 99, reason: "越权退回" }, `${rec(w).centreB[p]}/${period}`),
  // No file: an importer gets 400 for it, after the role check a reviewer fails.
  "POST /import/run": () => ({ send: (api) => api.post("/import/run", { multipart: { kind: "centres" }, maxRedirects: 0 }), target: null }),

  // Files.
  "GET /api/evidence/[id]": (p, w) => get(`/api/evidence/${rec(w).evidence[p]}`, rec(w).evidence[p]!),
  "GET /overview/export": () => get("/overview/export?format=csv", null),
  "GET /provinces/[code]/export": (p) => get(`/provinces/${p}/export?format=csv`, p),
  "GET /provinces/[code]/report": (p) => get(`/provinces/${p}/report`, p),
  "GET /centres/[id]/export": (p, w) => get(`/centres/${rec(w).centreA[p]}/export?format=csv`, rec(w).centreA[p]!),
  "GET /reporting/discipline/export": (p) => get(`/reporting/discipline/export?format=csv&province=${p}`, p),
  "GET /import/template": () => get("/import/template?kind=centres&format=csv", "centres"),

  // Server actions, each posted from the page that holds its form. Bodies are valid, so a refusal
  // is the permission check's, not the schema's; an allowed cell's write is harmless (a stale version,
  // "reopen" on an open flag, a missing reason) or lands on this spec's own records.
  "POST setLocaleAction": () => ({ send: (api) => callAction(api, world(), "setLocaleAction", "/login", { locale: "zh" }, false), target: null }),
  "POST createCentreAction": (p) => action("createCentreAction", `/centres/new?province=${p}`, centreFields(p), p),
  "POST updateCentreAction": (p, w) =>
    action("updateCentreAction", `/centres/${rec(w).centreA[p]}/edit`, { ...centreFields(p), id: rec(w).centreA[p]!, version: "99" }, rec(w).centreA[p]!),
  "POST createMilestoneAction": (p, w) =>
    action("createMilestoneAction", `/centres/${rec(w).centreA[p]}/milestones/new`, { ...milestoneFields, centreId: rec(w).centreA[p]! }, rec(w).centreA[p]!),
  "POST updateMilestoneAction": (p, w) =>
    action("updateMilestoneAction", `/milestones/${rec(w).milestoneA[p]}/edit`, { ...milestoneFields, id: rec(w).milestoneA[p]!, version: "99" }, rec(w).milestoneA[p]!),
  "POST rateCentreAction": (p, w) =>
    action("rateCentreAction", `/centres/${rec(w).centreB[p]}`, { centreId: rec(w).centreB[p]!, rating: "amber", narrative: "权限矩阵：进度偏慢。" }, rec(w).centreB[p]!),
  "POST saveUpdateAction": (p, w) =>
    action("saveUpdateAction", `/centres/${rec(w).centreA[p]}/updates/${period}`, updateFields(rec(w).centreA[p]!, rec(w).milestoneA[p]!), `${rec(w).centreA[p]}/${period}`),
  "POST reviewUpdateAction": (p, w) =>
    action(
      "reviewUpdateAction",
      `/centres/${rec(w).centreB[p]}/updates/${period}`,
      { id: rec(w).updateB[p]!.id, version: String(rec(w).updateB[p]!.version), decision: "return", reason: "" },
      rec(w).updateB[p]!.id,
    ),
  "POST uploadEvidenceAction": (p, w) =>
    action(
      "uploadEvidenceAction",
      `/centres/${rec(w).centreA[p]}/updates/${period}`,
      { updateId: rec(w).updateA[p]!, milestoneId: "", file: { name: "越权.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") } },
      rec(w).updateA[p]!,
    ),
  "POST deleteEvidenceAction": (p, w) =>
    action("deleteEvidenceAction", `/centres/${rec(w).centreA[p]}/updates/${period}`, { id: rec(w).evidence[p]!, updateId: rec(w).updateA[p]! }, rec(w).evidence[p]!),
  "POST reviewFlagAction": (p, w) =>
    action(
      "reviewFlagAction",
      `/flags/${encodeURIComponent(rec(w).flag[p]!)}`,
      { flagKey: rec(w).flag[p]!, action: "reopened", comment: "权限矩阵", expiresOn: "" },
      rec(w).flag[p]!,
    ),
  "POST markNotificationsReadAction": () => action("markNotificationsReadAction", "/notifications", {}, null),
  "POST saveNotificationPreferencesAction": () => action("saveNotificationPreferencesAction", "/settings/notifications", { mode: "digest" }, null),
  "POST createApiTokenAction": () => action("createApiTokenAction", "/settings/tokens", { name: `矩阵 ${uniqueSuffix()}`, expiresOn: "" }, null),
  // An unknown id: another user's token is the swapped-id test of its own.
  "POST revokeApiTokenAction": () => ({ ...action("revokeApiTokenAction", "/settings/tokens", { id: "no-such-token" }, "no-such-token"), absent: true }),
  // Confirmation differs: an allowed user gets the form's error, nobody's password changes.
  "POST changePasswordAction": () =>
    action("changePasswordAction", "/settings/password", { currentPassword: "x", newPassword: "Matrix-new-pass-1", confirmPassword: "different" }, null),
  // An unknown scope: an allowed user gets the form's error and keeps the sessions the matrix signs in with.
  "POST signOutSessionsAction": () => action("signOutSessionsAction", "/settings/sessions", { scope: "nowhere" }, null),
  // Starting enrolment only stores a pending secret: the matrix's accounts are required to have none.
  "POST startTwoFactorAction": () => action("startTwoFactorAction", "/settings/two-factor", {}, null),
  // Malformed codes: an allowed user gets the form's error, no authenticator changes.
  "POST confirmTwoFactorAction": () => action("confirmTwoFactorAction", "/settings/two-factor", { code: "x" }, null),
  "POST regenerateRecoveryCodesAction": () => action("regenerateRecoveryCodesAction", "/settings/two-factor", { code: "x" }, null),
  "POST disableTwoFactorAction": () => action("disableTwoFactorAction", "/settings/two-factor", { password: "x", code: "x" }, null),
  // Administrators' forms: incomplete, so the one allowed cell (an administrator) gets the form's
  // errors and nothing global changes; the role check comes before the schema for everyone else.
  "POST createUserAction": () => action("createUserAction", "/admin/users/new", { email: "", provinceCode: "330000" }, "330000"),
  "POST updateUserAction": (_p, w) => action("updateUserAction", `/admin/users/${w.userId.staff}`, { id: w.userId.staff, version: "1" }, w.userId.staff),
  "POST createTargetAction": () => action("createTargetAction", "/admin/targets/new", { provinceCode: "330000", title: "" }, "330000"),
  "POST updateTargetAction": (_p, w) => action("updateTargetAction", `/admin/targets/${rec(w).targetId}`, { id: rec(w).targetId, title: "" }, rec(w).targetId),
  "POST setThresholdAction": () => action("setThresholdAction", "/admin/thresholds", { key: "no_such_threshold", value: "" }, "no_such_threshold"),
  "POST updateCalendarAction": (p) => action("updateCalendarAction", `/admin/calendars/${p}`, { provinceCode: p, version: "" }, p),
  "POST retryMailAction": () => ({ ...action("retryMailAction", "/admin/mail", { id: "no-such-mail" }, "no-such-mail"), absent: true }),
};

export function probeFor(entry: PolicyEntry, province: string, w: World, cell: Cell): Probe {
  const build = PROBES[`${entry.method} ${entry.name}`];
  if (!build) throw new Error(`No probe for ${entry.method} ${entry.name}`);
  current = w;
  return build(province, w, cell);
}
