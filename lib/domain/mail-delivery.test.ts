import { describe, expect, it } from "vitest";
import { digestDue, nextAttemptAt, wantsEmail } from "./mail-delivery";

describe("wantsEmail", () => {
  it("honours a muted category but never mutes escalations", () => {
    const preference = { mode: "digest" as const, muted: ["overdue" as const, "escalation_province" as const] };
    expect(wantsEmail(preference, "overdue")).toBe(false);
    expect(wantsEmail(preference, "due_soon")).toBe(true);
    expect(wantsEmail(preference, "escalation_province")).toBe(true);
  });
});

describe("nextAttemptAt", () => {
  const now = new Date("2026-11-27T10:00:00.000Z");
  it.each([
    [1, "2026-11-27T10:02:00.000Z"],
    [2, "2026-11-27T10:04:00.000Z"],
    [4, "2026-11-27T10:16:00.000Z"],
    [7, "2026-11-27T12:08:00.000Z"],
    [8, null],
  ])("after %i failed attempts: %s", (attempts, expected) => {
    expect(nextAttemptAt(attempts, now)).toBe(expected);
  });

  it("caps the delay", () => {
    expect(nextAttemptAt(5, now, { firstDelayMinutes: 60, maxDelayMinutes: 90, maxAttempts: 10 })).toBe("2026-11-27T11:30:00.000Z");
  });
});

describe("digestDue", () => {
  it.each([
    ["2026-11-26T23:59:00.000Z", false],
    ["2026-11-27T00:00:00.000Z", true],
    ["2026-11-27T15:59:00.000Z", true],
    ["2026-11-27T16:00:00.000Z", false],
  ])("at %s with the digest hour 8", (iso, expected) => {
    expect(digestDue(new Date(iso), 8)).toBe(expected);
  });
});
