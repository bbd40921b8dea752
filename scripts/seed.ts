// `npm run db:seed`: (re)loads the demo data set; records that exist already are left as they are.
import { getDb, migrateDatabase } from "@/db/client";
import { seedDemo } from "@/db/seed";
import { hashPassword } from "@/lib/auth/password";
import { env } from "@/lib/env";

async function main() {
  const db = getDb();
  migrateDatabase(db);
  await seedDemo(db, hashPassword);
  console.log(`Demo data set present in ${env.DATABASE_PATH}.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
