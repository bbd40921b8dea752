import { describe, expect, it } from "vitest";
import { auditVerdict } from "./audit-deps";

const report = (vulnerabilities: Record<string, { severity: string; range?: string }>) =>
  JSON.stringify({
    auditReportVersion: 2,
    vulnerabilities,
    metadata: {
      vulnerabilities: {
        info: 0,
        low: Object.values(vulnerabilities).filter((v) => v.severity === "low").length,
        moderate: Object.values(vulnerabilities).filter((v) => v.severity === "moderate").length,
        high: Object.values(vulnerabilities).filter((v) => v.severity === "high").length,
        critical: Object.values(vulnerabilities).filter((v) => v.severity === "critical").length,
      },
    },
  });

describe("auditVerdict", () => {
  it("passes with only low and moderate findings, and says how many", () => {
    expect(auditVerdict(report({ a: { severity: "low" }, b: { severity: "moderate" } }))).toEqual({
      kind: "passed",
      counts: "0 critical, 0 high, 1 moderate, 1 low",
    });
  });

  it("fails on a high or critical finding, naming the package and range", () => {
    expect(auditVerdict(report({ next: { severity: "critical", range: "16.0.0 - 16.4.5" }, b: { severity: "high" }, c: { severity: "low" } }))).toEqual({
      kind: "failed",
      findings: ["next (critical, 16.0.0 - 16.4.5)", "b (high)"],
    });
  });

  it("is unavailable when the registry refuses the audit endpoint (what this project's mirror answers)", () => {
    const refused = JSON.stringify({ message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk", statusCode: 405 });
    expect(auditVerdict(refused)).toEqual({ kind: "unavailable", reason: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk" });
    expect(auditVerdict("")).toMatchObject({ kind: "unavailable" });
  });
});
