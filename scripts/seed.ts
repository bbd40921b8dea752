// `npm run db:seed`: (re)loads the demo data set; records that exist already are left as they are.
// `npm run db:seed -- --scale N [--seed S]`: also adds N synthetic centres (db/seed/scale.ts) for load
// tests, printing progress to stderr. A seed can be loaded once per database.
import { parseArgs } from "node:util";
import { getDb, migrateDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { seedScale, type ScaleProgress } from "@/db/seed/scale";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";

function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, not "${value}"`);
  return n;
}

/** One line every 10% or every 1,000 centres, whichever comes first, and at the end. */
function progressPrinter(total: number) {
  const step = Math.min(1000, Math.max(1, Math.ceil(total / 10)));
  let nextAt = step;
  return ({ centresDone, rows, elapsedMs }: ScaleProgress) => {
    if (centresDone < nextAt && centresDone < total) return;
    while (nextAt <= centresDone) nextAt += step;
    const pct = ((centresDone / total) * 100).toFixed(0).padStart(3);
    console.error(`  ${pct}%  ${centresDone}/${total} centres, ${rows} rows, ${(elapsedMs / 1000).toFixed(1)} s`);
  };
}

async function main() {
  const { values } = parseArgs({ options: { scale: { type: "string" }, seed: { type: "string" } } });
  const scale = positiveInteger(values.scale, "--scale");
  const seed = positiveInteger(values.seed, "--seed");
  if (seed !== undefined && scale === undefined) throw new Error("--seed only applies with --scale N");

  const db = getDb();
  migrateDatabase(db);
  await seedDemo(db, hashPassword);
  console.log(`Demo data set present in ${env.DATABASE_PATH}.`);
  if (scale === undefined) return;

  console.error(`Adding ${scale} synthetic centres (20 milestones each) to ${env.DATABASE_PATH}…`);
  const result = seedScale(db, { centres: scale, seed, onProgress: progressPrinter(scale) });
  console.log(
    `Synthetic data set added in ${(result.elapsedMs / 1000).toFixed(1)} s: ${result.centres} centres, ${result.milestones} milestones, ` +
      `${result.updates} approved updates (${result.updateMilestones} milestone figures), ${result.targets} targets, ${result.centreTargets} centre–target links (${result.rows} rows).`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
