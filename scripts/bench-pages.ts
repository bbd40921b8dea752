// Issue 5's figures for `npm run bench`: pages rendered by the production server (`next start`) on the
// synthetic data set (default 10,000 centres), each timed as a full HTML GET by a signed-in national
// reviewer and set against `/api/health` measured in the same rounds. Goal: the national overview in
// under 1 s. Progress goes to stderr; the server and its temporary database are removed however it ends.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { getCalendarSetting, setCalendar } from "@/db/calendars";
import { seedDemo } from "@/db/seed";
import { seedScale } from "@/db/seed/scale";
import { createTestDb } from "@/db/test-db";
import { hashPassword } from "@/lib/auth/password";
import { previousClose } from "@/lib/domain/as-of";
import { chinaToday } from "@/lib/domain/china-time";
import { median, type Report } from "./bench-engine";
import { ensureBuild, freePort } from "./server-process";

const REVIEWER = { email: "reviewer@demo.gov.cn", password: "demo-pass-2026" };
const PROVINCE = "440000"; // 广东: the most centres in the synthetic set
const log = (message: string) => console.error(`[bench-pages] ${message}`);

interface Page {
  name: string;
  path: string;
  /** A page still being built: skipped with a note when it does not answer 200. */
  optional?: boolean;
  /** Text the real page contains, so an error page is never timed as the page. */
  marker?: string;
}

/** `next start` in its own process group, so stopping it also stops anything it spawned. */
function startServer(port: number, env: NodeJS.ProcessEnv): ChildProcess {
  const next = path.join("node_modules", "next", "dist", "bin", "next");
  const server = spawn(process.execPath, [next, "start", "-p", String(port), "-H", "127.0.0.1"], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout!.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  server.stderr!.on("data", (chunk: Buffer) => process.stderr.write(chunk));
  return server;
}

function stopServer(server: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): void {
  if (server.pid === undefined || server.exitCode !== null || server.signalCode !== null) return;
  try {
    process.kill(-server.pid, signal);
  } catch {
    // Already gone.
  }
}

async function waitForHealth(base: string, server: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited (code ${server.exitCode}) before answering`);
    const status = await fetch(`${base}/api/health`).then((r) => r.status, () => 0);
    if (status === 200) return;
    await sleep(250);
  }
  throw new Error(`/api/health did not answer 200 within ${timeoutMs / 1000} s`);
}

/** next-auth v4's credentials flow with plain fetch: csrf token and cookie, then the callback; returns the Cookie header. */
export async function signIn(base: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const cookie of res.headers.getSetCookie()) {
      const pair = cookie.split(";")[0]!;
      jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const body = new URLSearchParams({ csrfToken, ...REVIEWER, json: "true", callbackUrl: `${base}/overview` });
  const res = await fetch(`${base}/api/auth/callback/credentials`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() }, body });
  keep(res);
  if (![...jar.keys()].some((name) => name.startsWith("next-auth.session-token"))) throw new Error(`Sign-in as ${REVIEWER.email} failed: ${res.status} ${await res.text()}`);
  return header();
}

/** One full GET (headers and the whole body), in milliseconds. */
async function timedGet(base: string, page: Page, cookie: string): Promise<{ ms: number; ok: boolean; status: number }> {
  const start = performance.now();
  const res = await fetch(`${base}${page.path}`, { headers: { cookie }, redirect: "manual" });
  const body = await res.text();
  const ms = performance.now() - start;
  return { ms, status: res.status, ok: res.status === 200 && (page.marker === undefined || body.includes(page.marker)) };
}

async function measure(base: string, cookie: string, report: Report, runs: number, invalidate: () => void): Promise<void> {
  const get = async (page: Page) => {
    const result = await timedGet(base, page, cookie);
    if (!result.ok && !page.optional) throw new Error(`GET ${page.path} answered ${result.status}${result.status === 200 ? " without the page's content" : ""}`);
    return result;
  };
  const health: Page = { name: "health", path: "/api/health", marker: '"status":"ok"' };
  const overview: Page = { name: "overview_render", path: "/overview", marker: 'data-testid="province-roll-up"' };
  // First request: route code loaded and the engine computed over all data (in the worker thread).
  report("overview_cold_ms", (await get(overview)).ms, "ms", 0);
  // A write the engine depends on, from another process (this one): the page is served from the last
  // snapshot while the worker rebuilds the province (issue 15; it recomputed everything before).
  const afterWrite: number[] = [];
  for (let i = 0; i < 3; i++) {
    invalidate();
    afterWrite.push((await get(overview)).ms);
  }
  report("overview_after_write_ms", median(afterWrite), "ms", 0);

  const asOf = previousClose(chinaToday(), "quarterly");
  const candidates: Page[] = [
    { name: `province_${PROVINCE}`, path: `/provinces/${PROVINCE}` },
    { name: "reporting_discipline", path: "/reporting/discipline", optional: true },
    { name: "overview_as_of", path: `/overview?asOf=${asOf}`, optional: true, marker: overview.marker },
  ];
  const pages: Page[] = [health, overview];
  for (const page of candidates) {
    const first = await get(page);
    if (!first.ok) {
      log(`note: ${page.path} answered ${first.status}: skipped`);
      continue;
    }
    if (page.name === "overview_as_of") report("overview_as_of_cold_ms", first.ms, "ms", 0);
    pages.push(page);
  }
  for (let i = 0; i < 3; i++) for (const page of pages) await get(page); // warm up every route
  log(`timing ${runs} rounds of ${pages.map((p) => p.path).join(", ")}…`);
  const times = pages.map(() => [] as number[]);
  for (let r = 0; r < runs; r++) for (const [i, page] of pages.entries()) times[i]!.push((await get(page)).ms);
  const medians = times.map(median);
  const healthMs = medians[0]!;
  for (const [i, page] of pages.entries()) {
    report(`${page.name}_ms`, medians[i]!, "ms", 1);
    if (i > 0) report(`${page.name === "overview_render" ? "overview" : page.name}_over_health`, medians[i]! / healthMs, "x", 1);
  }
}

export async function benchPages(report: Report, centres: number, runs: number): Promise<void> {
  if (!Number.isInteger(centres) || centres < 1 || !Number.isInteger(runs) || runs < 1) throw new Error("BENCH_PAGES_CENTRES and BENCH_PAGES_RUNS must be whole numbers ≥ 1");
  const started = performance.now();
  const test = createTestDb();
  const dir = path.dirname(test.file);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_PATH: test.file,
    EVIDENCE_PATH: path.join(dir, "evidence"),
    SEED_DEMO: "0",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: base,
    PORT: String(port),
    // The national reviewer signs in with a password only, as in the e2e server: reviewers must enrol a
    // second factor by default, and a fresh clone's reviewer has none (GET /overview answered 307).
    TWO_FACTOR_REQUIRED_ROLES: "",
  };
  let server: ChildProcess | undefined;
  const cleanUp = () => {
    if (server) stopServer(server);
    test.close();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  try {
    await ensureBuild(env, log);
    log(`seeding the demo accounts and ${centres} synthetic centres…`);
    await seedDemo(test.db, hashPassword);
    report("pages_scale_seed_ms", seedScale(test.db, { centres }).elapsedMs, "ms", 0);
    server = startServer(port, env);
    const exited = once(server, "exit");
    await waitForHealth(base, server);
    log(`next start answers on ${base}`);
    const cookie = await signIn(base);
    // Saving a province's calendar unchanged: a real audited write, as the admin form makes.
    const invalidate = () => {
      const { version, cadence, dueDays, graceDays } = getCalendarSetting(test.db, PROVINCE);
      setCalendar(test.db, PROVINCE, version, { cadence, dueDays, graceDays }, { label: "bench" });
    };
    await measure(base, cookie, report, runs, invalidate);
    stopServer(server);
    const killer = setTimeout(() => stopServer(server!, "SIGKILL"), 5000);
    await exited;
    clearTimeout(killer);
    report("pages_bench_s", (performance.now() - started) / 1000, "s");
  } finally {
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
    cleanUp();
  }
}
