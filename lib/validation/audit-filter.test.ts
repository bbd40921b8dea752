import { describe, expect, it } from "vitest";
import { fieldErrorKeys } from "./form-state";
import { auditFilterSchema, auditFilterValues } from "./audit-filter";

describe("auditFilterSchema", () => {
  it("accepts an empty query as page 1 without filters", () => {
    expect(auditFilterSchema.parse({})).toEqual({ page: 1 });
    expect(auditFilterSchema.parse({ centre: "", user: " ", action: "", from: "", to: "", page: "" })).toEqual({ page: 1 });
  });

  it("parses every filter", () => {
    const query = { centre: "c-1", user: "u-1", action: "approve", from: "2026-01-01", to: "2026-01-01", page: "3" };
    expect(auditFilterSchema.parse(query)).toEqual({ ...query, page: 3 });
  });

  it.each([
    [{ action: "drop" }, "action", "invalid"],
    [{ from: "2026-02-30" }, "from", "date"],
    [{ to: "yesterday" }, "to", "date"],
    [{ from: "2026-03-02", to: "2026-03-01" }, "to", "toBeforeFrom"],
    [{ page: "0" }, "page", "tooSmall"],
    [{ page: "2.5" }, "page", "integer"],
    [{ page: "abc" }, "page", "number"],
    [{ page: "100001" }, "page", "tooBig"],
    [{ centre: "x".repeat(65) }, "centre", "invalid"],
  ])("refuses %o: %s → %s", (query, field, key) => {
    const result = auditFilterSchema.safeParse(query);
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorKeys(result.error.issues)[field]).toBe(key);
  });

  it("reports a bad date and a bad page together", () => {
    const result = auditFilterSchema.safeParse({ from: "2026-13-01", page: "-1" });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorKeys(result.error.issues)).toEqual({ from: "date", page: "tooSmall" });
  });
});

describe("auditFilterValues", () => {
  it("keeps the known fields and the first of repeated ones", () => {
    expect(auditFilterValues({ action: ["create", "update"], page: "2", other: "x", user: undefined })).toEqual({ action: "create", page: "2" });
  });
});
