import { afterEach, describe, expect, it } from "vitest";
import { createTestDb } from "./test-db";
import { centres } from "./schema";

let close: () => void = () => {};
afterEach(() => close());

describe("openDatabase", () => {
  it("opens SQLite in WAL mode with foreign keys enforced and a busy timeout", () => {
    const t = createTestDb();
    close = t.close;
    const sqlite = t.db.$client;
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("refuses a centre in a province that does not exist", () => {
    const t = createTestDb();
    close = t.close;
    expect(() =>
      t.db
        .insert(centres)
        .values({
          id: "x",
          provinceCode: "990000",
          cityCode: "990100",
          name: "n",
          leadInstitution: "l",
          plannedBudgetYuan: 1,
          startDate: "2026-01-01",
          plannedCompletionDate: "2027-01-01",
          status: "planned",
        })
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});
