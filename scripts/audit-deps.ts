// `npm run audit:deps` (part of `npm test`): `npm audit --omit=dev`, failing on any high or critical
// advisory against a package the app runs with. Where the registry offers no audit endpoint (the mirror
// this project is built against answers it with 405 Method Not Allowed) the audit cannot run: that is
// said plainly on standard error and does not fail the run, since there is nothing it could check.
import { spawnSync } from "node:child_process";

interface AuditReport {
  metadata?: { vulnerabilities?: Partial<Record<"info" | "low" | "moderate" | "high" | "critical" | "total", number>> };
  vulnerabilities?: Record<string, { severity: string; range?: string; fixAvailable?: unknown }>;
  statusCode?: number;
  message?: string;
  error?: { summary?: string; detail?: string };
}

export type AuditVerdict =
  | { kind: "passed"; counts: string }
  | { kind: "failed"; findings: string[] }
  | { kind: "unavailable"; reason: string };

/** What `npm audit --json` printed means for the build. */
export function auditVerdict(output: string): AuditVerdict {
  let report: AuditReport;
  try {
    report = JSON.parse(output) as AuditReport;
  } catch {
    return { kind: "unavailable", reason: `npm audit printed no JSON report: ${output.trim().slice(0, 200) || "(nothing)"}` };
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) return { kind: "unavailable", reason: report.message ?? report.error?.summary ?? "npm audit gave no vulnerability counts" };
  const findings = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => v.severity === "high" || v.severity === "critical")
    .map(([name, v]) => `${name} (${v.severity}${v.range ? `, ${v.range}` : ""})`);
  if (findings.length > 0) return { kind: "failed", findings };
  const summary = (["critical", "high", "moderate", "low"] as const).map((s) => `${counts[s] ?? 0} ${s}`).join(", ");
  return { kind: "passed", counts: summary };
}

function main() {
  const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8", timeout: 120_000 });
  const verdict = auditVerdict(run.stdout ?? "");
  if (verdict.kind === "failed") {
    console.error(`audit:deps FAILED: high or critical advisories in runtime dependencies:\n  ${verdict.findings.join("\n  ")}`);
    process.exit(1);
  }
  if (verdict.kind === "unavailable") {
    console.error(`audit:deps NOT RUN: the registry's audit endpoint is unavailable (${verdict.reason}).`);
    return;
  }
  console.log(`audit:deps OK: no high or critical advisories in runtime dependencies (${verdict.counts}).`);
}

if (process.argv[1]?.endsWith("audit-deps.ts")) main();
