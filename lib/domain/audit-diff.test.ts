import { describe, expect, it } from "vitest";
import { changedFields, formatAuditValue } from "./audit-diff";

describe("changedFields", () => {
  it.each([
    ["an update keeps only what changed", { name: "甲", budget: 1, version: 1 }, { name: "乙", budget: 1, version: 2 }, [{ field: "name", before: "甲", after: "乙" }]],
    ["a create lists the set fields from none", null, { cadence: "monthly", dueDays: 10, note: null }, [
      { field: "cadence", before: null, after: "monthly" },
      { field: "dueDays", before: null, after: 10 },
    ]],
    ["a delete lists the removed fields to none", { originalName: "a.pdf", id: "x" }, null, [{ field: "originalName", before: "a.pdf", after: null }]],
    ["fields missing from after are unchanged, not removed", { title: "t", isDemo: true, createdAt: "2026" }, { title: "u" }, [{ field: "title", before: "t", after: "u" }]],
    ["a field new in after had no value", { a: 1 }, { a: 1, b: "x" }, [{ field: "b", before: null, after: "x" }]],
    ["arrays compare by content", { tags: ["a", "b"] }, { tags: ["a", "b"] }, []],
    ["array order counts", { tags: ["a", "b"] }, { tags: ["b", "a"] }, [{ field: "tags", before: ["a", "b"], after: ["b", "a"] }]],
    ["null and missing are the same", { note: null }, { note: undefined }, []],
    ["0 and null differ", { n: 0 }, { n: null }, [{ field: "n", before: 0, after: null }]],
    ["nothing stored", null, undefined, []],
    ["non-objects are ignored", "x", 3, []],
    ["bookkeeping only", { version: 1, updatedAt: "a" }, { version: 2, updatedAt: "b" }, []],
  ])("%s", (_name, before, after, expected) => {
    expect(changedFields(before, after)).toEqual(expected);
  });
});

describe("formatAuditValue", () => {
  it.each([
    [null, "—"],
    [undefined, "—"],
    ["", '""'],
    ["杭州", "杭州"],
    [0, "0"],
    [false, "false"],
    [["large_models", "finance"], "large_models, finance"],
    [[], "[]"],
    [{ a: 1 }, '{"a":1}'],
  ])("%o → %s", (value, text) => {
    expect(formatAuditValue(value)).toBe(text);
  });

  it("cuts long text to the limit with an ellipsis", () => {
    expect(formatAuditValue("abcdefghij", 5)).toBe("abcd…");
    expect(formatAuditValue("abcde", 5)).toBe("abcde");
  });
});
