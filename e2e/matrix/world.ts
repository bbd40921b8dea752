import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { APIRequestContext, APIResponse, Browser, PlaywrightWorkerArgs } from "@playwright/test";
import { E2E_DB } from "../api-helpers";
import { OTHER_PROVINCE, OWN_PROVINCE } from "../../lib/domain/access-policy";
import { accounts, expect, openPeriod, signIn, uniqueSuffix, zh } from "../fixtures";

// The world the permission matrix runs in: accounts of its own (so "logged once" counts only its own
// requests, whatever other specs do meanwhile), centres of its own in two provinces no demo data or
// other spec uses (the table's own and other province), with milestones, a draft and a submitted
// update, evidence and a duplicate-pair flag, and request contexts per account.

export const OWN = OWN_PROVINCE;
export const OTHER = OTHER_PROVINCE;
export const CITY: Record<string, string> = { [OWN]: "520100", [OTHER]: "530100" };

/** The matrix's accounts: an administrator, a national reviewer, and a reviewer and staff member of OWN. */
export type Who = "admin" | "reviewer" | "provincialReviewer" | "staff";

export interface Records {
  /** Centre with a draft update and evidence (A), and centre with a submitted update (B), by province. */
  centreA: Record<string, string>;
  centreB: Record<string, string>;
  milestoneA: Record<string, string>;
  updateA: Record<string, string>;
  updateB: Record<string, { id: string; version: number }>;
  evidence: Record<string, string>;
  flag: Record<string, string>;
  targetId: string;
  tokenId: string;
}

export interface World {
  api: Record<Who, APIRequestContext>;
  nobody: APIRequestContext;
  userId: Record<Who, string>;
  records: Records;
  actionIds: Record<string, string>;
  baseURL: string;
}

/** The server action ids of the running build, by exported name (the build the e2e server started). */
export function serverActionIds(): Record<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  return Object.fromEntries(Object.entries(manifest.node).flatMap(([id, entry]) => (entry.exportedName ? [[entry.exportedName, id]] : [])));
}

/** Reads the suite's database read-only, beside the running server. */
export function readDb<T>(read: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export type FormFields = Record<string, string | string[] | { name: string; mimeType: string; buffer: Buffer }>;

/**
 * Calls a server action as the browser does (`Next-Action` header, React's encoded reply: the form's
 * fields under the `_1_` prefix and the previous state), from the page that holds its form.
 */
export function callAction(api: APIRequestContext, world: Pick<World, "actionIds" | "baseURL">, name: string, page: string, fields: FormFields, withState = true) {
  const id = world.actionIds[name];
  if (!id) throw new Error(`No server action ${name} in the build`);
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === "string") form.append(`_1_${key}`, v);
      else form.append(`_1_${key}`, new Blob([new Uint8Array(v.buffer)], { type: v.mimeType }), v.name);
    }
  }
  form.append("0", JSON.stringify(withState ? [{ status: "idle" }, "$K1"] : ["$K1"]));
  return api.post(page, { multipart: form, headers: { "Next-Action": id, Origin: world.baseURL, Accept: "text/x-component" }, maxRedirects: 0 });
}

export type ActionOutcome = "redirect" | "forbidden" | "notFound" | "signedOut" | "other";

/** What a server action answered: a redirect (it succeeded), or the message of its returned state. */
export async function actionOutcome(response: APIResponse): Promise<{ outcome: ActionOutcome; text: string }> {
  const text = await response.text();
  if (response.status() === 303 || response.headers()["x-action-redirect"]) return { outcome: "redirect", text };
  const says = (message: string) => text.includes(`"message":${JSON.stringify(message)}`);
  if (says(zh.errors.forbidden)) return { outcome: "forbidden", text };
  if (says(zh.errors.notFound)) return { outcome: "notFound", text };
  if (says(zh.errors.signedOut)) return { outcome: "signedOut", text };
  return { outcome: "other", text };
}

async function signedInApi(browser: Browser, playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, account: { email: string; password: string }) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, account);
  const api = await playwright.request.newContext({ baseURL, storageState: await context.storageState() });
  await context.close();
  return api;
}

const PASSWORD = `Matrix-${uniqueSuffix()}-pass`;

function centreBody(provinceCode: string, lead: string) {
  return {
    provinceCode,
    cityCode: CITY[provinceCode],
    name: `权限矩阵中心 ${uniqueSuffix()}`,
    leadInstitution: lead,
    focusTags: ["large_models"],
    plannedBudgetYuan: 300000000,
    startDate: "2026-01-01",
    plannedCompletionDate: "2027-12-31",
    status: "under_construction",
    milestones: [{ title: "算力平台上线", category: "compute", weight: 1, plannedDate: "2026-12-31", evidenceRequired: false }],
  };
}

async function json(response: APIResponse, status: number) {
  expect(response.status(), await response.text()).toBe(status);
  return response.json();
}

/** Registers a centre (with one milestone) and saves its draft update for the open period; submits it when asked. */
async function centreWithUpdate(api: APIRequestContext, provinceCode: string, lead: string, submit: boolean) {
  const centre = await json(await api.post("/api/v1/centres", { data: centreBody(provinceCode, lead) }), 201);
  const milestoneId = centre.milestones[0].id as string;
  const url = `/api/v1/centres/${centre.id}/updates/${openPeriod}`;
  const draft = {
    version: 0,
    milestones: [{ id: milestoneId, progress: 40 }],
    indicators: { investmentExecutedYuan: 50000000, resultsProduced: 3, convertedSelf: 1 },
    narrative: "权限矩阵测试：算力平台建设过半。",
  };
  let update = await json(await api.put(url, { data: draft }), 200);
  if (submit) update = await json(await api.post(`${url}/submit`, { data: { version: update.version } }), 200);
  return { centreId: centre.id as string, milestoneId, update: { id: update.id as string, version: update.version as number } };
}

export async function buildWorld(browser: Browser, playwright: PlaywrightWorkerArgs["playwright"], baseURL: string): Promise<World> {
  const actionIds = serverActionIds();
  const demoAdmin = await signedInApi(browser, playwright, baseURL, accounts.admin);
  const suffix = uniqueSuffix();
  const made: Record<Who, { email: string; role: string; provinceCode: string }> = {
    admin: { email: `matrix-admin-${suffix}@example.gov.cn`, role: "admin", provinceCode: "" },
    reviewer: { email: `matrix-reviewer-${suffix}@example.gov.cn`, role: "reviewer", provinceCode: "" },
    provincialReviewer: { email: `matrix-reviewer-own-${suffix}@example.gov.cn`, role: "reviewer", provinceCode: OWN },
    staff: { email: `matrix-staff-own-${suffix}@example.gov.cn`, role: "staff", provinceCode: OWN },
  };
  for (const [who, m] of Object.entries(made)) {
    const fields = { email: m.email, name: `矩阵 ${who}`, password: PASSWORD, role: m.role, provinceCode: m.provinceCode, locale: "zh" };
    const { outcome, text } = await actionOutcome(await callAction(demoAdmin, { actionIds, baseURL }, "createUserAction", "/admin/users/new", fields));
    expect(outcome, text.slice(0, 500)).toBe("redirect");
  }
  await demoAdmin.dispose();
  const userId = readDb((db) =>
    Object.fromEntries(Object.entries(made).map(([who, m]) => [who, (db.prepare("select id from users where email = ?").get(m.email) as { id: string }).id])),
  ) as Record<Who, string>;
  const api = {} as Record<Who, APIRequestContext>;
  for (const [who, m] of Object.entries(made)) api[who as Who] = await signedInApi(browser, playwright, baseURL, { email: m.email, password: PASSWORD });
  const nobody = await playwright.request.newContext({ baseURL });

  // Each province's two centres share a lead, a city and a focus: a duplicate pair, and a flag, of their own.
  const records = { centreA: {}, centreB: {}, milestoneA: {}, updateA: {}, updateB: {}, evidence: {}, flag: {} } as unknown as Records;
  for (const [province, by] of [[OWN, api.staff], [OTHER, api.admin]] as const) {
    const lead = `权限矩阵研究院 ${suffix} ${province}`;
    const a = await centreWithUpdate(by, province, lead, false);
    const b = await centreWithUpdate(by, province, lead, true);
    records.centreA[province] = a.centreId;
    records.milestoneA[province] = a.milestoneId;
    records.updateA[province] = a.update.id;
    records.centreB[province] = b.centreId;
    records.updateB[province] = b.update;
    const pdf = { name: "证明.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% permission matrix\n%%EOF\n") };
    const upload = await callAction(api.admin, { actionIds, baseURL }, "uploadEvidenceAction", `/centres/${a.centreId}/updates/${openPeriod}`, { updateId: a.update.id, milestoneId: "", file: pdf });
    const uploaded = await actionOutcome(upload);
    expect(uploaded.outcome, uploaded.text.slice(0, 500)).toBe("redirect");
    records.evidence[province] = readDb((db) => (db.prepare("select id from evidence_files where update_id = ?").get(a.update.id) as { id: string }).id);
    // The pair's duplicate flag: open, and nobody else's to review.
    const flags = await json(await api.admin.get(`/api/v1/flags?province=${province}&pageSize=200`), 200);
    const flag = (flags.items as { key: string; code: string; subject: { ids: string[] } }[]).find(
      (f) => f.code === "duplicate_construction" && f.subject.ids.includes(a.centreId) && f.subject.ids.includes(b.centreId),
    );
    if (!flag) throw new Error(`No duplicate flag for the pair in ${province}: ${JSON.stringify(flags.items)}`);
    records.flag[province] = flag.key;
  }
  records.targetId = readDb((db) => (db.prepare("select id from plan_targets limit 1").get() as { id: string }).id);
  const token = await actionOutcome(await callAction(api.staff, { actionIds, baseURL }, "createApiTokenAction", "/settings/tokens", { name: `矩阵 ${suffix}`, expiresOn: "" }));
  expect(token.outcome, token.text.slice(0, 500)).toBe("other");
  records.tokenId = readDb((db) => (db.prepare("select id from api_tokens where user_id = ?").get(userId.staff) as { id: string }).id);
  return { api, nobody, userId, records, actionIds, baseURL };
}

export async function disposeWorld(world: World | undefined): Promise<void> {
  if (!world) return;
  await Promise.all([...Object.values(world.api), world.nobody].map((api) => api.dispose()));
}
