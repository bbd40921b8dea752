import { describe, expect, it } from "vitest";
import { RISK_CODE_ROWS, RISK_CODES, RISK_SUBJECT_KINDS, riskCodeRow } from "./risk-codes";
import { THRESHOLDS } from "./thresholds";

describe("RISK_CODE_ROWS", () => {
  it("gives RISK_CODES, each code once, in row order", () => {
    expect(RISK_CODES).toEqual(RISK_CODE_ROWS.map((r) => r.code));
    expect(new Set(RISK_CODES).size).toBe(RISK_CODES.length);
    for (const code of RISK_CODES) expect(riskCodeRow(code).code).toBe(code);
  });

  it.each(RISK_CODE_ROWS.map((r) => [r.code, r] as const))("%s: subjects, thresholds and docs anchor are well formed", (code, row) => {
    expect(row.subjectKinds.length).toBeGreaterThan(0);
    for (const kind of row.subjectKinds) expect(RISK_SUBJECT_KINDS).toContain(kind);
    for (const key of row.thresholds) expect(THRESHOLDS.map((t) => t.key)).toContain(key);
    expect(row.docsAnchor).toBe(`docs/domain.md#${code.replaceAll("_", "-")}`);
    expect(row.worseWhen.length).toBeGreaterThan(0);
  });

  it("reads every threshold in some rule: a threshold no rule reads acts on nothing", () => {
    const read = new Set(RISK_CODE_ROWS.flatMap((r) => r.thresholds));
    expect(THRESHOLDS.map((t) => t.key).filter((key) => !read.has(key))).toEqual([]);
  });

  it("names both the target and the centre as subjects of schedule slippage", () => {
    expect(riskCodeRow("schedule_slippage").subjectKinds).toEqual(["target", "centre"]);
    expect(riskCodeRow("schedule_slippage").thresholds).toContain("schedule.centreAmberBelowIndex");
  });
});

describe("THRESHOLDS", () => {
  it.each(THRESHOLDS.filter((r) => r.atMost !== undefined).map((r) => [r.key, r.atMost!] as const))("%s ≤ %s compares like with like", (low, high) => {
    const [a, b] = [THRESHOLDS.find((r) => r.key === low)!, THRESHOLDS.find((r) => r.key === high)];
    expect(b).toBeDefined();
    expect(b!.unit).toBe(a.unit);
    expect(a.defaultValue).toBeLessThanOrEqual(b!.defaultValue);
  });

  it("has unique keys, each `group.name`", () => {
    const keys = THRESHOLDS.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  });
});
