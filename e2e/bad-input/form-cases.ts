import { zh } from "../fixtures";
import type { Caller, Category, CorpusTargets } from "./cases";

// Bad input to every server-action form, submitted from a signed-in page with the values set in the
// DOM past the browser's own checks (required, maxlength, min/max, option lists, hidden inputs). The
// re-rendered form must show this message, no error page may appear, and nothing may be written.

export interface FormCase {
  name: string;
  category: Category;
  as: Exclude<Caller, "none">;
  url: (t: CorpusTargets) => string;
  /** The form is the one holding a control with this name. */
  formWith: string;
  /** The submit button to press, by its name and value; the form's first submit button otherwise. */
  submit?: { name: string; value: string };
  values: (t: CorpusTargets) => Record<string, string | string[]>;
  /** A text the re-rendered form must show. */
  message: string;
}

const v = zh.validation;
const e = zh.errors;

const newCentre = "/centres/new?province=330000";
const validCentre = {
  name: "语料表单中心",
  cityCode: "330100",
  leadInstitution: "浙江大学",
  focusTags: ["large_models"],
  plannedBudgetYuan: "100000000",
  startDate: "2026-01-01",
  plannedCompletionDate: "2027-12-31",
  status: "under_construction",
};

function centreForm(name: string, category: Category, values: Record<string, string | string[]>, message: string): FormCase {
  return { name: `createCentreAction: ${name}`, category, as: "staff", url: () => newCentre, formWith: "leadInstitution", values: (t) => ({ ...validCentre, name: `语料表单中心 ${t.marker}`, ...values }), message };
}
function editCentre(name: string, category: Category, values: (t: CorpusTargets) => Record<string, string | string[]>, message: string): FormCase {
  return { name: `updateCentreAction: ${name}`, category, as: "staff", url: (t) => `/centres/${t.centreId}/edit`, formWith: "leadInstitution", values, message };
}
function newMilestone(name: string, category: Category, values: (t: CorpusTargets) => Record<string, string>, message: string): FormCase {
  const base = { title: "语料里程碑", category: "compute", weight: "1", plannedDate: "2026-12-31" };
  return { name: `createMilestoneAction: ${name}`, category, as: "staff", url: (t) => `/centres/${t.centreId}/milestones/new`, formWith: "weight", values: (t) => ({ ...base, ...values(t) }), message };
}
function saveUpdate(name: string, category: Category, values: (t: CorpusTargets) => Record<string, string>, message: string): FormCase {
  return { name: `saveUpdateAction: ${name}`, category, as: "staff", url: (t) => `/centres/${t.centreId}/updates/${t.period}`, formWith: "narrative", submit: { name: "intent", value: "save" }, values, message };
}
function reviewUpdate(name: string, category: Category, decision: string, values: Record<string, string>, message: string): FormCase {
  return { name: `reviewUpdateAction: ${name}`, category, as: "reviewer", url: (t) => `/centres/${t.reviewCentreId}/updates/${t.period}`, formWith: "reason", submit: { name: "decision", value: decision }, values: () => values, message };
}
function rate(name: string, category: Category, values: Record<string, string>, message: string): FormCase {
  return { name: `rateCentreAction: ${name}`, category, as: "reviewer", url: (t) => `/centres/${t.reviewCentreId}`, formWith: "rating", values: () => ({ rating: "green", narrative: "语料评估", ...values }), message };
}
function form(action: string, as: FormCase["as"], url: string, formWith: string, name: string, category: Category, values: Record<string, string | string[]>, message: string): FormCase {
  return { name: `${action}: ${name}`, category, as, url: () => url, formWith, values: () => values, message };
}

const user = { email: "corpus-form@example.gov.cn", name: "语料表单用户", password: "a-long-pass-phrase-2026", role: "staff", provinceCode: "330000", locale: "zh" };
const target = {
  provinceCode: "330000",
  title: "语料表单目标",
  kind: "count",
  metric: "中心数量",
  unit: "个",
  targetValue: "10",
  baselineValue: "0",
  baselineDate: "2025-12-31",
  deadline: "2030-12-31",
  sourceDocument: "语料文件",
  sourceStatus: "sourced",
};

export const FORM_CASES: FormCase[] = [
  centreForm("a NUL in the name", "encodings", { name: "语料\u0000中心" }, v.unsafeText),
  centreForm("a right-to-left override in the lead institution", "encodings", { leadInstitution: "大学\u202Egnp.exe" }, v.unsafeText),
  centreForm("a name of 121 characters", "lengths", { name: "名".repeat(121) }, v.tooLong),
  centreForm("a name of 1 MB", "lengths", { name: "x".repeat(1024 * 1024) }, v.tooLong),
  centreForm("21 partners", "lengths", { partners: Array.from({ length: 21 }, (_, i) => `伙伴${i}`).join("\n") }, v.tooMany),
  centreForm("a budget in hex", "ranges", { plannedBudgetYuan: "0x1F" }, v.number),
  centreForm("a budget of 1e309", "ranges", { plannedBudgetYuan: "1e309" }, v.number),
  centreForm("a negative budget", "ranges", { plannedBudgetYuan: "-1" }, v.tooSmall),
  centreForm("30 February", "dates", { startDate: "2026-02-30" }, v.date),
  centreForm("year 0000", "dates", { startDate: "0000-01-01" }, v.dateRange),
  centreForm("completion before start", "dates", { plannedCompletionDate: "2025-01-01" }, v.completionAfterStart),
  centreForm("status in capitals", "enumCase", { status: "OPERATIONAL" }, v.invalid),
  centreForm("a script tag as a focus tag", "injection", { focusTags: ["<script>alert(1)</script>"] }, v.invalid),
  centreForm("SQL in the (hidden) province code", "injection", { provinceCode: "330000' OR 1=1 --" }, e.invalidForm),
  centreForm("a city of another province", "ids", { cityCode: "440300" }, v.cityNotInProvince),
  centreForm("a credit code with a wrong check character", "lengths", { leadCreditCode: "91330000MA27XYZ12X" }, v.creditCode),
  // Names that cannot nest: `name` and `name.x` made the action throw (500) before the fix.
  centreForm("a field nested under a text field, beside a bad status", "unknownFields", { "name.x": "y", "focusTags.0": "b", status: "closed" }, v.invalid),
  centreForm("a field under an inherited property, beside a bad date", "injection", { "hasOwnProperty.polluted": "yes", "toString.0": "x", startDate: "2026-13-01" }, v.date),
  centreForm("a __proto__ field, beside a bad budget", "injection", { "__proto__.isDemo": "1", plannedBudgetYuan: "很多" }, v.number),
  editCentre("a name of spaces", "missing", () => ({ name: "   " }), v.required),
  editCentre("a version that is not a number", "types", () => ({ version: "latest" }), e.invalidForm),
  editCentre("an id that is a path", "ids", () => ({ id: "../../etc/passwd" }), e.notFound),
  editCentre("another province's centre id", "ids", (t) => ({ id: t.gdCentreId }), e.notFound),
  newMilestone("weight 0", "ranges", () => ({ weight: "0" }), v.tooSmall),
  newMilestone("weight 1.5", "ranges", () => ({ weight: "1.5" }), v.integer),
  newMilestone("a category in capitals", "enumCase", () => ({ category: "PLANNING" }), v.invalid),
  newMilestone("a date with slashes", "dates", () => ({ plannedDate: "2026/06/30" }), v.date),
  newMilestone("a title of 201 characters", "lengths", () => ({ title: "题".repeat(201) }), v.tooLong),
  newMilestone("a zero-width space in the title", "encodings", () => ({ title: "算力\u200B平台" }), v.unsafeText),
  newMilestone("another province's centre", "ids", (t) => ({ centreId: t.gdCentreId }), e.notFound),
  {
    name: "updateMilestoneAction: a negative version",
    category: "ranges",
    as: "staff",
    url: (t) => `/milestones/${t.milestoneIds[0]}/edit`,
    formWith: "weight",
    values: () => ({ version: "-1" }),
    message: e.invalidForm,
  },
  { name: "updateMilestoneAction: weight 101", category: "ranges", as: "staff", url: (t) => `/milestones/${t.milestoneIds[0]}/edit`, formWith: "weight", values: () => ({ weight: "101" }), message: v.tooBig },
  saveUpdate("progress 101", "ranges", () => ({ "milestones.0.progress": "101" }), v.tooBig),
  saveUpdate("a negative investment", "ranges", () => ({ investmentExecutedYuan: "-5" }), v.tooSmall),
  saveUpdate("utilization NaN", "ranges", () => ({ utilizationPercent: "NaN" }), v.number),
  saveUpdate("precision in lower case", "enumCase", () => ({ computePflops: "10", computePrecision: "fp16" }), v.invalid),
  saveUpdate("a narrative of 5,001 characters", "lengths", () => ({ narrative: "字".repeat(5001) }), v.tooLong),
  saveUpdate("a NUL in the narrative", "encodings", () => ({ narrative: "进展\u0000顺利" }), v.unsafeText),
  saveUpdate("a malformed period", "periods", () => ({ period: "2026-Q5" }), e.invalidForm),
  saveUpdate("an intent of approve", "enumCase", () => ({ intent: "approve" }), e.invalidForm),
  // A row index of 99,999,999 made a sparse array the schema walked for minutes before the fix.
  saveUpdate("a milestone row 99,999,999, beside a bad narrative", "ranges", () => ({ "milestones.99999999.progress": "1", narrative: "\u001b[31m" }), v.unsafeText),
  saveUpdate("converted above produced", "ranges", () => ({ resultsProduced: "1", convertedSelf: "5" }), v.convertedExceedsProduced),
  reviewUpdate("a version that is not a number", "types", "approve", { version: "x" }, e.invalidForm),
  reviewUpdate("a reason of 2,001 characters", "lengths", "return", { reason: "因".repeat(2001) }, v.tooLong),
  reviewUpdate("a return without a reason", "missing", "return", { reason: "" }, e.reasonRequired),
  rate("a rating in capitals", "enumCase", { rating: "GREEN" }, v.invalid),
  rate("no narrative", "missing", { narrative: " " }, v.required),
  rate("a narrative of 4,001 characters", "lengths", { narrative: "评".repeat(4001) }, v.tooLong),
  rate("another province's centre", "ids", { centreId: "00000000-0000-4000-8000-000000000000" }, e.notFound),
  form("createApiTokenAction", "staff", "/settings/tokens", "expiresOn", "no name", "missing", { name: "" }, v.required),
  form("createApiTokenAction", "staff", "/settings/tokens", "expiresOn", "a name of 81 characters", "lengths", { name: "n".repeat(81) }, v.tooLong),
  form("createApiTokenAction", "staff", "/settings/tokens", "expiresOn", "30 February", "dates", { name: "语料", expiresOn: "2026-02-30" }, v.date),
  form("createApiTokenAction", "staff", "/settings/tokens", "expiresOn", "an expiry in 2099", "dates", { name: "语料", expiresOn: "2099-01-01" }, zh.validation.expiryTooFar),
  form("createApiTokenAction", "staff", "/settings/tokens", "expiresOn", "a bidi isolate in the name", "encodings", { name: "\u2066同步\u2069" }, v.unsafeText),
  form("changePasswordAction", "staff", "/settings/password", "newPassword", "a password of 129 characters", "lengths", { currentPassword: "x", newPassword: "p".repeat(129), confirmPassword: "p".repeat(129) }, v.tooLong),
  form("changePasswordAction", "staff", "/settings/password", "newPassword", "a short password", "lengths", { currentPassword: "x", newPassword: "short", confirmPassword: "short" }, v.passwordTooShort),
  form("changePasswordAction", "staff", "/settings/password", "newPassword", "a confirmation that differs", "missing", { currentPassword: "x", newPassword: "a-long-pass-phrase-2026", confirmPassword: "a-long-pass-phrase-2027" }, v.passwordsDiffer),
  form("saveNotificationPreferencesAction", "staff", "/settings/notifications", "mode", "a mode in capitals", "enumCase", { mode: "DIGEST" }, v.invalid),
  form("saveNotificationPreferencesAction", "staff", "/settings/notifications", "mode", "muting escalations", "injection", { mode: "immediate", muted: ["escalation_national", "__proto__"] }, v.invalid),
  form("createUserAction", "admin", "/admin/users/new", "email", "not an email", "types", { ...user, email: "not-an-email" }, v.email),
  form("createUserAction", "admin", "/admin/users/new", "email", "SQL in the email", "injection", { ...user, email: "a@b.cn' OR 1=1 --" }, v.email),
  form("createUserAction", "admin", "/admin/users/new", "email", "a role of root", "enumCase", { ...user, role: "root" }, v.invalid),
  form("createUserAction", "admin", "/admin/users/new", "email", "a malformed province", "ids", { ...user, provinceCode: "33000x" }, v.provinceCode),
  form("createUserAction", "admin", "/admin/users/new", "email", "a name of 101 characters", "lengths", { ...user, name: "名".repeat(101) }, v.tooLong),
  form("createTargetAction", "admin", "/admin/targets/new", "sourceUrl", "a javascript: link", "injection", { ...target, sourceUrl: "javascript:alert(1)" }, v.url),
  form("createTargetAction", "admin", "/admin/targets/new", "sourceUrl", "a target of 1e16", "ranges", { ...target, targetValue: "1e16" }, v.tooBig),
  form("createTargetAction", "admin", "/admin/targets/new", "sourceUrl", "a planned-value line that is not one", "types", { ...target, plannedValues: "=HYPERLINK(\"http://evil.example\")" }, v.plannedValueLine),
  form("createTargetAction", "admin", "/admin/targets/new", "sourceUrl", "a baseline in year 0000", "dates", { ...target, baselineDate: "0000-01-01" }, v.dateRange),
  form("updateCalendarAction", "admin", "/admin/calendars/330000", "dueDays", "due 91 days after", "ranges", { dueDays: "91" }, v.tooBig),
  form("updateCalendarAction", "admin", "/admin/calendars/330000", "dueDays", "a weekly cadence", "enumCase", { cadence: "weekly" }, v.invalid),
  form("updateCalendarAction", "admin", "/admin/calendars/330000", "dueDays", "negative grace days", "ranges", { graceDays: "-1" }, v.tooSmall),
  form("setThresholdAction", "admin", "/admin/thresholds", "value", "a value that is not a number", "types", { value: "abc" }, v.number),
];
