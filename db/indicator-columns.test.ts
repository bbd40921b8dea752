import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getTableColumns } from "drizzle-orm";
import { INDICATORS, type IndicatorDef } from "@/lib/registry/indicators";
import { createTestDb } from "./test-db";
import { updates } from "./schema";
import type { Db } from "./client";

// The `updates` table builds its indicator columns from the registry (indicatorColumns in db/schema.ts),
// and drizzle-kit writes the migration from it. This holds the table to the registry both ways (an entry
// without a column, or a column without an entry, fails) and checks the migrations really created them.

/** The update's own columns: workflow, text and bookkeeping. Every other column is an indicator's. */
const NOT_INDICATORS = ["id", "centreId", "period", "periodEnd", "status", "narrative", "correctionReason", "editorIds", "createdBy", "submittedBy", "submittedAt", "approvedBy", "approvedAt", "returnedBy", "returnedAt", "returnReason", "version", "createdAt", "updatedAt"];

const COLUMN_TYPE: Record<IndicatorDef["type"], { drizzle: string; sqlite: string }> = {
  count: { drizzle: "SQLiteInteger", sqlite: "integer" },
  yuan: { drizzle: "SQLiteInteger", sqlite: "integer" },
  decimal: { drizzle: "SQLiteReal", sqlite: "real" },
  percent: { drizzle: "SQLiteReal", sqlite: "real" },
  enum: { drizzle: "SQLiteText", sqlite: "text" },
};

let db: Db;
let close: () => void;
beforeAll(() => ({ db, close } = createTestDb()));
afterAll(() => close());

describe("the updates table and the indicator registry", () => {
  const columns = getTableColumns(updates) as Record<string, { name: string; columnType: string; notNull: boolean; enumValues?: readonly string[] }>;

  it("has one column per indicator and no other indicator column", () => {
    const indicatorColumns = Object.keys(columns).filter((key) => !NOT_INDICATORS.includes(key));
    expect(indicatorColumns.sort()).toEqual(INDICATORS.map((d) => d.key).sort());
  });

  it.each(INDICATORS.map((d) => [d.key, d] as const))("stores %s in the column the registry names, nullable, of its type", (key, def: IndicatorDef) => {
    const column = columns[key]!;
    expect(column.name).toBe(def.column);
    expect(column.columnType).toBe(COLUMN_TYPE[def.type].drizzle);
    expect(column.notNull).toBe(false);
    if (def.type === "enum") expect(column.enumValues).toEqual(def.values);
  });

  it("is migrated: the database file has every indicator's column", () => {
    const info = db.$client.prepare("select name, type, \"notnull\" as required from pragma_table_info('updates')").all() as { name: string; type: string; required: number }[];
    const byName = new Map(info.map((c) => [c.name, c]));
    for (const def of INDICATORS as readonly IndicatorDef[]) {
      expect(byName.get(def.column)?.type.toLowerCase(), def.column).toBe(COLUMN_TYPE[def.type].sqlite);
      expect(byName.get(def.column)?.required, def.column).toBe(0);
    }
  });
});
