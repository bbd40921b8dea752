import type { APIResponse } from "@playwright/test";
import { ACCESS_POLICY, allows, CELL_ACTORS, CELLS, type Cell, type EntryKind, type PolicyEntry } from "../lib/domain/access-policy";
import { expect, field, test, zh } from "./fixtures";
import { PROBES, probeFor } from "./matrix/probes";
import { actionOutcome, buildWorld, callAction, disposeWorld, OTHER, OWN, readDb, serverActionIds, type Who, type World } from "./matrix/world";

// The permission matrix, generated from the policy table (lib/domain/access-policy.ts): every page,
// route handler, file and server action, tried by every role for a row of its own province and of
// another, and signed out. A forbidden cell must be refused (403/404, a server action's refusal, or the
// login page when signed out), change nothing in the database, and write exactly one security event
// naming the user, the route and the target; an allowed cell must get through and log nothing.
// Server actions are called as the browser calls them (Next-Action header, the form's fields) with
// another user's cookie and with another province's ids.

test.describe.configure({ mode: "serial" });

let world: World;
test.beforeAll(async ({ browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  world = await buildWorld(browser, playwright, baseURL!);
});
test.afterAll(async () => disposeWorld(world));

/** Who stands for each cell: provincial cells share their account, so they run one after the other. */
const ACCOUNT: Record<Cell, Who | null> = {
  admin: "admin",
  reviewer: "reviewer",
  reviewerOwn: "provincialReviewer",
  reviewerOther: "provincialReviewer",
  staffOwn: "staff",
  staffOther: "staff",
  signedOut: null,
};
const LANES: Cell[][] = [["admin"], ["reviewer"], ["reviewerOwn", "reviewerOther"], ["staffOwn", "staffOther"], ["signedOut"]];

/** Everything a refused request could have changed: this spec's records and whatever its accounts wrote. */
function snapshot(w: World): string {
  const r = w.records;
  const centres = [...Object.values(r.centreA), ...Object.values(r.centreB)];
  const users = Object.values(w.userId);
  const inList = (n: number) => `(${Array(n).fill("?").join(",")})`;
  return readDb((db) => {
    const all = (sql: string, ...args: unknown[]) => db.prepare(sql).all(...args);
    return JSON.stringify({
      centres: all(`select * from centres where id in ${inList(centres.length)} order by id`, ...centres),
      milestones: all(`select * from milestones where centre_id in ${inList(centres.length)} order by id`, ...centres),
      updates: all(`select * from updates where centre_id in ${inList(centres.length)} order by id`, ...centres),
      evidence: all(`select e.* from evidence_files e join updates u on u.id = e.update_id where u.centre_id in ${inList(centres.length)} order by e.id`, ...centres),
      ratings: all(`select * from confidence_ratings where centre_id in ${inList(centres.length)} order by id`, ...centres),
      flagReviews: all(`select * from flag_reviews where flag_key in (?, ?) order by id`, r.flag[OWN], r.flag[OTHER]),
      users: all(`select * from users where id in ${inList(users.length)} order by id`, ...users),
      tokens: all(`select * from api_tokens where user_id in ${inList(users.length)} order by id`, ...users),
      preferences: all(`select * from notification_preferences where user_id in ${inList(users.length)}`, ...users),
      calendars: all("select * from reporting_calendars where province_code in (?, ?)", OWN, OTHER),
      thresholds: all("select * from risk_thresholds order by key"),
      target: all("select * from plan_targets where id = ?", r.targetId),
      refusedCreations: all("select count(*) n from centres where name like '权限矩阵越权%'"),
      auditByUs: all(`select count(*) n from audit_log where actor_id in ${inList(users.length)}`, ...users),
    });
  });
}

type Event = { route: string; target: string | null; reason: string; method: string | null };

function lastEventId(): number {
  return readDb((db) => (db.prepare("select coalesce(max(id), 0) id from security_events").get() as { id: number }).id);
}

function eventsSince(userId: string, since: number): Event[] {
  return readDb((db) => db.prepare("select route, target, reason, method from security_events where user_id = ? and id > ? order by id").all(userId, since) as Event[]);
}

type Verdict = "allowed" | "refused" | "signIn" | "error";

async function verdictOf(kind: EntryKind, method: string, response: APIResponse): Promise<{ verdict: Verdict; detail: string }> {
  const status = response.status();
  const location = response.headers()["location"] ?? "";
  if (status >= 500) return { verdict: "error", detail: `${status}` };
  if (kind === "action") {
    const { outcome } = await actionOutcome(response);
    const verdict = outcome === "forbidden" || outcome === "notFound" ? "refused" : outcome === "signedOut" ? "signIn" : "allowed";
    return { verdict, detail: `${status} ${outcome}` };
  }
  if (kind === "page") {
    if (status === 403 || status === 404) return { verdict: "refused", detail: `${status}` };
    if (status >= 300 && status < 400) return { verdict: /\/login(\?|$)/.test(location) ? "signIn" : "allowed", detail: `${status} → ${location}` };
    return { verdict: status === 200 ? "allowed" : "error", detail: `${status}` };
  }
  if (status === 401) return { verdict: "signIn", detail: "401" };
  if (status === 403 || status === 404) return { verdict: "refused", detail: `${status}` };
  // A write an allowed user sends with a stale version or no file is turned down after the permission check.
  const passed = method === "GET" ? status >= 200 && status < 300 : status < 500;
  return { verdict: passed ? "allowed" : "error", detail: `${status}` };
}

/** Tries one cell; returns what is wrong with it (nothing when it behaves as the table says). */
async function tryCell(w: World, entry: PolicyEntry, cell: Cell, checkUnchanged: boolean): Promise<string[]> {
  const who = ACCOUNT[cell];
  const allowed = allows(entry, cell);
  const probe = probeFor(entry, CELL_ACTORS[cell].provinceCode, w, cell);
  const before = checkUnchanged ? snapshot(w) : "";
  const since = lastEventId();
  const response = await probe.send(who ? w.api[who] : w.nobody);
  const answer = await verdictOf(entry.kind, entry.method, response);
  // A row that does not exist is "not found" to an allowed user as well; only the log tells a refusal.
  const verdict = allowed && probe.absent && answer.verdict === "refused" ? "allowed" : answer.verdict;
  const detail = answer.detail;
  const events = who ? eventsSince(w.userId[who], since) : [];
  const name = `${entry.method} ${entry.name} as ${cell}`;
  const problems: string[] = [];
  const expected = allowed ? "allowed" : cell === "signedOut" ? "signIn" : "refused";
  if (verdict !== expected) problems.push(`${name}: expected ${expected}, got ${verdict} (${detail})`);
  if (checkUnchanged && snapshot(w) !== before) problems.push(`${name}: the database changed`);
  if (allowed && events.length > 0) problems.push(`${name}: allowed, yet logged ${JSON.stringify(events)}`);
  if (!allowed && who) {
    const named = events.filter((e) => e.route === entry.name && e.target === probe.target);
    if (events.length !== 1 || named.length !== 1) problems.push(`${name}: expected one event naming ${entry.name} / ${probe.target}, got ${JSON.stringify(events)}`);
  }
  return problems;
}

/** Every forbidden cell first (the database must not move), then every allowed one; the lanes run side by side. */
async function runMatrix(w: World, entries: readonly PolicyEntry[]): Promise<{ problems: string[]; forbidden: number; allowed: number }> {
  const problems: string[] = [];
  const counts = { forbidden: 0, allowed: 0 };
  for (const phase of ["forbidden", "allowed"] as const) {
    await Promise.all(
      LANES.map(async (lane) => {
        for (const entry of entries) {
          for (const cell of lane) {
            if (allows(entry, cell) !== (phase === "allowed")) continue;
            counts[phase] += 1;
            problems.push(...(await tryCell(w, entry, cell, phase === "forbidden")));
          }
        }
      }),
    );
  }
  return { problems, ...counts };
}

const ofKind = (...kinds: EntryKind[]) => ACCESS_POLICY.filter((e) => kinds.includes(e.kind));

test("the table names every server action of the build, and every row has a probe", () => {
  const inBuild = Object.keys(serverActionIds()).sort();
  expect(inBuild).toEqual(ofKind("action").map((e) => e.name).sort());
  expect(ACCESS_POLICY.filter((e) => !PROBES[`${e.method} ${e.name}`]).map((e) => e.name)).toEqual([]);
});

for (const [title, kinds] of [
  ["pages", ["page"]],
  ["route handlers and files", ["route", "file"]],
  ["server actions, with other users' cookies and other provinces' ids", ["action"]],
] as const) {
  test(`the matrix of ${title}`, async () => {
    test.setTimeout(120_000);
    const entries = ofKind(...kinds);
    const { problems, forbidden, allowed } = await runMatrix(world, entries);
    expect(problems).toEqual([]);
    // Every entry was tried in every cell.
    expect(forbidden + allowed).toBe(entries.length * CELLS.length);
  });
}

test("revoking another user's token with its id is refused as not found, changes nothing and is logged once", async () => {
  const since = lastEventId();
  const before = snapshot(world);
  const response = await callAction(world.api.provincialReviewer, world, "revokeApiTokenAction", "/settings/tokens", { id: world.records.tokenId });
  expect((await actionOutcome(response)).outcome).toBe("notFound");
  expect(snapshot(world)).toBe(before);
  expect(eventsSince(world.userId.provincialReviewer, since)).toEqual([{ route: "revokeApiTokenAction", target: world.records.tokenId, reason: "not_yours", method: "POST" }]);
});

test("a form opened by a staff member and sent with a reviewer's cookie of the same province, or with another province's id, is refused and logged once", async ({ browser, baseURL }) => {
  const { centreA } = world.records;
  const context = await browser.newContext({ baseURL, storageState: await world.api.staff.storageState() });
  const page = await context.newPage();
  const form = page.getByRole("main").locator("form");
  // A role that may not edit is refused as such; another province's centre is answered as not found.
  const submit = async (message: string) => {
    await field(form, zh.centres.name).fill(`越权改名 ${Date.now()}`);
    await form.getByRole("button", { name: zh.common.save }).click();
    await expect(form.getByRole("alert")).toHaveText(message);
  };

  // Another user's session cookie in place of the staff member's.
  await page.goto(`/centres/${centreA[OWN]}/edit`);
  await expect(field(form, zh.centres.name)).toBeVisible();
  let since = lastEventId();
  let before = snapshot(world);
  await context.clearCookies();
  await context.addCookies((await world.api.provincialReviewer.storageState()).cookies);
  await submit(zh.errors.forbidden);
  expect(snapshot(world)).toBe(before);
  expect(eventsSince(world.userId.provincialReviewer, since)).toEqual([{ route: "updateCentreAction", target: centreA[OWN], reason: "role_reviewer", method: "POST" }]);

  // The staff member's own cookie, with another province's centre id in the hidden field.
  await context.clearCookies();
  await context.addCookies((await world.api.staff.storageState()).cookies);
  await page.goto(`/centres/${centreA[OWN]}/edit`);
  await expect(field(form, zh.centres.name)).toBeVisible();
  await form.locator('input[name="id"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), centreA[OTHER]!);
  since = lastEventId();
  before = snapshot(world);
  await submit(zh.errors.notFound);
  expect(snapshot(world)).toBe(before);
  expect(eventsSince(world.userId.staff, since)).toEqual([{ route: "updateCentreAction", target: centreA[OTHER], reason: "row_out_of_scope", method: "POST" }]);
  await context.close();
});

test("the administrator sees the refusals on the security log, filtered by user", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, storageState: await world.api.admin.storageState() });
  const page = await context.newPage();
  await page.goto(`/admin/security?user=${world.userId.staff}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.security.title);
  const table = page.getByTestId("security-table");
  await expect(table.getByRole("row").nth(1)).toContainText("updateCentreAction");
  await expect(table.getByRole("row").nth(1)).toContainText(world.records.centreA[OTHER]!);
  await expect(table).not.toContainText("matrix-reviewer");
  await context.close();
});
