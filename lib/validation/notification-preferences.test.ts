import { describe, expect, it } from "vitest";
import { notificationPreferencesSchema } from "./notification-preferences";

describe("notificationPreferencesSchema", () => {
  it.each([
    [{ mode: "digest" }, { mode: "digest", muted: [] }],
    [{ mode: "immediate", muted: "due_soon" }, { mode: "immediate", muted: ["due_soon"] }],
    [{ mode: "digest", muted: ["flag_red", "returned", "flag_red"] }, { mode: "digest", muted: ["flag_red", "returned"] }],
  ])("accepts %o", (input, expected) => {
    expect(notificationPreferencesSchema.parse(input)).toEqual(expected);
  });

  it.each([
    [{ mode: "weekly" }, "mode"],
    [{}, "mode"],
    [{ mode: "digest", muted: ["escalation_province"] }, "muted"],
    [{ mode: "digest", muted: ["escalation_national"] }, "muted"],
    [{ mode: "digest", muted: ["nonsense"] }, "muted"],
  ])("refuses %o at %s", (input, field) => {
    const result = notificationPreferencesSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path[0]).toBe(field);
  });
});
