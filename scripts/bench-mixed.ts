// Issue 15's figures for `npm run bench`, on the production server started as `npm start` starts it,
// over the synthetic data set (default 10,000 centres) plus the demo accounts:
// - mixed_load: 8 reader clients (overview, a province and a centre page as the national reviewer, the
//   API province list by token) and an /api/health sampler, for BENCH_MIXED_SECONDS (default 60) without
//   writers, then as long with 4 writer clients (draft saves, and an approval every 5 s, each in its
//   province, by API tokens). Printed: read and health p50/p99 with writers, each as a ratio to the same
//   run without; freshness, from an approval's 200 until the API shows the approved centre's figure.
//   Goals: read p99 ratio ≤ 2, health p99 ≤ 100 ms, freshness p99 ≤ 2 s.
// - asof_storm: one staff token asking 20 past days (the closes the picker offers and other days) in a
//   loop for BENCH_ASOF_SECONDS (default 20) while /api/health is sampled. Goal: health p99 ≤ 100 ms.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { createApiToken } from "@/db/api-tokens";
import { listCentresOfProvince } from "@/db/centres";
import { seedDemo } from "@/db/seed";
import { seedScale } from "@/db/seed/scale";
import { createTestDb } from "@/db/test-db";
import { findCredentialsByEmail } from "@/db/users";
import { hashPassword } from "@/lib/auth/password";
import { asOfChoices } from "@/lib/domain/as-of";
import { addDays } from "@/lib/domain/periods";
import { chinaToday } from "@/lib/domain/china-time";
import { apiSend, createLoadCentres, createLoadTokens, draftBody, draftFigures, openQuarter, seededRandom, type LoadCentre } from "./api-load";
import { quantile } from "./bench-api";
import type { Report } from "./bench-engine";
import { signIn } from "./bench-pages";
import { ensureBuild, freePort, startProduction, stopGroup, waitForHealth, type ServerProcess } from "./server-process";

const log = (message: string) => console.error(`[bench-mixed] ${message}`);
const READERS = 8;
const WRITERS = 4;
// An approval every 5 s per writer (2,880 an hour from four): far above real use (10,000 centres report
// once a quarter), and each one makes the worker rebuild the writer's province.
const APPROVAL_EVERY_MS = 5000;
const FRESHNESS_GIVE_UP_MS = 10_000;

interface Clock {
  running: () => boolean;
}
const until = (ms: number): Clock => {
  const end = performance.now() + ms;
  return { running: () => performance.now() < end };
};

async function timed(run: () => Promise<Response>, into: number[]): Promise<Response> {
  const start = performance.now();
  const res = await run();
  await res.arrayBuffer();
  into.push(performance.now() - start);
  return res;
}

/** /api/health every 20 ms until the clock stops; each answer's latency. */
async function sampleHealth(base: string, clock: Clock): Promise<number[]> {
  const latencies: number[] = [];
  while (clock.running()) {
    const res = await timed(() => fetch(`${base}/api/health`), latencies);
    if (res.status !== 200) throw new Error(`/api/health answered ${res.status}`);
    await sleep(20);
  }
  return latencies;
}

type Read = { path: string; cookie?: string; token?: string };

async function readers(base: string, reads: Read[], clock: Clock): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: READERS }, async (_, client) => {
      for (let i = client; clock.running(); i++) {
        const read = reads[i % reads.length]!;
        const headers: Record<string, string> = read.cookie ? { cookie: read.cookie } : { Authorization: `Bearer ${read.token}` };
        const res = await timed(() => fetch(`${base}${read.path}`, { headers, redirect: "manual" }), latencies);
        if (res.status !== 200) throw new Error(`GET ${read.path} answered ${res.status}`);
      }
    }),
  );
  return latencies;
}

/** The centre's investment executed as the API reports it: null until its first approval counts. */
const executed = async (base: string, token: string, centreId: string) => {
  const { status, json } = await apiSend(base, token, "GET", `/api/v1/centres/${centreId}`);
  if (status !== 200) throw new Error(`GET /api/v1/centres/${centreId} answered ${status}`);
  return (json as { investmentExecutedYuan: number | null }).investmentExecutedYuan;
};

/** One writer: draft saves on one centre back to back, and a fresh centre submitted and approved each second. */
async function writer(base: string, reviewerToken: string, centres: LoadCentre[], clock: Clock, freshness: number[], writes: number[]): Promise<void> {
  const period = openQuarter();
  const random = seededRandom(centres.length);
  const [draft, ...toApprove] = centres;
  const send = async (token: string, method: "PUT" | "POST", url: string, body: unknown) => {
    const start = performance.now();
    const answer = await apiSend(base, token, method, url, body);
    writes.push(performance.now() - start);
    if (answer.status !== 200) throw new Error(`${method} ${url} answered ${answer.status}: ${JSON.stringify(answer.json)}`);
    return (answer.json as { version: number }).version;
  };
  let draftVersion = 0;
  let lastApproval = -Infinity;
  while (clock.running()) {
    draftVersion = await send(draft!.staff.token, "PUT", `/api/v1/centres/${draft!.id}/updates/${period}`, draftBody(draft!.milestoneIds, draftVersion, draftFigures(random, draft!.id)));
    if (performance.now() - lastApproval < APPROVAL_EVERY_MS) continue;
    const job = toApprove.shift();
    if (!job) continue;
    lastApproval = performance.now();
    const url = `/api/v1/centres/${job.id}/updates/${period}`;
    const saved = await send(job.staff.token, "PUT", url, draftBody(job.milestoneIds, 0, draftFigures(random, job.id)));
    const submitted = await send(job.staff.token, "POST", `${url}/submit`, { version: saved });
    await send(reviewerToken, "POST", `${url}/approve`, { version: submitted, reason: "" });
    const approvedAt = performance.now();
    while ((await executed(base, reviewerToken, job.id)) === null && performance.now() - approvedAt < FRESHNESS_GIVE_UP_MS) await sleep(10);
    freshness.push(performance.now() - approvedAt);
  }
}

/** The 20 days of the storm: every close the picker offers, each followed by other past days, in turn. */
function stormDays(reportingStart: string, today: string): string[] {
  const closes = asOfChoices(reportingStart, today).map((c) => c.date);
  const others: string[] = [];
  for (let back = 1; closes.length + others.length < 20; back += 3) {
    const day = addDays(today, -back);
    if (day < reportingStart) break;
    if (!closes.includes(day)) others.push(day);
  }
  const perClose = Math.ceil(others.length / Math.max(1, closes.length));
  return closes.length === 0 ? others : closes.flatMap((close, i) => [close, ...others.slice(i * perClose, (i + 1) * perClose)]);
}

async function storm(base: string, token: string, days: string[], clock: Clock): Promise<{ ok: number[]; refused: number[] }> {
  const ok: number[] = [];
  const refused: number[] = [];
  for (let i = 0; clock.running(); i++) {
    const day = days[i % days.length]!;
    const start = performance.now();
    const { status } = await apiSend(base, token, "GET", `/api/v1/provinces?asOf=${day}`);
    if (status !== 200 && status !== 400) throw new Error(`GET /api/v1/provinces?asOf=${day} answered ${status}`);
    (status === 200 ? ok : refused).push(performance.now() - start);
  }
  return { ok, refused };
}

export async function benchMixed(report: Report, centres: number, seconds: number, stormSeconds: number): Promise<void> {
  if (![centres, seconds, stormSeconds].every((n) => Number.isFinite(n) && n >= 1)) throw new Error("BENCH_MIXED_CENTRES, BENCH_MIXED_SECONDS and BENCH_ASOF_SECONDS must be ≥ 1");
  const test = createTestDb();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const reportingStart = process.env.REPORTING_START ?? "2026-07-01";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_PATH: test.file,
    EVIDENCE_PATH: path.join(path.dirname(test.file), "evidence"),
    SEED_DEMO: "0",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: base,
    PORT: String(port),
    TWO_FACTOR_REQUIRED_ROLES: "",
  };
  delete env.REMINDERS_INTERVAL;
  let server: ServerProcess | undefined;
  try {
    await ensureBuild(env, log);
    log(`seeding the demo accounts, ${centres} synthetic centres and the writers' centres…`);
    await seedDemo(test.db, hashPassword);
    seedScale(test.db, { centres });
    const staff = createLoadTokens(test.db, "bench-mixed");
    const reviewer = findCredentialsByEmail(test.db, "reviewer@demo.gov.cn")!;
    const reviewerToken = createApiToken(test.db, { userId: reviewer.id, name: "bench-mixed", expiresOn: null }, { label: "bench-mixed" }).token;
    const perWriter = Math.ceil((seconds * 1000) / APPROVAL_EVERY_MS) + 2;
    const writerCentres = Array.from({ length: WRITERS }, (_, w) => createLoadCentres(test.db, [staff[w % staff.length]!], perWriter, `混合负载中心 ${w}`));
    const centreId = listCentresOfProvince(test.db, "440000")[0]!.id;

    server = startProduction(env);
    await waitForHealth(base, server);
    const cookie = await signIn(base);
    const reads: Read[] = [
      { path: "/overview", cookie },
      { path: "/provinces/440000", cookie },
      { path: `/centres/${centreId}`, cookie },
      { path: "/api/v1/provinces", token: reviewerToken },
    ];
    log(`the server answers on ${base}: warming up (the first pass over every province)…`);
    for (let i = 0; i < 3; i++) await readers(base, reads, until(1500));

    log(`${seconds} s of ${READERS} readers without writers…`);
    let clock = until(seconds * 1000);
    const [quietReads, quietHealth] = await Promise.all([readers(base, reads, clock), sampleHealth(base, clock)]);
    log(`${seconds} s of ${READERS} readers with ${WRITERS} writers…`);
    clock = until(seconds * 1000);
    const freshness: number[] = [];
    const writes: number[] = [];
    const [busyReads, busyHealth] = await Promise.all([
      readers(base, reads, clock),
      sampleHealth(base, clock),
      ...writerCentres.map((list) => writer(base, reviewerToken, list, clock, freshness, writes)),
    ]);
    const ratio = (busy: number[], quiet: number[], q: number) => quantile(busy, q) / quantile(quiet, q);
    report("mixed_quiet_reads", quietReads.length, "requests", 0);
    report("mixed_quiet_read_p50_ms", quantile(quietReads, 0.5), "ms", 1);
    report("mixed_quiet_read_p99_ms", quantile(quietReads, 0.99), "ms", 1);
    report("mixed_quiet_health_p99_ms", quantile(quietHealth, 0.99), "ms", 1);
    report("mixed_reads", busyReads.length, "requests", 0);
    report("mixed_read_p50_ms", quantile(busyReads, 0.5), "ms", 1);
    report("mixed_read_p99_ms", quantile(busyReads, 0.99), "ms", 1);
    report("mixed_read_p50_vs_no_writers", ratio(busyReads, quietReads, 0.5), "x", 2);
    report("mixed_read_p99_vs_no_writers", ratio(busyReads, quietReads, 0.99), "x", 2);
    report("mixed_health_p50_ms", quantile(busyHealth, 0.5), "ms", 1);
    report("mixed_health_p99_ms", quantile(busyHealth, 0.99), "ms", 1);
    report("mixed_health_p50_vs_no_writers", ratio(busyHealth, quietHealth, 0.5), "x", 2);
    report("mixed_health_p99_vs_no_writers", ratio(busyHealth, quietHealth, 0.99), "x", 2);
    report("mixed_writes", writes.length, "requests", 0);
    report("mixed_write_p99_ms", quantile(writes, 0.99), "ms", 1);
    report("mixed_approvals", freshness.length, "approvals", 0);
    report("mixed_freshness_p50_ms", quantile(freshness, 0.5), "ms", 0);
    report("mixed_freshness_p99_ms", quantile(freshness, 0.99), "ms", 0);

    const days = stormDays(reportingStart, chinaToday());
    log(`${stormSeconds} s of as-of requests over ${days.length} days (${asOfChoices(reportingStart, chinaToday()).length} of them closes)…`);
    clock = until(stormSeconds * 1000);
    const [asked, stormHealth] = await Promise.all([storm(base, staff[0]!.token, days, clock), sampleHealth(base, clock)]);
    report("asof_storm_days", days.length, "days", 0);
    report("asof_storm_closes_answered", asked.ok.length, "requests", 0);
    report("asof_storm_refused_answered", asked.refused.length, "requests", 0);
    // The first request for each close computes it (a full pass in the worker); later ones are kept.
    report("asof_storm_closes_p50_ms", quantile(asked.ok, 0.5), "ms", 1);
    report("asof_storm_closes_max_ms", Math.max(...asked.ok), "ms", 1);
    report("asof_storm_refused_p50_ms", asked.refused.length === 0 ? 0 : quantile(asked.refused, 0.5), "ms", 1);
    report("asof_storm_health_p50_ms", quantile(stormHealth, 0.5), "ms", 1);
    report("asof_storm_health_p99_ms", quantile(stormHealth, 0.99), "ms", 1);
    report("asof_storm_health_p99_vs_quiet", quantile(stormHealth, 0.99) / quantile(quietHealth, 0.99), "x", 2);
  } finally {
    if (server) await stopGroup(server, "SIGTERM").catch(() => stopGroup(server!, "SIGKILL"));
    test.close();
  }
}

if (require.main === module) {
  const report: Report = (name, value, unit, digits = 1) => console.log(`BENCH ${name} ${value.toFixed(digits)} ${unit}`);
  benchMixed(report, Number(process.env.BENCH_MIXED_CENTRES ?? 10_000), Number(process.env.BENCH_MIXED_SECONDS ?? 60), Number(process.env.BENCH_ASOF_SECONDS ?? 20)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
