import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, migrateDatabase, type Db } from "./client";
import { seedProvinces } from "./seed";

/** A real SQLite file in a fresh temporary folder, migrated and holding the provinces. For tests only. */
export function createTestDb(): { db: Db; file: string; close: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  seedProvinces(db);
  return {
    db,
    file,
    close: () => {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
