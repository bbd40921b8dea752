import { raw, type ApiCase, type Category, type CorpusTargets } from "./cases";

// Bad bodies for the REST API's write routes. Each case changes one thing in an otherwise valid body,
// so the field it names is the one at fault; every one must be answered 4xx and write nothing.

type Json = Record<string, unknown>;
type Patch = Json | ((body: Json) => Json);

const milestone = (): Json => ({ title: "语料里程碑", category: "compute", weight: 2, plannedDate: "2026-06-30", evidenceRequired: false });
const centre = (t: CorpusTargets): Json => ({
  provinceCode: "330000",
  cityCode: "330100",
  name: `语料中心 ${t.marker}`,
  leadInstitution: "浙江大学",
  focusTags: ["large_models"],
  plannedBudgetYuan: 500_000_000,
  startDate: "2026-01-01",
  plannedCompletionDate: "2027-12-31",
  status: "under_construction",
  milestones: [milestone()],
});
const draft = (t: CorpusTargets): Json => ({
  version: 1,
  milestones: t.milestoneIds.map((id) => ({ id, progress: 10 })),
  indicators: { investmentExecutedYuan: 100_000_000, resultsProduced: 10, convertedSelf: 2 },
  narrative: "语料测试",
});

const apply = (body: Json, patch: Patch) => (typeof patch === "function" ? patch(body) : { ...body, ...patch });
const without = (key: string) => (body: Json) => Object.fromEntries(Object.entries(body).filter(([k]) => k !== key));
/** A JSON text with one value written as JSON cannot express it (1e309, -0.0e400, a long digit string). */
const literal = (body: Json, key: string, text: string) => raw(JSON.stringify({ ...body, [key]: "\u0000LITERAL" }).replace('"\\u0000LITERAL"', text));

const centres = "/api/v1/centres";
const centreUrl = (t: CorpusTargets) => `${centres}/${t.centreId}`;
const updateUrl = (t: CorpusTargets) => `${centreUrl(t)}/updates/${t.period}`;
const reviewUrl = (t: CorpusTargets) => `${centres}/${t.reviewCentreId}/updates/${t.period}`;

function createCentre(name: string, category: Category, patch: Patch, fields: string[], status = 400): ApiCase {
  return { name: `POST /centres: ${name}`, category, method: "POST", path: () => centres, body: (t) => apply(centre(t), patch), status, fields };
}
function editCentre(name: string, category: Category, patch: Patch, fields: string[], status = 400): ApiCase {
  return { name: `PATCH /centres/{id}: ${name}`, category, method: "PATCH", path: centreUrl, body: () => apply({ version: 1 }, patch), status, fields };
}
function addMilestone(name: string, category: Category, patch: Patch, fields: string[], status = 400): ApiCase {
  return { name: `POST /centres/{id}/milestones: ${name}`, category, method: "POST", path: (t) => `${centreUrl(t)}/milestones`, body: () => apply(milestone(), patch), status, fields };
}
function editMilestone(name: string, category: Category, patch: Patch, fields: string[], status = 400): ApiCase {
  return { name: `PATCH /milestones/{id}: ${name}`, category, method: "PATCH", path: (t) => `/api/v1/milestones/${t.milestoneIds[0]}`, body: () => apply({ version: 1 }, patch), status, fields };
}
function saveDraft(name: string, category: Category, patch: Json | ((body: Json, t: CorpusTargets) => Json), fields: string[], status = 400): ApiCase {
  return {
    name: `PUT /centres/{id}/updates/{period}: ${name}`,
    category,
    method: "PUT",
    path: updateUrl,
    body: (t) => (typeof patch === "function" ? patch(draft(t), t) : { ...draft(t), ...patch }),
    status,
    fields,
  };
}
function indicators(name: string, category: Category, values: Json, fields: string[]): ApiCase {
  return saveDraft(name, category, (body) => ({ ...body, indicators: { ...(body.indicators as Json), ...values } }), fields);
}
function review(action: "submit" | "approve" | "return", name: string, category: Category, body: unknown, fields: string[], status = 400): ApiCase {
  const url = action === "submit" ? (t: CorpusTargets) => `${updateUrl(t)}/submit` : (t: CorpusTargets) => `${reviewUrl(t)}/${action}`;
  return { name: `POST …/${action}: ${name}`, category, method: "POST", path: url, body: () => body, as: action === "submit" ? "staff" : "reviewer", status, fields };
}

const WRONG_TYPES: [string, unknown][] = [
  ["a number", 12345],
  ["a boolean", true],
  ["null", null],
  ["an array", ["x"]],
  ["an object", { zh: "中心" }],
];

const typeCases: ApiCase[] = [
  ...WRONG_TYPES.map(([label, value]) => createCentre(`name as ${label}`, "types", { name: value }, ["name"])),
  ...WRONG_TYPES.filter(([label]) => label !== "an array").map(([label, value]) => createCentre(`startDate as ${label}`, "types", { startDate: value }, ["startDate"])),
  ...WRONG_TYPES.filter(([label]) => label !== "a number").map(([label, value]) => createCentre(`plannedBudgetYuan as ${label}`, "types", { plannedBudgetYuan: value }, ["plannedBudgetYuan"])),
  createCentre("plannedBudgetYuan with its unit", "types", { plannedBudgetYuan: "500000000元" }, ["plannedBudgetYuan"]),
  createCentre("plannedBudgetYuan as words", "types", { plannedBudgetYuan: "五亿" }, ["plannedBudgetYuan"]),
  createCentre("focusTags as a number", "types", { focusTags: 7 }, ["focusTags.0"]),
  createCentre("focusTags as an object", "types", { focusTags: { 0: "large_models" } }, ["focusTags.0"]),
  createCentre("status as a number", "types", { status: 1 }, ["status"]),
  createCentre("status as an array", "types", { status: ["operational"] }, ["status"]),
  createCentre("partners as a number", "types", { partners: 5 }, ["partners"]),
  createCentre("partners holding numbers", "types", { partners: [1, 2] }, ["partners.0"]),
  createCentre("leadCreditCode as a number", "types", { leadCreditCode: 91330000 }, ["leadCreditCode"]),
  createCentre("milestones as a string", "types", { milestones: "算力平台" }, ["milestones"]),
  createCentre("milestones as an object", "types", { milestones: { title: "算力平台" } }, ["milestones"]),
  createCentre("a milestone as a number", "types", { milestones: [1] }, ["milestones.0.title", "milestones.0.weight"]),
  createCentre("a milestone weight as text", "types", { milestones: [{ ...milestone(), weight: "heavy" }] }, ["milestones.0.weight"]),
  createCentre("targetIds holding numbers", "types", { targetIds: [1] }, ["targetIds.0"]),
  editCentre("version as text", "types", { version: "one" }, ["version"]),
  editCentre("version as a boolean", "types", { version: true }, ["version"]),
  editCentre("version as null", "types", { version: null }, ["version"]),
  editMilestone("weight as an object", "types", { weight: { value: 3 } }, ["weight"]),
  editMilestone("plannedDate as a number", "types", { plannedDate: 20270101 }, ["plannedDate"]),
  addMilestone("title as an array", "types", { title: ["算力"] }, ["title"]),
  saveDraft("milestones as an object", "types", { milestones: { id: "x", progress: 10 } }, ["milestones"]),
  saveDraft("indicators as an array", "types", { indicators: [1, 2] }, ["indicators"]),
  saveDraft("indicators as a string", "types", { indicators: "investment=1" }, ["indicators"]),
  saveDraft("a milestone's progress as text", "types", (b, t) => ({ ...b, milestones: [{ id: t.milestoneIds[0], progress: "half" }] }), ["milestones.0.progress"]),
  indicators("investmentExecutedYuan as a boolean", "types", { investmentExecutedYuan: true }, ["indicators.investmentExecutedYuan"]),
  indicators("computePflops as an array", "types", { computePflops: [1] }, ["indicators.computePflops"]),
  saveDraft("narrative as a number", "types", { narrative: 42 }, ["narrative"]),
  saveDraft("version as text", "types", { version: "latest" }, ["version"]),
  review("submit", "version as text", "types", { version: "1" + "x" }, ["version"]),
  review("approve", "version as an array", "types", { version: [2] }, ["version"]),
  review("return", "reason as an object", "types", { version: 2, reason: { text: "x" } }, ["reason"]),
];

const CENTRE_REQUIRED = ["provinceCode", "cityCode", "name", "leadInstitution", "focusTags", "plannedBudgetYuan", "startDate", "plannedCompletionDate", "status"];
const MILESTONE_REQUIRED = ["title", "category", "weight", "plannedDate"];

const missingCases: ApiCase[] = [
  ...CENTRE_REQUIRED.map((field) => createCentre(`without ${field}`, "missing", without(field), [field === "focusTags" ? "focusTags" : field])),
  ...MILESTONE_REQUIRED.map((field) => addMilestone(`without ${field}`, "missing", without(field), [field])),
  ...MILESTONE_REQUIRED.map((field) => createCentre(`a milestone without ${field}`, "missing", { milestones: [without(field)(milestone())] }, [`milestones.0.${field}`])),
  editCentre("without version", "missing", without("version"), ["version"]),
  editMilestone("without version", "missing", without("version"), ["version"]),
  saveDraft("without version", "missing", without("version"), ["version"]),
  saveDraft("a milestone without its id", "missing", (b) => ({ ...b, milestones: [{ progress: 10 }] }), ["milestones.0.id"]),
  saveDraft("a milestone without progress", "missing", (b, t) => ({ ...b, milestones: [{ id: t.milestoneIds[0] }] }), ["milestones.0.progress"]),
  review("submit", "without version", "missing", {}, ["version"]),
  review("approve", "without version", "missing", {}, ["version"]),
  review("return", "without version", "missing", { reason: "请补充材料。" }, ["version"]),
  review("return", "without a reason", "missing", { version: 2 }, [], 422),
  createCentre("blank name", "missing", { name: "" }, ["name"]),
  createCentre("a name of spaces", "missing", { name: "   \t " }, ["name"]),
  createCentre("blank status", "missing", { status: "" }, ["status"]),
  createCentre("no focus tags", "missing", { focusTags: [] }, ["focusTags"]),
];

const rangeCases: ApiCase[] = [
  createCentre("a negative budget", "ranges", { plannedBudgetYuan: -1 }, ["plannedBudgetYuan"]),
  createCentre("a fractional budget", "ranges", { plannedBudgetYuan: 1.5 }, ["plannedBudgetYuan"]),
  createCentre("a budget above 10^13", "ranges", { plannedBudgetYuan: 10 ** 13 + 1 }, ["plannedBudgetYuan"]),
  { ...createCentre("a budget of 2^53 + 1", "ranges", {}, ["plannedBudgetYuan"]), body: (t) => literal(centre(t), "plannedBudgetYuan", "9007199254740993") },
  { ...createCentre("a budget of 1e309 (Infinity)", "ranges", {}, ["plannedBudgetYuan"]), body: (t) => literal(centre(t), "plannedBudgetYuan", "1e309") },
  { ...createCentre("a budget of -1e309", "ranges", {}, ["plannedBudgetYuan"]), body: (t) => literal(centre(t), "plannedBudgetYuan", "-1e309") },
  { ...createCentre("a budget of a 400-digit integer", "ranges", {}, ["plannedBudgetYuan"]), body: (t) => literal(centre(t), "plannedBudgetYuan", "9".repeat(400)) },
  createCentre("a budget of \"NaN\"", "ranges", { plannedBudgetYuan: "NaN" }, ["plannedBudgetYuan"]),
  createCentre("a budget of \"Infinity\"", "ranges", { plannedBudgetYuan: "Infinity" }, ["plannedBudgetYuan"]),
  createCentre("a budget of \"-Infinity\"", "ranges", { plannedBudgetYuan: "-Infinity" }, ["plannedBudgetYuan"]),
  createCentre("a budget in hex", "ranges", { plannedBudgetYuan: "0x1F" }, ["plannedBudgetYuan"]),
  createCentre("a budget in binary", "ranges", { plannedBudgetYuan: "0b101" }, ["plannedBudgetYuan"]),
  createCentre("a milestone weight of 0", "ranges", { milestones: [{ ...milestone(), weight: 0 }] }, ["milestones.0.weight"]),
  createCentre("a milestone weight of 101", "ranges", { milestones: [{ ...milestone(), weight: 101 }] }, ["milestones.0.weight"]),
  addMilestone("a weight of -5", "ranges", { weight: -5 }, ["weight"]),
  addMilestone("a weight of 2.5", "ranges", { weight: 2.5 }, ["weight"]),
  { ...addMilestone("a weight of 1e309", "ranges", {}, ["weight"]), body: () => literal(milestone(), "weight", "1e309") },
  editMilestone("a weight of 1000", "ranges", { weight: 1000 }, ["weight"]),
  editCentre("version 0", "ranges", { version: 0 }, ["version"]),
  editCentre("a negative version", "ranges", { version: -1 }, ["version"]),
  editCentre("a fractional version", "ranges", { version: 1.5 }, ["version"]),
  editCentre("a version above 2^53", "ranges", { version: 2 ** 60 }, ["version"]),
  saveDraft("progress -1", "ranges", (b, t) => ({ ...b, milestones: [{ id: t.milestoneIds[0], progress: -1 }, { id: t.milestoneIds[1], progress: 0 }] }), ["milestones.0.progress"]),
  saveDraft("progress 101", "ranges", (b, t) => ({ ...b, milestones: [{ id: t.milestoneIds[0], progress: 101 }, { id: t.milestoneIds[1], progress: 0 }] }), ["milestones.0.progress"]),
  saveDraft("progress 33.3", "ranges", (b, t) => ({ ...b, milestones: [{ id: t.milestoneIds[0], progress: 33.3 }, { id: t.milestoneIds[1], progress: 0 }] }), ["milestones.0.progress"]),
  saveDraft("a negative version", "ranges", { version: -1 }, ["version"]),
  ...[
    "investmentExecutedYuan",
    "patentsFiled",
    "patentsGranted",
    "resultsProduced",
    "convertedSelf",
    "convertedTransfer",
    "convertedLicense",
    "convertedJoint",
    "convertedEquity",
    "techContractValueYuan",
    "firmsIncubated",
    "talentIntroduced",
    "computePflops",
    "utilizationPercent",
  ].map((field) => indicators(`${field} negative`, "ranges", { [field]: -1 }, [`indicators.${field}`])),
  indicators("utilizationPercent 100.01", "ranges", { utilizationPercent: 100.01 }, ["indicators.utilizationPercent"]),
  indicators("computePflops above 10^7", "ranges", { computePflops: 10_000_001, computePrecision: "FP16" }, ["indicators.computePflops"]),
  indicators("patentsFiled above 10^9", "ranges", { patentsFiled: 1_000_000_001 }, ["indicators.patentsFiled"]),
  indicators("a fractional investment", "ranges", { investmentExecutedYuan: 100.5 }, ["indicators.investmentExecutedYuan"]),
  indicators("investment of \"Infinity\"", "ranges", { investmentExecutedYuan: "Infinity" }, ["indicators.investmentExecutedYuan"]),
  indicators("converted above produced", "ranges", { resultsProduced: 1, convertedSelf: 5 }, ["indicators.resultsProduced"]),
  indicators("granted above filed", "ranges", { patentsFiled: 1, patentsGranted: 3 }, ["indicators.patentsGranted"]),
  review("approve", "version 0", "ranges", { version: 0 }, ["version"]),
  review("submit", "version 2^63", "ranges", { version: 2 ** 63 }, ["version"]),
];

const BAD_DATES: [string, string, string][] = [
  ["30 February", "2026-02-30", "date"],
  ["month 13", "2026-13-01", "date"],
  ["month 00", "2026-00-10", "date"],
  ["day 32", "2026-01-32", "date"],
  ["29 February in a common year", "2027-02-29", "date"],
  ["year 0000", "0000-01-01", "dateRange"],
  ["year 9999", "9999-12-31", "dateRange"],
  ["slashes", "2026/01/01", "date"],
  ["a compact date", "20260101", "date"],
  ["no zero padding", "2026-1-1", "date"],
  ["a timestamp", "2026-01-01T00:00:00Z", "date"],
  ["an expanded year", "+002026-01-01", "date"],
  ["a Chinese date", "2026年1月1日", "date"],
  ["a leading space", " 2026-01-01", "date"],
];

const dateCases: ApiCase[] = [
  ...BAD_DATES.map(([label, value]) => createCentre(`startDate ${label}`, "dates", { startDate: value }, ["startDate"])),
  ...BAD_DATES.slice(0, 7).map(([label, value]) => addMilestone(`plannedDate ${label}`, "dates", { plannedDate: value }, ["plannedDate"])),
  createCentre("completion before start", "dates", { startDate: "2027-01-01", plannedCompletionDate: "2026-01-01" }, ["plannedCompletionDate"]),
  createCentre("completion on the start day", "dates", { startDate: "2027-01-01", plannedCompletionDate: "2027-01-01" }, ["plannedCompletionDate"]),
  editCentre("plannedCompletionDate 2026-02-30", "dates", { plannedCompletionDate: "2026-02-30" }, ["plannedCompletionDate"]),
  editMilestone("plannedDate 2100-01-01", "dates", { plannedDate: "2100-01-01" }, ["plannedDate"]),
  saveDraft("an actual completion date of 2026-02-30", "dates", (b, t) => ({ ...b, milestones: [{ id: t.milestoneIds[0], progress: 100, actualCompletionDate: "2026-02-30" }, { id: t.milestoneIds[1], progress: 0 }] }), ["milestones.0.actualCompletionDate"]),
  saveDraft("an actual completion date in the future", "dates", (b, t) => ({ ...b, milestones: [{ id: t.milestoneIds[0], progress: 100, actualCompletionDate: "2099-12-31" }, { id: t.milestoneIds[1], progress: 0 }] }), ["milestones.0.actualCompletionDate"]),
  saveDraft("an actual completion date below 100 %", "dates", (b, t) => ({ ...b, milestones: [{ id: t.milestoneIds[0], progress: 50, actualCompletionDate: "2026-01-05" }, { id: t.milestoneIds[1], progress: 0 }] }), ["milestones.0.actualCompletionDate"]),
];

const MB = 1024 * 1024;
const lengthCases: ApiCase[] = [
  createCentre("a name of 121 characters", "lengths", { name: "长".repeat(121) }, ["name"]),
  createCentre("a lead institution of 121 characters", "lengths", { leadInstitution: "x".repeat(121) }, ["leadInstitution"]),
  createCentre("a credit code of 19 characters", "lengths", { leadCreditCode: "9".repeat(19) }, ["leadCreditCode"]),
  createCentre("a credit code with a wrong check character", "lengths", { leadCreditCode: "91330000MA27XYZ12X" }, ["leadCreditCode"]),
  createCentre("21 partners", "lengths", { partners: Array.from({ length: 21 }, (_, i) => `伙伴 ${i}`) }, ["partners"]),
  createCentre("a partner of 121 characters", "lengths", { partners: ["伙".repeat(121)] }, ["partners.0"]),
  createCentre("five focus tags", "lengths", { focusTags: ["large_models", "ai_chips", "algorithm_frameworks", "smart_manufacturing", "finance"] }, ["focusTags"]),
  createCentre("a repeated focus tag", "lengths", { focusTags: ["large_models", "large_models"] }, ["focusTags"]),
  createCentre("101 milestones", "lengths", { milestones: Array.from({ length: 101 }, milestone) }, ["milestones"]),
  createCentre("a milestone title of 201 characters", "lengths", { milestones: [{ ...milestone(), title: "题".repeat(201) }] }, ["milestones.0.title"]),
  addMilestone("a title of 201 characters", "lengths", { title: "t".repeat(201) }, ["title"]),
  editCentre("a name of 121 characters", "lengths", { name: "名".repeat(121) }, ["name"]),
  saveDraft("a narrative of 5,001 characters", "lengths", { narrative: "字".repeat(5001) }, ["narrative"]),
  saveDraft("a correction reason of 1,001 characters", "lengths", { correctionReason: "因".repeat(1001) }, ["correctionReason"]),
  review("return", "a reason of 2,001 characters", "lengths", { version: 2, reason: "因".repeat(2001) }, ["reason"]),
  createCentre("a name of 100 KB (under the body cap)", "lengths", { name: "x".repeat(100 * 1024) }, ["name"]),
];

// Text fields take any printable Unicode; these are not printable text, or not the value the field holds.
const encodingCases: ApiCase[] = [
  createCentre("a NUL in the name", "encodings", { name: "语料\u0000中心" }, ["name"]),
  createCentre("a right-to-left override in the name", "encodings", { name: "中心\u202Egnp.exe" }, ["name"]),
  createCentre("a zero-width space in the lead institution", "encodings", { leadInstitution: "浙江\u200B大学" }, ["leadInstitution"]),
  createCentre("a byte-order mark inside the name", "encodings", { name: "语料\uFEFF中心" }, ["name"]),
  createCentre("a C1 control (NEL) in the name", "encodings", { name: "语料\u0085中心" }, ["name"]),
  createCentre("an escape sequence (ANSI colour) in the name", "encodings", { name: "\u001b[31m语料中心" }, ["name"]),
  createCentre("a lone surrogate in the name", "encodings", { name: "语料\ud800中心" }, ["name"]),
  createCentre("a bidi isolate in a partner", "encodings", { partners: ["\u2067伙伴\u2069"] }, ["partners.0"]),
  saveDraft("a NUL in the narrative", "encodings", { narrative: "进展\u0000顺利" }, ["narrative"]),
  saveDraft("a left-to-right mark in the correction reason", "encodings", { correctionReason: "\u200E更正" }, ["correctionReason"]),
  addMilestone("a word joiner in the title", "encodings", { title: "算力\u2060平台" }, ["title"]),
  createCentre("full-width digits in the province code", "encodings", { provinceCode: "３３００００" }, ["provinceCode"]),
  createCentre("Arabic-Indic digits in the city code", "encodings", { cityCode: "٣٣٠١٠٠" }, ["cityCode"]),
  createCentre("an emoji after the status", "encodings", { status: "operational😀" }, ["status"]),
  createCentre("a combining mark on a focus tag", "encodings", { focusTags: ["large_models\u0301"] }, ["focusTags.0"]),
  createCentre("a Cyrillic homoglyph in the status", "encodings", { status: "оperational" }, ["status"]),
  createCentre("a NUL after the province code", "encodings", { provinceCode: "330000\u0000" }, ["provinceCode"]),
  createCentre("a full-width hyphen in a date", "encodings", { startDate: "2026－01－01" }, ["startDate"]),
  { name: "POST /centres: invalid UTF-8 bytes", category: "encodings", method: "POST", path: () => centres, body: () => raw(Buffer.from([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d])), status: 400, fields: ["_body"] },
  { name: "POST /centres: an overlong encoding of '/'", category: "encodings", method: "POST", path: () => centres, body: () => raw(Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')])), status: 400, fields: ["_body"] },
  { name: "PATCH /centres/{id}: a surrogate half as UTF-8 (CESU-8)", category: "encodings", method: "PATCH", path: centreUrl, body: () => raw(Buffer.concat([Buffer.from('{"version":1,"name":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')])), status: 400, fields: ["_body"] },
  { name: "PUT …/updates/{period}: a truncated multi-byte character", category: "encodings", method: "PUT", path: updateUrl, body: () => raw(Buffer.concat([Buffer.from('{"version":1,"narrative":"'), Buffer.from([0xe4, 0xb8]), Buffer.from('"}')])), status: 400, fields: ["_body"] },
  { name: "POST /centres: a UTF-16 body", category: "encodings", method: "POST", path: () => centres, body: (t) => raw(Buffer.from(`\ufeff${JSON.stringify(centre(t))}`, "utf16le")), status: 400, fields: ["_body"] },
  { name: "POST /centres: a UTF-32-looking body of NUL bytes", category: "encodings", method: "POST", path: () => centres, body: () => raw(Buffer.alloc(64)), status: 400, fields: ["_body"] },
];

const injectionCases: ApiCase[] = [
  createCentre("SQL in the province code", "injection", { provinceCode: "330000' OR 1=1 --" }, ["provinceCode"]),
  createCentre("SQL in the city code", "injection", { cityCode: "330100; DROP TABLE centres" }, ["cityCode"]),
  createCentre("SQL in the status", "injection", { status: "operational\"; DROP TABLE centres; --" }, ["status"]),
  createCentre("SQL in a date", "injection", { startDate: "2026-01-01' OR '1'='1" }, ["startDate"]),
  createCentre("SQL in the budget", "injection", { plannedBudgetYuan: "1; DELETE FROM audit_log" }, ["plannedBudgetYuan"]),
  createCentre("a UNION in a focus tag", "injection", { focusTags: ["large_models' UNION SELECT password_hash FROM users --"] }, ["focusTags.0"]),
  createCentre("a script tag as a focus tag", "injection", { focusTags: ["<script>alert(1)</script>"] }, ["focusTags.0"]),
  createCentre("an HTML event handler in the status", "injection", { status: "<img src=x onerror=alert(1)>" }, ["status"]),
  createCentre("a spreadsheet formula as the budget", "injection", { plannedBudgetYuan: '=HYPERLINK("http://evil.example","点此")' }, ["plannedBudgetYuan"]),
  createCentre("a formula as the start date", "injection", { startDate: "=TODAY()" }, ["startDate"]),
  createCentre("path traversal as the city code", "injection", { cityCode: "../../etc/passwd" }, ["cityCode"]),
  createCentre("an SQL wildcard in targetIds", "injection", { targetIds: ["%' OR '1'='1"] }, ["targetIds"], 422),
  editMilestone("SQL in the category", "injection", { category: "compute' OR 1=1 --" }, ["category"]),
  saveDraft("SQL as a milestone id", "injection", (b, t) => ({ ...b, milestones: [{ id: "1' OR '1'='1", progress: 10 }, ...t.milestoneIds.map((id) => ({ id, progress: 10 }))] }), ["milestones.0.progress"]),
  saveDraft("a script tag as the precision", "injection", (b) => ({ ...b, indicators: { ...(b.indicators as Json), computePflops: 5, computePrecision: "<script>" } }), ["indicators.computePrecision"]),
  { name: "PATCH /centres/{id}: SQL in the id", category: "injection", method: "PATCH", path: () => `${centres}/${encodeURIComponent("x' OR '1'='1")}`, body: () => ({ version: 1 }), status: 404 },
  { name: "PATCH /centres/{id}: path traversal in the id", category: "injection", method: "PATCH", path: () => `${centres}/..%2F..%2Fetc%2Fpasswd`, body: () => ({ version: 1 }), status: 404 },
  { name: "PATCH /milestones/{id}: a script tag as the id", category: "injection", method: "PATCH", path: () => `/api/v1/milestones/${encodeURIComponent("<script>alert(1)</script>")}`, body: () => ({ version: 1 }), status: 404 },
  { name: "PUT …/updates/{period}: SQL in the period", category: "injection", method: "PUT", path: (t) => `${centreUrl(t)}/updates/${encodeURIComponent("2026-Q4' OR '1'='1")}`, body: (t) => draft(t), status: 404 },
  // Prototype pollution: the keys arrive as own properties of the parsed body and are refused as unknown.
  { name: "PATCH /centres/{id}: a __proto__ key", category: "injection", method: "PATCH", path: centreUrl, body: () => raw('{"version":1,"__proto__":{"isDemo":true,"provinceCode":"440000"}}'), status: 400, fields: ["__proto__"] },
  { name: "PATCH /centres/{id}: a constructor.prototype key", category: "injection", method: "PATCH", path: centreUrl, body: () => raw('{"version":1,"constructor":{"prototype":{"role":"admin"}}}'), status: 400, fields: ["constructor"] },
  { name: "POST /centres: a __proto__ key inside a milestone", category: "injection", method: "POST", path: () => centres, body: (t) => raw(JSON.stringify(centre(t)).replace('"evidenceRequired":false', '"evidenceRequired":false,"__proto__":{"weight":100}')), status: 400, fields: ["milestones.0.__proto__"] },
  { name: "PUT …/updates/{period}: a __proto__ key in the indicators", category: "injection", method: "PUT", path: updateUrl, body: () => raw('{"version":1,"indicators":{"__proto__":{"investmentExecutedYuan":1}}}'), status: 400, fields: ["indicators.__proto__"] },
  { name: "POST …/approve: a prototype key", category: "injection", method: "POST", path: (t) => `${reviewUrl(t)}/approve`, as: "reviewer", body: () => raw('{"version":2,"prototype":{"status":"approved"}}'), status: 400, fields: ["prototype"] },
];

const unknownFieldCases: ApiCase[] = [
  createCentre("an id", "unknownFields", { id: "00000000-0000-4000-8000-000000000000" }, ["id"]),
  createCentre("a version", "unknownFields", { version: 1 }, ["version"]),
  createCentre("isDemo", "unknownFields", { isDemo: true }, ["isDemo"]),
  createCentre("createdBy", "unknownFields", { createdBy: "someone-else" }, ["createdBy"]),
  createCentre("a computed completion", "unknownFields", { completionPercent: 100 }, ["completionPercent"]),
  createCentre("a key in the wrong case", "unknownFields", { Name: "大写" }, ["Name"]),
  createCentre("a snake_case key", "unknownFields", { planned_budget_yuan: 5 }, ["planned_budget_yuan"]),
  createCentre("progress inside a milestone", "unknownFields", { milestones: [{ ...milestone(), progress: 100 }] }, ["milestones.0.progress"]),
  editCentre("the id", "unknownFields", { id: "other" }, ["id"]),
  editCentre("milestones", "unknownFields", { milestones: [] }, ["milestones"]),
  editMilestone("centreId", "unknownFields", { centreId: "another-centre" }, ["centreId"]),
  editMilestone("progress", "unknownFields", { progress: 100 }, ["progress"]),
  addMilestone("an id", "unknownFields", { id: "x" }, ["id"]),
  saveDraft("status", "unknownFields", { status: "approved" }, ["status"]),
  saveDraft("intent", "unknownFields", { intent: "submit" }, ["intent"]),
  saveDraft("the period", "unknownFields", { period: "2026-Q1" }, ["period"]),
  saveDraft("an indicator at the top level", "unknownFields", { investmentExecutedYuan: 5 }, ["investmentExecutedYuan"]),
  indicators("an unknown indicator", "unknownFields", { completionPercent: 100 }, ["indicators.completionPercent"]),
  saveDraft("weight inside a milestone", "unknownFields", (b, t) => ({ ...b, milestones: t.milestoneIds.map((id) => ({ id, progress: 10, weight: 100 })) }), ["milestones.0.weight"]),
  review("submit", "intent", "unknownFields", { version: 1, intent: "approve" }, ["intent"]),
  review("approve", "a decision", "unknownFields", { version: 2, decision: "approve" }, ["decision"]),
  review("return", "approvedBy", "unknownFields", { version: 2, reason: "补充", approvedBy: "x" }, ["approvedBy"]),
  createCentre("20,000 unknown keys", "unknownFields", (b) => ({ ...b, ...Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 1])) }), ["k0", "k19999"]),
];

// Every write route with a body: the content types, malformed and empty bodies each must meet.
const WRITE_ROUTES: { label: string; method: "POST" | "PUT" | "PATCH"; path: (t: CorpusTargets) => string; as?: "reviewer" }[] = [
  { label: "POST /centres", method: "POST", path: () => centres },
  { label: "PATCH /centres/{id}", method: "PATCH", path: centreUrl },
  { label: "POST /centres/{id}/milestones", method: "POST", path: (t) => `${centreUrl(t)}/milestones` },
  { label: "PATCH /milestones/{id}", method: "PATCH", path: (t) => `/api/v1/milestones/${t.milestoneIds[0]}` },
  { label: "PUT …/updates/{period}", method: "PUT", path: updateUrl },
  { label: "POST …/submit", method: "POST", path: (t) => `${updateUrl(t)}/submit` },
  { label: "POST …/approve", method: "POST", path: (t) => `${reviewUrl(t)}/approve`, as: "reviewer" },
  { label: "POST …/return", method: "POST", path: (t) => `${reviewUrl(t)}/return`, as: "reviewer" },
];

const CONTENT_TYPES: [string, string | null][] = [
  ["text/plain", "text/plain"],
  ["a form", "application/x-www-form-urlencoded"],
  ["multipart", "multipart/form-data; boundary=x"],
  ["XML", "application/xml"],
  ["no Content-Type", null],
  ["application/json-patch+json", "application/json-patch+json"],
  ["text/json", "text/json"],
];

const contentTypeCases: ApiCase[] = WRITE_ROUTES.flatMap((route, i) => {
  // Every route gets plain text and no type; the others are spread across the routes.
  const types = [CONTENT_TYPES[0]!, CONTENT_TYPES[4]!, CONTENT_TYPES[[1, 2, 3, 5, 6][i % 5]!]!];
  return types.map(([label, type]) => ({
    name: `${route.label}: ${label}`,
    category: "contentType" as const,
    method: route.method,
    path: route.path,
    as: route.as,
    body: () => raw('{"version":1}'),
    contentType: type,
    status: 415,
  }));
});

const MALFORMED: [string, string][] = [
  ["an unterminated string", '{"name": "半个'],
  ["single quotes", "{'version': 1}"],
  ["a trailing comma", '{"version": 1,}'],
  ["a leading zero", '{"version": 01}'],
  ["a hex number", '{"version": 0x1}'],
  ["NaN", '{"version": NaN}'],
  ["two objects", '{"version": 1}{"version": 2}'],
  ["a comment", '{"version": 1 /* latest */}'],
];

const malformedCases: ApiCase[] = [
  ...WRITE_ROUTES.map((route, i) => {
    const [label, text] = MALFORMED[i % MALFORMED.length]!;
    return { name: `${route.label}: ${label}`, category: "malformedJson" as const, method: route.method, path: route.path, as: route.as, body: () => raw(text), status: 400, fields: ["_body"] };
  }),
  ...(
    [
      ["a JSON array", "[]"],
      ["a JSON string", '"version"'],
      ["a JSON number", "1"],
      ["JSON null", "null"],
      ["JSON true", "true"],
      ["an array of the right object", '[{"version":1}]'],
    ] as const
  ).map(([label, text], i) => {
    const route = WRITE_ROUTES[i % WRITE_ROUTES.length]!;
    return { name: `${route.label}: ${label}`, category: "malformedJson" as const, method: route.method, path: route.path, as: route.as, body: () => raw(text), status: 400, fields: ["_body"] };
  }),
  { name: "PATCH /centres/{id}: 100,000 nested arrays", category: "malformedJson", method: "PATCH", path: centreUrl, body: () => raw(`{"version":1,"name":${"[".repeat(100_000)}${"]".repeat(100_000)}}`), status: 400, fields: ["name"] },
];

const emptyCases: ApiCase[] = [
  ...WRITE_ROUTES.map((route) => ({ name: `${route.label}: an empty body`, category: "emptyBody" as const, method: route.method, path: route.path, as: route.as, body: () => raw(""), status: 400, fields: ["_body"] })),
  ...WRITE_ROUTES.slice(0, 4).map((route) => ({ name: `${route.label}: whitespace only`, category: "emptyBody" as const, method: route.method, path: route.path, as: route.as, body: () => raw(" \r\n\t "), status: 400, fields: ["_body"] })),
  { name: "POST /centres: an empty object", category: "emptyBody", method: "POST", path: () => centres, body: () => ({}), status: 400, fields: ["provinceCode", "name", "status"] },
  { name: "PUT …/updates/{period}: an empty object", category: "emptyBody", method: "PUT", path: updateUrl, body: () => ({}), status: 400, fields: ["version"] },
];

const oversizedCases: ApiCase[] = [
  createCentre("a name of 1 MB", "oversized", { name: "x".repeat(MB) }, [], 413),
  createCentre("a name of 300 KB", "oversized", { name: "长".repeat(100 * 1024) }, [], 413),
  { ...editCentre("257 KB of whitespace around a valid body", "oversized", {}, [], 413), body: () => raw(`${" ".repeat(257 * 1024)}{"version":1}`) },
  saveDraft("a narrative of 300 KB", "oversized", { narrative: "n".repeat(300 * 1024) }, [], 413),
  addMilestone("a title of 5 MB", "oversized", { title: "t".repeat(5 * MB) }, [], 413),
  review("return", "a reason of 2 MB", "oversized", { version: 2, reason: "r".repeat(2 * MB) }, [], 413),
  createCentre("10,000 milestones", "oversized", { milestones: Array.from({ length: 10_000 }, milestone) }, [], 413),
];

const enumCaseCases: ApiCase[] = [
  createCentre("status in capitals", "enumCase", { status: "UNDER_CONSTRUCTION" }, ["status"]),
  createCentre("status capitalised", "enumCase", { status: "Operational" }, ["status"]),
  createCentre("status with a space", "enumCase", { status: "under construction" }, ["status"]),
  createCentre("status as its Chinese name", "enumCase", { status: "建设中" }, ["status"]),
  createCentre("status with a trailing space", "enumCase", { status: "operational " }, ["status"]),
  createCentre("a focus tag in capitals", "enumCase", { focusTags: ["LARGE_MODELS"] }, ["focusTags.0"]),
  createCentre("a focus tag in kebab-case", "enumCase", { focusTags: ["large-models"] }, ["focusTags.0"]),
  addMilestone("category in capitals", "enumCase", { category: "COMPUTE" }, ["category"]),
  editMilestone("category capitalised", "enumCase", { category: "Planning" }, ["category"]),
  indicators("precision in lower case", "enumCase", { computePflops: 10, computePrecision: "fp16" }, ["indicators.computePrecision"]),
  indicators("an unknown precision", "enumCase", { computePflops: 10, computePrecision: "FP8" }, ["indicators.computePrecision"]),
];

const idCases: ApiCase[] = [
  { name: "PATCH /centres/{id}: a number", category: "ids", method: "PATCH", path: () => `${centres}/123`, body: () => ({ version: 1 }), status: 404 },
  { name: "PATCH /centres/{id}: a UUID in capitals", category: "ids", method: "PATCH", path: (t) => `${centres}/${t.centreId.toUpperCase()}`, body: () => ({ version: 1 }), status: 404 },
  { name: "PATCH /centres/{id}: a UUID without hyphens", category: "ids", method: "PATCH", path: (t) => `${centres}/${t.centreId.replaceAll("-", "")}`, body: () => ({ version: 1 }), status: 404 },
  { name: "PATCH /centres/{id}: a UUID in braces", category: "ids", method: "PATCH", path: (t) => `${centres}/%7B${t.centreId}%7D`, body: () => ({ version: 1 }), status: 404 },
  { name: "PATCH /centres/{id}: a UUID nobody holds", category: "ids", method: "PATCH", path: () => `${centres}/00000000-0000-4000-8000-000000000000`, body: () => ({ version: 1 }), status: 404 },
  { name: "PATCH /centres/{id}: a NUL", category: "ids", method: "PATCH", path: () => `${centres}/%00`, body: () => ({ version: 1 }), status: 404 },
  { name: "PATCH /centres/{id}: a 2,000-character id", category: "ids", method: "PATCH", path: () => `${centres}/${"a".repeat(2000)}`, body: () => ({ version: 1 }), status: 404 },
  { name: "PATCH /milestones/{id}: not a UUID", category: "ids", method: "PATCH", path: () => "/api/v1/milestones/milestone-1", body: () => ({ version: 1 }), status: 404 },
  { name: "PATCH /milestones/{id}: a centre's id", category: "ids", method: "PATCH", path: (t) => `/api/v1/milestones/${t.centreId}`, body: () => ({ version: 1 }), status: 404 },
  { name: "POST /centres/{id}/milestones: not a UUID", category: "ids", method: "POST", path: () => `${centres}/abc/milestones`, body: () => milestone(), status: 404 },
  { name: "PUT …/updates/{period}: a centre id that is a milestone's", category: "ids", method: "PUT", path: (t) => `${centres}/${t.milestoneIds[0]}/updates/${t.period}`, body: (t) => draft(t), status: 404 },
  { name: "POST …/submit: not a UUID", category: "ids", method: "POST", path: (t) => `${centres}/1/updates/${t.period}/submit`, body: () => ({ version: 1 }), status: 404 },
  { name: "POST …/approve: not a UUID", category: "ids", method: "POST", as: "reviewer", path: (t) => `${centres}/null/updates/${t.period}/approve`, body: () => ({ version: 2 }), status: 404 },
  saveDraft("a milestone id that is not a UUID", "ids", (b, t) => ({ ...b, milestones: [...t.milestoneIds.map((id) => ({ id, progress: 10 })), { id: "m-1", progress: 10 }] }), ["milestones.2.progress"]),
  saveDraft("another centre's milestone", "ids", (b, t) => ({ ...b, milestones: [...t.milestoneIds.map((id) => ({ id, progress: 10 })), { id: t.reviewCentreId, progress: 10 }] }), ["milestones.2.progress"]),
  saveDraft("a blank milestone id", "ids", (b, t) => ({ ...b, milestones: [...t.milestoneIds.map((id) => ({ id, progress: 10 })), { id: "", progress: 10 }] }), ["milestones.2.id"]),
  createCentre("a province nobody has", "ids", { provinceCode: "990000", cityCode: "990100" }, ["cityCode"]),
  createCentre("a city of another province", "ids", { cityCode: "440300" }, ["cityCode"]),
  createCentre("a province code of five digits", "ids", { provinceCode: "33000" }, ["provinceCode"]),
  createCentre("a city code that is a province's", "ids", { cityCode: "330000" }, ["cityCode"]),
  editCentre("moving the centre to another province", "ids", { provinceCode: "440000", cityCode: "440300" }, ["provinceCode"], 422),
];

const PERIODS: [string, string][] = [
  ["quarter 5", "2026-Q5"],
  ["quarter 0", "2026-Q0"],
  ["month 13", "2026-13"],
  ["month 00", "2026-00"],
  ["a two-digit year", "26-Q4"],
  ["no hyphen", "2026Q4"],
  ["a lower-case q", "2026-q4"],
  ["a half year", "2026-H2"],
  ["a week", "2026-W48"],
  ["a date", "2026-11-27"],
  ["a year", "2026"],
  ["Chinese", "2026年第4季度"],
];

const periodCases: ApiCase[] = [
  ...PERIODS.map(([label, period]) => ({
    name: `PUT …/updates/{period}: ${label}`,
    category: "periods" as const,
    method: "PUT" as const,
    path: (t: CorpusTargets) => `${centreUrl(t)}/updates/${encodeURIComponent(period)}`,
    body: (t: CorpusTargets) => draft(t),
    status: 404,
  })),
  // Version 0: no update exists for these periods, so only the period can be at fault.
  { name: "PUT …/updates/{period}: a period far in the future", category: "periods", method: "PUT", path: (t) => `${centreUrl(t)}/updates/2099-Q1`, body: (t) => ({ ...draft(t), version: 0 }), status: 422 },
  { name: "PUT …/updates/{period}: a period before reporting began", category: "periods", method: "PUT", path: (t) => `${centreUrl(t)}/updates/2020-Q1`, body: (t) => ({ ...draft(t), version: 0 }), status: 422 },
  { name: "POST …/submit: a malformed period", category: "periods", method: "POST", path: (t) => `${centreUrl(t)}/updates/2026-Q9/submit`, body: () => ({ version: 1 }), status: 404 },
  { name: "POST …/approve: a month that was never reported", category: "periods", method: "POST", as: "reviewer", path: (t) => `${centres}/${t.reviewCentreId}/updates/2026-02/approve`, body: () => ({ version: 1 }), status: 422 },
];

const credentialCases: ApiCase[] = [
  { name: "POST /centres: no credentials", category: "credentials", method: "POST", as: "none", path: () => centres, body: (t) => centre(t), status: 401 },
  { name: "POST /centres: a malformed token", category: "credentials", method: "POST", as: "none", headers: { Authorization: "Bearer act_' OR 1=1 --" }, path: () => centres, body: (t) => centre(t), status: 401 },
  { name: "POST /centres: a bearer scheme without a token", category: "credentials", method: "POST", as: "none", headers: { Authorization: "Bearer" }, path: () => centres, body: (t) => centre(t), status: 401 },
  { name: "POST /centres: basic credentials", category: "credentials", method: "POST", as: "none", headers: { Authorization: `Basic ${Buffer.from("staff.zj@demo.gov.cn:demo-pass-2026").toString("base64")}` }, path: () => centres, body: (t) => centre(t), status: 401 },
  { name: "PATCH /centres/{id}: a token of 10,000 characters", category: "credentials", method: "PATCH", as: "none", headers: { Authorization: `Bearer act_${"A".repeat(10_000)}` }, path: centreUrl, body: () => ({ version: 1 }), status: 401 },
  { name: "GET /centres: a token with a NUL escape", category: "credentials", method: "GET", as: "none", headers: { Authorization: "Bearer act_%00" }, path: () => centres, status: 401 },
];

export const API_WRITE_CASES: ApiCase[] = [
  ...typeCases,
  ...missingCases,
  ...rangeCases,
  ...dateCases,
  ...lengthCases,
  ...encodingCases,
  ...injectionCases,
  ...unknownFieldCases,
  ...contentTypeCases,
  ...malformedCases,
  ...emptyCases,
  ...oversizedCases,
  ...enumCaseCases,
  ...idCases,
  ...periodCases,
  ...credentialCases,
];
