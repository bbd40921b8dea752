import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { RULES, USE_CASE_RULES } from "@/lib/domain/access-policy";

// Every use case names its row of USE_CASE_RULES (the rule the helper enforces for it), and every row
// names a use case that exists: the policy test and the enforcement read one table.

const DIR = path.resolve(import.meta.dirname);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sources(full);
    return /\.ts$/.test(d.name) && !/\.test\.ts$/.test(d.name) ? [full] : [];
  });
}

/** The names given to defineCommand / defineQuery in a module's source. */
export function definedNames(source: string): string[] {
  return [...source.matchAll(/define(?:Command|Query)\(\{\s*name:\s*"([^"]+)"/g)].map((m) => m[1]!);
}

describe("the use-case registry", () => {
  const defined = sources(DIR).flatMap((file) => definedNames(fs.readFileSync(file, "utf8")));

  it("has a rule row for every use case and a use case for every rule row, each once", () => {
    expect([...defined].sort()).toEqual(Object.keys(USE_CASE_RULES).sort());
    expect(defined.filter((name, i) => defined.indexOf(name) !== i)).toEqual([]);
  });

  it("names only rules that exist", () => {
    for (const rule of Object.values(USE_CASE_RULES)) expect(Object.keys(RULES)).toContain(rule);
  });

  it("finds the names in a module's source", () => {
    expect(definedNames('export const x = defineCommand({\n  name: "updates.review",\n  input: s,')).toEqual(["updates.review"]);
  });
});
