// Issue 8's figures for `npm run bench`: update submissions accepted per second through the REST API
// under concurrent clients (default 20), against plain `/api/health` requests measured in the same run
// by the same clients, on the production server started as `npm start` starts it (a temporary copy of
// the demo data set, SQLite in WAL mode with synchronous=FULL, so every commit waits for fsync). One
// submission is two real writes by a staff token on a centre of its province: PUT the draft (version 0),
// then POST …/submit; each centre and period is used once, so every write is accepted. Latencies are per
// request. Environment: BENCH_API_CLIENTS (20), BENCH_API_SUBMISSIONS (600), BENCH_API_HEALTH (3000).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { migrateDatabase, openDatabase } from "@/db/client";
import { seedDemo, seedProvinces } from "@/db/seed";
import { hashPassword } from "@/lib/auth/password";
import { apiSend, createLoadCentres, createLoadTokens, draftBody, draftFigures, openQuarter, seededRandom, type LoadCentre, type LoadStaff } from "./api-load";
import type { Report } from "./bench-engine";
import { ensureBuild, freePort, startProduction, stopGroup, waitForHealth, type ServerProcess } from "./server-process";

const log = (message: string) => console.error(`[bench-api] ${message}`);

/** The q-quantile of the values (nearest rank). */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Runs `clients` loops that take work until none is left; each request's latency in ms, and the wall time. */
async function drive<T>(clients: number, work: T[], run: (item: T, time: (request: () => Promise<void>) => Promise<void>) => Promise<void>): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const time = async (request: () => Promise<void>) => {
    const start = performance.now();
    await request();
    latencies.push(performance.now() - start);
  };
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < work.length) await run(work[next++]!, time);
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

export async function benchApi(report: Report, clients: number, submissions: number, healthRequests: number): Promise<void> {
  if (![clients, submissions, healthRequests].every((n) => Number.isInteger(n) && n >= 1)) throw new Error("BENCH_API_CLIENTS, BENCH_API_SUBMISSIONS and BENCH_API_HEALTH must be whole numbers ≥ 1");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-bench-api-"));
  const file = path.join(dir, "tracker.db");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: file, EVIDENCE_PATH: path.join(dir, "evidence"), SEED_DEMO: "1", NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), NEXTAUTH_URL: base, PORT: String(port) };
  delete env.REMINDERS_INTERVAL;
  let server: ServerProcess | undefined;
  try {
    await ensureBuild(env, log);
    const warmUp = clients;
    log(`seeding the demo data set and ${submissions + warmUp} centres to report on…`);
    let staff: LoadStaff[];
    let jobs: LoadCentre[];
    {
      const db = openDatabase(file);
      migrateDatabase(db);
      seedProvinces(db);
      await seedDemo(db, hashPassword);
      staff = createLoadTokens(db, "bench-api");
      jobs = createLoadCentres(db, staff, submissions + warmUp, "接口基准中心");
      const synchronous = db.$client.pragma("synchronous", { simple: true });
      if (synchronous !== 2) throw new Error(`synchronous is ${synchronous}, not FULL (2)`);
      db.$client.close();
    }
    server = startProduction(env);
    await waitForHealth(base, server);
    log(`the server answers on ${base}; ${clients} clients`);

    const period = openQuarter();
    const random = seededRandom(8);
    const submit = async (job: LoadCentre, time: (request: () => Promise<void>) => Promise<void>) => {
      const url = `/api/v1/centres/${job.id}/updates/${period}`;
      await time(async () => {
        const saved = await apiSend(base, job.staff.token, "PUT", url, draftBody(job.milestoneIds, 0, draftFigures(random, job.id)));
        if (saved.status !== 200) throw new Error(`PUT ${url} answered ${saved.status}: ${JSON.stringify(saved.json)}`);
      });
      await time(async () => {
        const submitted = await apiSend(base, job.staff.token, "POST", `${url}/submit`, { version: 1 });
        if (submitted.status !== 200) throw new Error(`POST ${url}/submit answered ${submitted.status}: ${JSON.stringify(submitted.json)}`);
      });
    };
    const health = async (_: number, time: (request: () => Promise<void>) => Promise<void>) =>
      time(async () => {
        const res = await fetch(`${base}/api/health`);
        await res.text();
        if (res.status !== 200) throw new Error(`/api/health answered ${res.status}`);
      });

    // Warm up both routes (code loaded, statements prepared), then measure each in turn.
    await drive(clients, Array.from({ length: clients * 5 }, (_, i) => i), health);
    await drive(clients, jobs.slice(0, warmUp), submit);
    log(`timing ${healthRequests} health requests, then ${submissions} submissions (${submissions * 2} writes)…`);
    const baseline = await drive(clients, Array.from({ length: healthRequests }, (_, i) => i), health);
    const writes = await drive(clients, jobs.slice(warmUp), submit);

    const healthRps = healthRequests / baseline.seconds;
    const submissionsPerS = submissions / writes.seconds;
    report("api_clients", clients, "clients", 0);
    report("api_health_rps", healthRps, "req/s");
    report("api_health_p50_ms", quantile(baseline.latencies, 0.5), "ms", 1);
    report("api_health_p99_ms", quantile(baseline.latencies, 0.99), "ms", 1);
    report("api_submissions_per_s", submissionsPerS, "submissions/s");
    report("api_update_writes_rps", (submissions * 2) / writes.seconds, "req/s");
    report("api_update_write_p50_ms", quantile(writes.latencies, 0.5), "ms", 1);
    report("api_update_write_p99_ms", quantile(writes.latencies, 0.99), "ms", 1);
    report("api_writes_over_health_rps", (submissions * 2) / writes.seconds / healthRps, "x", 3);
    report("api_submissions_over_health_rps", submissionsPerS / healthRps, "x", 3);
  } finally {
    if (server) await stopGroup(server, "SIGTERM").catch(() => stopGroup(server!, "SIGKILL"));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const report: Report = (name, value, unit, digits = 1) => console.log(`BENCH ${name} ${value.toFixed(digits)} ${unit}`);
  benchApi(report, Number(process.env.BENCH_API_CLIENTS ?? 20), Number(process.env.BENCH_API_SUBMISSIONS ?? 600), Number(process.env.BENCH_API_HEALTH ?? 3000)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
