// Applies committed migrations, loads the provinces, and seeds the demo data set into an empty
// database unless SEED_DEMO=0. Run by `npm start` before the server starts.
import { getDb, migrateDatabase } from "@/db/client";
import { isEmptyDatabase, seedDemo, seedProvinces } from "@/db/seed";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";

export async function prepareDatabase(): Promise<void> {
  const db = getDb();
  migrateDatabase(db);
  const empty = isEmptyDatabase(db);
  seedProvinces(db);
  if (empty && env.SEED_DEMO === "1") {
    await seedDemo(db, hashPassword);
    console.log(`Seeded the demo data set into ${env.DATABASE_PATH}.`);
  }
}

if (require.main === module) {
  prepareDatabase().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
