import { describe, expect, it } from "vitest";
import { fieldErrorKeys } from "./form-state";
import { calendarSchema } from "./calendar";

const valid = { provinceCode: "330000", version: "0", cadence: "monthly", dueDays: "10", graceDays: "0" };

describe("calendarSchema", () => {
  it("parses a form submission", () => {
    expect(calendarSchema.parse(valid)).toEqual({ provinceCode: "330000", version: 0, cadence: "monthly", dueDays: 10, graceDays: 0 });
    expect(calendarSchema.parse({ ...valid, dueDays: "90", graceDays: "60" })).toMatchObject({ dueDays: 90, graceDays: 60 });
  });

  it.each([
    [{ provinceCode: "33" }, "provinceCode", "provinceCode"],
    [{ version: "-1" }, "version", "tooSmall"],
    [{ version: "" }, "version", "required"],
    [{ cadence: "weekly" }, "cadence", "invalid"],
    [{ cadence: "" }, "cadence", "required"],
    [{ dueDays: "91" }, "dueDays", "tooBig"],
    [{ dueDays: "-1" }, "dueDays", "tooSmall"],
    [{ dueDays: "1.5" }, "dueDays", "integer"],
    [{ dueDays: "ten" }, "dueDays", "number"],
    [{ graceDays: "61" }, "graceDays", "tooBig"],
    [{ graceDays: "" }, "graceDays", "required"],
  ])("refuses %o: %s → %s", (change, field, key) => {
    const result = calendarSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorKeys(result.error.issues)[field]).toBe(key);
  });
});
