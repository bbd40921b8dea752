// `npm run db:migrate`: applies committed migrations to DATABASE_PATH.
import { getDb, migrateDatabase } from "@/db/client";
import { env } from "@/lib/env";

migrateDatabase(getDb());
console.log(`Migrations applied to ${env.DATABASE_PATH}.`);
