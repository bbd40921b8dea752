import "server-only";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, migrateDatabase, type Db } from "./client";
import { seedProvinces } from "./seed";
import type { CentreInput } from "@/lib/validation/centre";
import { VALUE_FIELDS, type UpdateValues } from "@/lib/validation/update";

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

/** An update reporting nothing: tests spread the figures they need over it. */
export const BLANK_UPDATE_VALUES = Object.fromEntries(VALUE_FIELDS.map((f) => [f, null])) as UpdateValues;

/** A Hangzhou large-model centre under construction (2026–2028, 8 亿元); tests change what they need. */
export function testCentreInput(name: string, change: Partial<CentreInput> = {}): CentreInput {
  return {
    provinceCode: "330000",
    cityCode: "330100",
    name,
    leadInstitution: "之江示例研究院（示例）",
    leadCreditCode: null,
    partners: [],
    focusTags: ["large_models"],
    plannedBudgetYuan: 800_000_000,
    startDate: "2026-01-01",
    plannedCompletionDate: "2028-12-31",
    status: "under_construction",
    targetIds: [],
    ...change,
  };
}
