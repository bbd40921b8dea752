import { describe, expect, it } from "vitest";
import { chinaDateTime, chinaDayStartUtc, chinaToday } from "./china-time";

describe("Beijing time", () => {
  it.each([
    ["2026-10-15", "2026-10-14T16:00:00.000Z"],
    ["2026-01-01", "2025-12-31T16:00:00.000Z"],
    ["2024-03-01", "2024-02-29T16:00:00.000Z"],
  ])("the day %s starts at %s UTC", (date, instant) => {
    expect(chinaDayStartUtc(date)).toBe(instant);
  });

  it.each([
    ["2026-10-14T16:00:00.000Z", "2026-10-15 00:00"],
    ["2026-10-14T15:59:59.999Z", "2026-10-14 23:59"],
    ["2025-12-31T20:30:00.000Z", "2026-01-01 04:30"],
    ["not a date", "not a date"],
  ])("%s shows as %s", (iso, text) => {
    expect(chinaDateTime(iso)).toBe(text);
  });
});

describe("chinaToday", () => {
  it("is already tomorrow in Beijing at 17:00 UTC", () => {
    expect(chinaToday(new Date("2026-09-30T15:59:59Z"))).toBe("2026-09-30");
    expect(chinaToday(new Date("2026-09-30T16:00:00Z"))).toBe("2026-10-01");
  });
});
