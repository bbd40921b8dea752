import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { CentreDetailSchema, ProblemSchema } from "../../lib/api/schemas";
import { dbSnapshot, E2E_DB } from "../api-helpers";
import { demoCentre, expect, openPeriod, uniqueSuffix } from "../fixtures";
import { Raw, type ApiCase, type Caller, type CorpusTargets } from "./cases";

// Running the corpus: the accounts and records it aims at, one request per case, and the check that
// the database is exactly as it was.

export interface Actor {
  id: string;
  email: string;
  password: string;
  token: string;
}
export type Actors = Record<Exclude<Caller, "none">, Actor>;

/**
 * New accounts with tokens, made by e2e/bad-input/actors.ts on the suite's database. Tried three times:
 * the script writes beside the running server, and a long write there (an import) can outlast the
 * five-second busy timeout on a loaded machine.
 */
export function createActors(): Actors {
  for (let attempt = 1; ; attempt++) {
    try {
      const out = execFileSync("npx", ["tsx", "e2e/bad-input/actors.ts"], { env: { ...process.env, DATABASE_PATH: E2E_DB }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      return JSON.parse(out) as Actors;
    } catch (error) {
      if (attempt === 3 || !String((error as { stderr?: unknown }).stderr).includes("SQLITE_BUSY")) throw error;
    }
  }
}

const bearer = (actor: Actor) => ({ Authorization: `Bearer ${actor.token}` });

async function created<T>(response: APIResponse, parse: (v: unknown) => T): Promise<T> {
  expect(response.status(), await response.text()).toBeLessThan(300);
  return parse(await response.json());
}

/** Two Zhejiang centres of the corpus's staff: one with a saved draft, one with a submitted update. */
export async function createTargets(request: APIRequestContext, actors: Actors): Promise<CorpusTargets> {
  const headers = { ...bearer(actors.staff), "Content-Type": "application/json" };
  const newCentre = async (label: string) => {
    const body = {
      provinceCode: "330000",
      cityCode: "330200",
      name: `坏输入语料靶 ${label} ${uniqueSuffix()}`,
      leadInstitution: "语料测试研究院（示例）",
      focusTags: ["education"],
      plannedBudgetYuan: 100_000_000,
      startDate: "2026-01-01",
      plannedCompletionDate: "2027-12-31",
      status: "under_construction",
      milestones: [
        { title: "平台建设", category: "compute", weight: 1, plannedDate: "2026-12-31", evidenceRequired: false },
        { title: "成果转化", category: "planning", weight: 1, plannedDate: "2027-06-30", evidenceRequired: false },
      ],
    };
    return created(await request.post("/api/v1/centres", { headers, data: JSON.stringify(body) }), (v) => CentreDetailSchema.parse(v));
  };
  const draft = (ids: string[], version: number) =>
    JSON.stringify({ version, milestones: ids.map((id) => ({ id, progress: 10 })), indicators: { investmentExecutedYuan: 10_000_000 }, narrative: "语料测试草稿" });
  const main = await newCentre("A");
  const mainIds = main.milestones.map((m) => m.id);
  await created(await request.put(`/api/v1/centres/${main.id}/updates/${openPeriod}`, { headers, data: draft(mainIds, 0) }), (v) => v);
  const reviewed = await newCentre("B");
  const reviewUrl = `/api/v1/centres/${reviewed.id}/updates/${openPeriod}`;
  await created(await request.put(reviewUrl, { headers, data: draft(reviewed.milestones.map((m) => m.id), 0) }), (v) => v);
  await created(await request.post(`${reviewUrl}/submit`, { headers, data: JSON.stringify({ version: 1 }) }), (v) => v);
  return { centreId: main.id, milestoneIds: mainIds, reviewCentreId: reviewed.id, gdCentreId: demoCentre("gd-sz-llm-1").id, period: openPeriod, marker: `语料${uniqueSuffix()}` };
}

/**
 * What a bad request could have changed: the audit entries by the corpus's accounts (every write is
 * audited in its own transaction), the two centres with their milestones, updates and evidence, and any
 * record named with the marker. Read-only, beside the running server.
 */
export function corpusState(actors: Actors, t: CorpusTargets) {
  const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
  try {
    const ids = Object.values(actors).map((a) => a.id);
    const marks = `%${t.marker}%`;
    return {
      audit: db.prepare(`SELECT count(*) AS n, max(id) AS last FROM audit_log WHERE actor_id IN (${ids.map(() => "?").join(",")})`).get(...ids),
      evidence: db.prepare("SELECT e.* FROM evidence_files e JOIN updates u ON u.id = e.update_id WHERE u.centre_id IN (?, ?) ORDER BY e.id").all(t.centreId, t.reviewCentreId),
      named: db.prepare("SELECT (SELECT count(*) FROM centres WHERE name LIKE ?) + (SELECT count(*) FROM plan_targets WHERE title LIKE ?) + (SELECT count(*) FROM users WHERE name LIKE ?) AS n").get(marks, marks, marks),
      main: dbSnapshot(t.centreId, t.marker),
      review: dbSnapshot(t.reviewCentreId, t.marker),
    };
  } finally {
    db.close();
  }
}

export async function sendCase(request: APIRequestContext, c: ApiCase, t: CorpusTargets, actors: Actors): Promise<APIResponse> {
  const headers: Record<string, string> = {};
  const caller = c.as ?? "staff";
  if (caller !== "none") Object.assign(headers, bearer(actors[caller]));
  Object.assign(headers, c.headers);
  let data: string | Buffer | undefined;
  if (c.body) {
    const body = c.body(t);
    data = body instanceof Raw ? body.bytes : JSON.stringify(body);
    if (c.contentType !== null) headers["Content-Type"] = c.contentType ?? "application/json";
  }
  return request.fetch(c.path(t), { method: c.method, headers, data, maxRedirects: 0 });
}

/** The answer a case must get: its status, a problem document with a sentence, and the fields and codes it names. */
export async function checkProblem(response: APIResponse, c: ApiCase): Promise<void> {
  const text = await response.text();
  expect.soft(response.status(), `${c.name}: ${text.slice(0, 300)}`).toBe(c.status);
  expect.soft(response.headers()["content-type"], c.name).toBe("application/problem+json; charset=utf-8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    expect.soft(text, `${c.name}: not JSON`).toBe("a problem document");
    return;
  }
  const parsed = ProblemSchema.safeParse(json);
  expect.soft(parsed.success, `${c.name}: not a problem document: ${text.slice(0, 200)}`).toBe(true);
  if (!parsed.success) return;
  const body = parsed.data;
  expect.soft(body.detail.length, `${c.name}: a sentence saying why`).toBeGreaterThan(5);
  for (const error of body.errors ?? []) expect.soft(error.detail.length, `${c.name}: ${error.field} has a sentence`).toBeGreaterThan(5);
  const fields = (body.errors ?? []).map((e) => e.field);
  if (c.fields?.length) expect.soft(fields, `${c.name}: names ${c.fields.join(", ")}`).toEqual(expect.arrayContaining(c.fields));
  const codes = [body.code, ...(body.errors ?? []).map((e) => e.code)];
  if (c.codes?.length) expect.soft(codes, `${c.name}: codes`).toEqual(expect.arrayContaining(c.codes));
}
