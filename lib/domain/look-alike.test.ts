import { describe, expect, it } from "vitest";
import { lookAlikeGroups } from "./look-alike";
import type { RiskFlag } from "./risk/types";

const pair = (a: string, b: string, severity: RiskFlag["severity"] = "amber"): RiskFlag => ({
  code: "duplicate_construction",
  severity,
  subject: { kind: "centre_pair", ids: [a, b] },
  key: `duplicate_construction|${a},${b}|same_city`,
  values: {},
  explanation: { zh: "", en: "" },
});

describe("lookAlikeGroups", () => {
  it("joins pairs that share a centre into one group, keeping every pair's flag", () => {
    const groups = lookAlikeGroups([pair("a", "b"), pair("x", "y"), pair("b", "c")]);
    expect(groups.map((g) => g.centreIds)).toEqual([
      ["a", "b", "c"],
      ["x", "y"],
    ]);
    expect(groups[0]!.flags).toHaveLength(2);
  });

  it("puts the group with a red flag first and orders its flags most severe first", () => {
    const groups = lookAlikeGroups([pair("a", "b"), pair("x", "y", "red"), pair("y", "z")]);
    expect(groups[0]!.centreIds).toEqual(["x", "y", "z"]);
    expect(groups[0]!.flags.map((f) => f.severity)).toEqual(["red", "amber"]);
  });

  it("ignores other rules' flags and merges chains joined late (a–b, c–d, then b–c)", () => {
    const other = { ...pair("p", "q"), code: "low_conversion" as const, subject: { kind: "centre" as const, ids: ["p"] } };
    expect(lookAlikeGroups([other])).toEqual([]);
    expect(lookAlikeGroups([pair("a", "b"), pair("c", "d"), pair("b", "c")]).map((g) => g.centreIds)).toEqual([["a", "b", "c", "d"]]);
  });
});
