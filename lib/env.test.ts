import { describe, expect, it } from "vitest";
import { readEnv } from "./env";

describe("readEnv", () => {
  it("fills the documented defaults", () => {
    expect(readEnv({})).toMatchObject({ DATABASE_PATH: "data/tracker.db", SEED_DEMO: "1", PORT: 3000, SESSION_MAX_AGE_HOURS: 12 });
  });

  it.each([
    [{ SEED_DEMO: "yes" }, /SEED_DEMO/],
    [{ PORT: "http" }, /PORT/],
    [{ NEXTAUTH_SECRET: "short" }, /NEXTAUTH_SECRET/],
    [{ NEXTAUTH_URL: "not a url" }, /NEXTAUTH_URL/],
    [{ REPORTING_START: "2026-13-01" }, /REPORTING_START/],
  ])("refuses %o with the variable's name", (source, message) => {
    expect(() => readEnv(source)).toThrow(message);
  });
});
