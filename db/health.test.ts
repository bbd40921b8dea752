import { describe, expect, it } from "vitest";
import { createTestDb } from "./test-db";
import { databaseAnswers } from "./health";

describe("databaseAnswers", () => {
  it("is true while the database answers and false once it cannot", () => {
    const { db, close } = createTestDb();
    expect(databaseAnswers(db)).toBe(true);
    close();
    expect(databaseAnswers(db)).toBe(false);
  });
});
