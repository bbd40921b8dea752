// `npm run test:resilience`: does an acknowledged write survive the server being killed at any moment?
// On a temporary database holding the demo data set, the production server is started as `npm start`
// starts it; concurrent clients (the staff of three provinces, with real API tokens) save drafts and
// submit updates through the REST API on centres made for the run (and now and then register a centre
// with its milestones through the API), each recording only what was answered 2xx (and the one request it
// had in flight); 0.3–3 s after the round's first acknowledged write the server's whole process group gets SIGKILL.
// It is restarted on the same database (state grows from round to round) and checked: integrity_check,
// foreign_key_check, the audit hash chain, and every acknowledged write with its values and its audit
// entry. One round kills the server while `npm run backup` is copying, one kills the backup itself; a
// half-written backup must be refused by `npm run restore`. One line per round; exit 1 on any violation.
//
// Environment: RESILIENCE_ROUNDS (default 20), RESILIENCE_CLIENTS (default 12), RESILIENCE_CENTRES
// (centres made for the run, default 1,000), RESILIENCE_SEED (random
// when unset; printed, so a run can be repeated), RESILIENCE_KEEP=1 keeps the temporary folder.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { verifyAuditChain } from "@/db/audit-chain";
import { migrateDatabase, openDatabase, type Db } from "@/db/client";
import { auditEntriesOf, centreIdsNamed, sqliteChecks, storedCentre, storedUpdate, updatesOfCentres } from "@/db/crash-check";
import { seedDemo, seedProvinces } from "@/db/seed";
import { hashPassword } from "@/lib/auth/password";
import { apiSend, centreBody, createLoadCentres, createLoadTokens, draftBody, draftFigures, openQuarter, seededRandom, type DraftFigures, type LoadCentre, type LoadStaff } from "./api-load";
import { ensureBuild, freePort, startProduction, stopGroup, waitForHealth, type ServerProcess } from "./server-process";

const ROUNDS = Number(process.env.RESILIENCE_ROUNDS ?? 20);
const CLIENTS = Number(process.env.RESILIENCE_CLIENTS ?? 12);
const SEED = Number(process.env.RESILIENCE_SEED ?? Math.floor(Math.random() * 2 ** 31));
const POOL_CENTRES = Number(process.env.RESILIENCE_CENTRES ?? 1000);
/** The share of iterations that register their centre through the API (its answer recomputes every flag). */
const API_CENTRE_SHARE = 0.1;
const NAME_PREFIX = "韧性测试中心";
const log = (message: string) => console.log(message);

// ---- what the clients were told ---------------------------------------------------------------------

interface CentreAck {
  id: string;
  name: string;
  milestoneIds: string[];
}
interface UpdateAcks {
  centreId: string;
  milestoneIds: string[];
  /** Acknowledged saves by the version they produced. */
  saves: Map<number, DraftFigures>;
  /** The version an acknowledged submit produced. */
  submitted?: number;
}
/** The request a client had in flight when the server died: it may or may not have committed. */
type InFlight = { kind: "centre"; name: string } | { kind: "save"; updateKey: string; fromVersion: number; figures: DraftFigures } | { kind: "submit"; updateKey: string; fromVersion: number };

class Ledger {
  centres = new Map<string, CentreAck>();
  /** By update id. */
  updates = new Map<string, UpdateAcks>();
  /** By update id: what was in flight at the last kill. */
  inFlight = new Map<string, InFlight>();
  acknowledged = 0;
}

// ---- the clients ------------------------------------------------------------------------------------

interface RoundLoad {
  /** Called on every acknowledged write. */
  acked: () => void;
  acks: { centres: number; saves: number; submits: number };
  unexpected: string[];
}

/** One client: registers a centre, saves 1–3 drafts, submits, again, until the server stops answering. */
async function client(base: string, staff: LoadStaff, pool: LoadCentre[], period: string, ledger: Ledger, random: () => number, tag: string, load: RoundLoad, stopped: () => boolean): Promise<void> {
  let n = 0;
  while (!stopped()) {
    n++;
    const name = `${NAME_PREFIX} ${tag}-${n}`;
    let inFlight: InFlight = { kind: "centre", name };
    try {
      // Mostly a centre made for the run; sometimes one registered through the API with its milestones.
      let centre = random() < API_CENTRE_SHARE ? undefined : pool.shift();
      if (!centre) {
        const created = await apiSend(base, staff.token, "POST", "/api/v1/centres", centreBody(staff, name));
        if (created.status !== 201) return void load.unexpected.push(`POST /api/v1/centres answered ${created.status}: ${JSON.stringify(created.json)}`);
        const answer = created.json as { id: string; milestones: { id: string }[] };
        centre = { staff, id: answer.id, milestoneIds: answer.milestones.map((m) => m.id) };
        ledger.centres.set(centre.id, { id: centre.id, name, milestoneIds: centre.milestoneIds });
        ledger.acknowledged++;
        load.acks.centres++;
        load.acked();
      }
      const { milestoneIds } = centre;

      const url = `/api/v1/centres/${centre.id}/updates/${period}`;
      let version = 0;
      let updateId: string | undefined;
      const saves = 1 + Math.floor(random() * 3);
      for (let s = 0; s < saves && !stopped(); s++) {
        const figures = draftFigures(random, `${tag}-${n}-${s}`);
        inFlight = { kind: "save", updateKey: updateId ?? `new:${centre.id}`, fromVersion: version, figures };
        const saved = await apiSend(base, staff.token, "PUT", url, draftBody(milestoneIds, version, figures));
        if (saved.status !== 200) return void load.unexpected.push(`PUT ${url} (version ${version}) answered ${saved.status}: ${JSON.stringify(saved.json)}`);
        const answer = saved.json as { id: string; version: number; status: string };
        if (answer.version !== version + 1 || answer.status !== "draft") return void load.unexpected.push(`PUT ${url} answered ${JSON.stringify(answer)} for version ${version}`);
        updateId = answer.id;
        version = answer.version;
        const acks = ledger.updates.get(updateId) ?? { centreId: centre.id, milestoneIds, saves: new Map() };
        acks.saves.set(version, figures);
        ledger.updates.set(updateId, acks);
        ledger.acknowledged++;
        load.acks.saves++;
        load.acked();
      }
      if (updateId === undefined || stopped()) continue;
      inFlight = { kind: "submit", updateKey: updateId, fromVersion: version };
      const submitted = await apiSend(base, staff.token, "POST", `${url}/submit`, { version });
      if (submitted.status !== 200) return void load.unexpected.push(`POST ${url}/submit (version ${version}) answered ${submitted.status}: ${JSON.stringify(submitted.json)}`);
      const answer = submitted.json as { version: number; status: string };
      if (answer.status !== "submitted" || answer.version !== version + 1) return void load.unexpected.push(`POST ${url}/submit answered ${JSON.stringify(answer)} for version ${version}`);
      ledger.updates.get(updateId)!.submitted = answer.version;
      ledger.acknowledged++;
      load.acks.submits++;
      load.acked();
    } catch {
      // The server is gone (connection refused or reset): whatever was in flight may or may not have committed.
      if (inFlight.kind === "centre") ledger.inFlight.set(`centre:${inFlight.name}`, inFlight);
      else ledger.inFlight.set(inFlight.updateKey, inFlight);
      return;
    }
  }
}

// ---- the checks after a restart ---------------------------------------------------------------------

const sameFigures = (figures: DraftFigures, milestoneIds: readonly string[], stored: { investmentExecutedYuan: number | null; resultsProduced: number | null; convertedSelf: number | null; narrative: string | null }, progress?: Record<string, number>) =>
  stored.investmentExecutedYuan === figures.investmentExecutedYuan &&
  stored.resultsProduced === figures.resultsProduced &&
  stored.convertedSelf === figures.convertedSelf &&
  stored.narrative === figures.narrative &&
  (progress === undefined || milestoneIds.every((id, i) => progress[id] === figures.progress[i]));

/** Every violation found; empty when the database kept everything it acknowledged. */
function check(db: Db, ledger: Ledger): { violations: string[]; auditEntries: number } {
  const violations: string[] = [];
  const { integrity, foreignKeyProblems } = sqliteChecks(db);
  if (integrity !== "ok") violations.push(`integrity_check: ${integrity}`);
  for (const problem of foreignKeyProblems) violations.push(`foreign_key_check: ${problem}`);
  const chain = verifyAuditChain(db);
  if (!chain.ok) violations.push(`audit chain broken: ${JSON.stringify(chain)}`);

  for (const centre of ledger.centres.values()) {
    const stored = storedCentre(db, centre.id);
    if (!stored) {
      violations.push(`acknowledged centre ${centre.id} (${centre.name}) is missing`);
      continue;
    }
    if (stored.name !== centre.name) violations.push(`centre ${centre.id}: name ${stored.name}, acknowledged ${centre.name}`);
    for (const id of centre.milestoneIds) if (!stored.milestoneIds.includes(id)) violations.push(`centre ${centre.id}: acknowledged milestone ${id} is missing`);
    if (!auditEntriesOf(db, "centre", centre.id).some((e) => e.action === "create")) violations.push(`centre ${centre.id}: no audit entry for its creation`);
    for (const id of centre.milestoneIds) if (!auditEntriesOf(db, "milestone", id).some((e) => e.action === "create")) violations.push(`milestone ${id}: no audit entry for its creation`);
  }

  for (const [id, acks] of ledger.updates) {
    const stored = storedUpdate(db, id);
    const lastSave = Math.max(...acks.saves.keys());
    const acked = acks.submitted ?? lastSave;
    if (!stored) {
      violations.push(`acknowledged update ${id} (version ${acked}) is missing`);
      continue;
    }
    const pending = ledger.inFlight.get(id);
    if (stored.version === acked) {
      if (acks.submitted !== undefined ? stored.status !== "submitted" : stored.status !== "draft") violations.push(`update ${id} version ${acked}: status ${stored.status}`);
      if (!sameFigures(acks.saves.get(lastSave)!, acks.milestoneIds, stored, stored.progress)) violations.push(`update ${id} version ${acked}: stored figures differ from the acknowledged ones`);
    } else if (pending && pending.kind !== "centre" && stored.version === pending.fromVersion + 1 && pending.fromVersion === acked) {
      // The request in flight committed but its answer never arrived.
      const ok = pending.kind === "submit" ? stored.status === "submitted" : stored.status === "draft" && sameFigures(pending.figures, acks.milestoneIds, stored, stored.progress);
      if (!ok) violations.push(`update ${id} version ${stored.version}: neither the acknowledged state nor the request in flight`);
      // From now on it is the state to keep, as if its answer had arrived.
      else if (pending.kind === "submit") acks.submitted = stored.version;
      else acks.saves.set(stored.version, pending.figures);
    } else {
      violations.push(`update ${id}: stored version ${stored.version}, acknowledged ${acked}${pending ? `, in flight from ${pending.kind === "centre" ? "?" : pending.fromVersion}` : ""}`);
    }
    // Every acknowledged save has its audit entry with the acknowledged figures (the k-th save made version k).
    const entries = auditEntriesOf(db, "update", id);
    const saveEntries = entries.filter((e) => e.action === "create" || e.action === "update");
    for (const [version, figures] of acks.saves) {
      const after = saveEntries[version - 1]?.after as { investmentExecutedYuan: number | null; resultsProduced: number | null; convertedSelf: number | null; narrative: string | null } | undefined;
      if (!after || !sameFigures(figures, acks.milestoneIds, after)) violations.push(`update ${id}: no audit entry with the figures of acknowledged version ${version}`);
    }
    if (acks.submitted !== undefined && !entries.some((e) => e.action === "submit")) violations.push(`update ${id}: acknowledged submit has no audit entry`);
  }

  // Acknowledged or not, every update the run wrote has exactly one audit entry per saved version.
  for (const row of updatesOfCentres(db, centreIdsNamed(db, NAME_PREFIX))) {
    const entries = auditEntriesOf(db, "update", row.id);
    const saves = entries.filter((e) => e.action === "create" || e.action === "update").length;
    if (saves !== row.version) violations.push(`update ${row.id}: version ${row.version} but ${saves} save entries in the audit log`);
    if ((row.status === "submitted") !== entries.some((e) => e.action === "submit")) violations.push(`update ${row.id}: status ${row.status} and its submit entries disagree`);
  }
  return { violations, auditEntries: chain.count };
}

// ---- backups ----------------------------------------------------------------------------------------

function spawnScript(script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", path.join("scripts", script), ...args], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
}

async function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const [code] = (await once(child, "exit")) as [number | null];
  return code;
}

/** Waits until `file` exists (the backup's VACUUM INTO has begun writing), or the process ended. */
async function whenExists(file: string, child: ChildProcess): Promise<boolean> {
  while (!fs.existsSync(file)) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    await sleep(2);
  }
  return true;
}

/**
 * `npm run restore` of `dir` into a scratch location (never the live database): a backup with its
 * manifest must be accepted and restore a sound database; one without must be refused, writing nothing.
 */
function checkRestore(dir: string, scratch: string, baseEnv: NodeJS.ProcessEnv): { complete: boolean; violations: string[] } {
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  const target = path.join(scratch, "tracker.db");
  const env = { ...baseEnv, DATABASE_PATH: target, EVIDENCE_PATH: path.join(scratch, "evidence") };
  const result = spawnSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", path.join("scripts", "restore.ts"), "--from", dir], { env, encoding: "utf8" });
  const complete = fs.existsSync(path.join(dir, "manifest.json"));
  const violations: string[] = [];
  if (complete) {
    if (result.status !== 0) violations.push(`restore refused a complete backup ${dir}: ${result.stderr.trim()}`);
    else {
      const db = openDatabase(target);
      try {
        const { integrity } = sqliteChecks(db);
        if (integrity !== "ok") violations.push(`restored backup fails integrity_check: ${integrity}`);
        if (!verifyAuditChain(db).ok) violations.push("restored backup's audit chain does not verify");
      } finally {
        db.$client.close();
      }
    }
  } else {
    if (result.status === 0) violations.push(`restore accepted the half-written backup ${dir}`);
    if (!/restore refused/.test(result.stderr)) violations.push(`restore of the half-written backup ${dir} did not say it refused: ${result.stderr.trim()}`);
    if (fs.existsSync(target)) violations.push(`refused restore of ${dir} still wrote ${target}`);
  }
  return { complete, violations };
}

// ---- the rounds -------------------------------------------------------------------------------------

type RoundKind = "plain" | "kill-during-backup" | "kill-backup";

async function main(): Promise<void> {
  if (!Number.isInteger(ROUNDS) || ROUNDS < 3 || !Number.isInteger(CLIENTS) || CLIENTS < 1) throw new Error("RESILIENCE_ROUNDS must be a whole number ≥ 3 and RESILIENCE_CLIENTS ≥ 1");
  const started = performance.now();
  const random = seededRandom(SEED);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-resilience-"));
  const file = path.join(dir, "tracker.db");
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_PATH: file,
    EVIDENCE_PATH: path.join(dir, "evidence"),
    SEED_DEMO: "1",
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    NEXTAUTH_URL: base,
    PORT: String(port),
  };
  delete env.REMINDERS_INTERVAL; // no reminders job inside the server: only the clients write
  let server: ServerProcess | undefined;
  const children = new Set<ChildProcess>();
  const cleanUp = async () => {
    if (server) await stopGroup(server, "SIGKILL").catch(() => {});
    for (const child of children) if (child.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
    if (process.env.RESILIENCE_KEEP === "1") log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = () => void cleanUp().finally(() => process.exit(130));
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);

  const violations: string[] = [];
  try {
    await ensureBuild(env, log);
    log(`resilience: seed ${SEED}, ${ROUNDS} rounds, ${CLIENTS} clients, database ${file}`);
    let staff: LoadStaff[];
    let pools: Map<string, LoadCentre[]>;
    {
      const db = openDatabase(file);
      migrateDatabase(db);
      seedProvinces(db);
      await seedDemo(db, hashPassword);
      staff = createLoadTokens(db, "resilience");
      pools = new Map(staff.map((s) => [s.provinceCode, [] as LoadCentre[]]));
      for (const centre of createLoadCentres(db, staff, POOL_CENTRES, `${NAME_PREFIX} pool`)) pools.get(centre.staff.provinceCode)!.push(centre);
      db.$client.close();
    }
    log(`set up in ${((performance.now() - started) / 1000).toFixed(1)} s (demo data, ${POOL_CENTRES} centres for the run, ${staff.length} API tokens)`);
    const period = openQuarter();
    const ledger = new Ledger();
    // The two backup rounds come late, when the database has grown.
    const kinds: RoundKind[] = Array.from({ length: ROUNDS }, (_, i) => (i === ROUNDS - 2 ? "kill-during-backup" : i === ROUNDS - 1 ? "kill-backup" : "plain"));
    const restarts: number[] = [];
    let partialBackups = 0;

    for (let round = 1; round <= ROUNDS; round++) {
      const kind = kinds[round - 1]!;
      const roundViolations: string[] = [];
      const t0 = performance.now();
      server = startProduction(env);
      await waitForHealth(base, server);
      const restartMs = performance.now() - t0;
      restarts.push(restartMs);

      // What the previous crash left must all be there, read by a fresh connection beside the restarted server.
      const db = openDatabase(file);
      let checked;
      try {
        checked = check(db, ledger);
      } finally {
        db.$client.close();
      }
      roundViolations.push(...checked.violations);
      ledger.inFlight.clear();

      let firstAck: () => void = () => {};
      const writing = new Promise<void>((resolve) => (firstAck = resolve));
      const load: RoundLoad = { acked: () => firstAck(), acks: { centres: 0, saves: 0, submits: 0 }, unexpected: [] };
      let stopped = false;
      const clients = Array.from({ length: CLIENTS }, (_, c) => client(base, staff[c % staff.length]!, pools.get(staff[c % staff.length]!.provinceCode)!, period, ledger, random, `r${round}c${c}`, load, () => stopped));
      const killAfterMs = 300 + Math.floor(random() * 2700);
      // The first requests after a start load the routes' code; the kill's moment counts from the first
      // acknowledged write, so every round kills a server that is busy writing.
      await Promise.race([writing, sleep(20_000)]);
      const loadStarted = performance.now();
      let note = "";
      let backupDir: string | undefined;
      let killedAt: number | undefined;
      const kill = async () => {
        stopped = true;
        killedAt ??= (performance.now() - loadStarted) / 1000;
        await stopGroup(server!, "SIGKILL");
      };

      // Every third round, two more writers in processes of their own (as cron would run them): the
      // reminders job and a token created with the CLI (an audit entry chained beside the server's).
      const others =
        round % 3 === 0
          ? [
              ["reminders.ts", []],
              ["token-create.ts", ["--email", "staff.zj@demo.gov.cn", "--name", `resilience round ${round}`]],
            ].map(([script, args]) => {
              const child = spawnScript(script as string, args as string[], env);
              let stderr = "";
              child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
              return { script: script as string, done: exitCode(child).then((code) => ({ code, stderr })) };
            })
          : [];

      if (kind === "plain") {
        await sleep(killAfterMs);
      } else {
        await sleep(Math.min(killAfterMs, 500)); // let the load get going first
        const out = path.join(dir, "backups", `round-${round}`);
        const backup = spawnScript("backup.ts", ["--out", out], env);
        children.add(backup);
        let stderr = "";
        backup.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
        const copying = await whenExists(path.join(out, "tracker.db"), backup);
        if (kind === "kill-during-backup") {
          if (!copying) roundViolations.push(`backup ended before copying: ${stderr.trim()}`);
          await sleep(Math.floor(random() * 20));
          note = ` while the backup was copying`;
        } else {
          await sleep(Math.floor(random() * 10));
          if (backup.pid) process.kill(-backup.pid, "SIGKILL");
          await exitCode(backup);
        }
        if (kind === "kill-during-backup") {
          await kill();
          const code = await exitCode(backup);
          note += `; backup exit ${code}`;
        }
        children.delete(backup);
        backupDir = out;
        const remaining = killAfterMs - (performance.now() - loadStarted);
        if (remaining > 0) await sleep(remaining);
      }
      await kill();
      await Promise.all(clients);
      for (const other of others) {
        const { code, stderr } = await other.done;
        if (code !== 0) roundViolations.push(`${other.script} beside the server exited ${code}: ${stderr.trim()}`);
      }
      if (backupDir !== undefined) {
        // Checked once the server is down and the clients have stopped, so it never stalls the load.
        const restore = checkRestore(backupDir, path.join(dir, "scratch"), env);
        roundViolations.push(...restore.violations);
        if (kind === "kill-backup") {
          note += `; backup killed while copying: ${restore.complete ? "it had finished (manifest written), restore accepted it" : "half-written, restore refused it"}`;
          if (!restore.complete) partialBackups++;
        } else note += restore.complete ? ", restore accepted it" : ", half-written, restore refused it";
      }
      if (others.length > 0) note += `; ${others.map((o) => o.script.replace(".ts", "")).join(" and ")} ran beside it`;
      roundViolations.push(...load.unexpected.map((u) => `unexpected answer: ${u}`));

      const acked = load.acks.centres + load.acks.saves + load.acks.submits;
      log(
        `round ${String(round).padStart(2)}/${ROUNDS} ${kind.padEnd(18)} restart ${(restartMs / 1000).toFixed(1)} s; previous crash: ${checked.violations.length === 0 ? "ok" : `${checked.violations.length} violations`} ` +
          `(${ledger.acknowledged - acked} acknowledged writes, ${checked.auditEntries} audit entries); killed after ${killedAt!.toFixed(2)} s${note}: ` +
          `${acked} writes acknowledged (${load.acks.centres} centres, ${load.acks.saves} drafts, ${load.acks.submits} submissions), ${ledger.inFlight.size} in flight`,
      );
      for (const v of roundViolations) log(`  VIOLATION round ${round}: ${v}`);
      violations.push(...roundViolations.map((v) => `round ${round}: ${v}`));
    }

    // The last crash is checked by one more restart.
    const t0 = performance.now();
    server = startProduction(env);
    await waitForHealth(base, server);
    restarts.push(performance.now() - t0);
    const db = openDatabase(file);
    let last;
    try {
      last = check(db, ledger);
    } finally {
      db.$client.close();
    }
    await stopGroup(server, "SIGTERM");
    server = undefined;
    for (const v of last.violations) log(`  VIOLATION after the last round: ${v}`);
    violations.push(...last.violations.map((v) => `after the last round: ${v}`));
    if (partialBackups === 0) log("note: the killed backup had always finished already; no half-written backup was produced this run");

    const sorted = [...restarts].sort((a, b) => a - b);
    log(
      `resilience: ${ROUNDS} kills, ${ledger.acknowledged} acknowledged writes (${ledger.centres.size} centres, ${ledger.updates.size} updates) all present with their audit entries` +
        `${violations.length === 0 ? "" : " EXCEPT AS LISTED"}; ${last.auditEntries} audit entries, chain ${last.violations.some((v) => v.startsWith("audit chain")) ? "BROKEN" : "ok"}; ` +
        `restart median ${(sorted[Math.floor(sorted.length / 2)]! / 1000).toFixed(1)} s; total ${((performance.now() - started) / 1000).toFixed(0)} s; seed ${SEED}; ${violations.length} violations`,
    );
  } finally {
    await cleanUp();
  }
  if (violations.length > 0) {
    console.error(`resilience FAILED: ${violations.length} violations (seed ${SEED})`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
