// `npm start`: builds the app when the build is missing or older than the source, prepares the
// database (migrations, provinces, demo data on an empty database), then runs the production server
// (scripts/serve.ts: Next's handler behind a URL check). With REMINDERS_INTERVAL set, this process
// also runs the reminders job every that many minutes.
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { reminderJobOptions } from "@/lib/reminders/config";
import { runReminders } from "@/lib/reminders/run";
import { every } from "@/lib/reminders/schedule";
import { buildIsCurrent } from "./build-freshness";
import { prepareDatabase } from "./prepare-db";

/** NEXTAUTH_SECRET from the environment, else one generated once and kept beside the database. */
function authSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  const file = path.join(path.dirname(path.resolve(env.DATABASE_PATH)), "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

async function main() {
  const childEnv = {
    ...process.env,
    NEXTAUTH_SECRET: authSecret(),
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
  };
  if (!buildIsCurrent()) {
    console.log("Building the app (first start, or the source changed)…");
    const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: childEnv });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  await prepareDatabase();
  const server = spawn("npx", ["tsx", "scripts/serve.ts"], {
    stdio: "inherit",
    env: { ...childEnv, NODE_ENV: "production", PORT: String(env.PORT) },
  });
  const stopReminders = env.REMINDERS_INTERVAL === undefined ? undefined : scheduleReminders(env.REMINDERS_INTERVAL);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      stopReminders?.();
      server.kill(signal);
    });
  }
  server.on("exit", (code) => process.exit(code ?? 0));
}

/** The single-machine default: the same job as `npm run reminders`, in this process, on a timer. */
function scheduleReminders(minutes: number): () => void {
  console.log(`Reminders run every ${minutes} min in this process.`);
  const job = async () => {
    const result = await runReminders(getDb(), reminderJobOptions(env));
    if (result.reminders + result.sent + result.retrying + result.failed > 0) console.log(`reminders: ${JSON.stringify(result)}`);
  };
  return every(minutes * 60_000, job, (error) => console.error("reminders run failed:", error));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
