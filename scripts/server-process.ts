// The production server as a child process, for `npm run test:resilience` and the API benchmark: built
// when the build is stale (as `npm start` decides), started exactly as `npm start` starts it
// (scripts/start.ts: migrate, seed an empty database, scripts/serve.ts) in its own process group, so
// the whole group (tsx, npx, next) can be stopped or killed with -9 at once.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import net from "node:net";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { buildIsCurrent } from "./build-freshness";

/** Builds `.next` when it is missing or older than the source, never beside another build. */
export async function ensureBuild(env: NodeJS.ProcessEnv, log: (message: string) => void): Promise<void> {
  if (buildIsCurrent()) return;
  while (spawnSync("pgrep", ["-f", "next build"]).status === 0) {
    log("another `next build` is running: waiting for it…");
    await sleep(5000);
  }
  if (buildIsCurrent()) return;
  log("the build is missing or older than the source: running `next build`…");
  const build = spawnSync("npx", ["next", "build"], { stdio: ["ignore", process.stderr, process.stderr], env });
  if (build.status !== 0) throw new Error(`next build failed (exit ${build.status})`);
}

export async function freePort(): Promise<number> {
  const probe = net.createServer().listen(0, "127.0.0.1");
  await once(probe, "listening");
  const { port } = probe.address() as net.AddressInfo;
  probe.close();
  await once(probe, "close");
  return port;
}

export interface ServerProcess {
  child: ChildProcess;
  /** Everything the server printed, for a failure message. */
  output: () => string;
}

/** `tsx scripts/start.ts` (what `npm start` runs) in a new process group. */
export function startProduction(env: NodeJS.ProcessEnv): ServerProcess {
  const tsx = path.join("node_modules", ".bin", "tsx");
  const child = spawn(tsx, ["--conditions=react-server", path.join("scripts", "start.ts")], { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return { child, output: () => output };
}

/** True while any process of the group `pgid` is alive (zombies included, until their parent reaps them). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Sends `signal` to the server's whole process group and waits until no process of it is left. */
export async function stopGroup(server: ServerProcess, signal: NodeJS.Signals, timeoutMs = 20_000): Promise<void> {
  const pgid = server.child.pid;
  if (pgid === undefined) return;
  try {
    process.kill(-pgid, signal);
  } catch {
    return; // already gone
  }
  const deadline = performance.now() + timeoutMs;
  while (groupAlive(pgid)) {
    if (performance.now() > deadline) throw new Error(`process group ${pgid} still alive ${timeoutMs / 1000} s after ${signal}`);
    await sleep(20);
  }
}

/** Waits until `/api/health` answers 200; fails if the server exits first. */
export async function waitForHealth(base: string, server: ServerProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`the server exited (code ${server.child.exitCode}) before answering:\n${server.output()}`);
    const status = await fetch(`${base}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await sleep(100);
  }
  throw new Error(`/api/health did not answer 200 within ${timeoutMs / 1000} s:\n${server.output()}`);
}
