import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// app/ holds adapters only: it never imports db/ and never decides by hand whether an actor may touch a
// row. Both belong to the use cases of lib/use-cases, which run the access rule table for every row.
// Files that have not moved yet are listed in legacy-adapters.txt, which this test keeps exact, so the
// list can only shrink.

const ROOT = path.resolve(import.meta.dirname, "..");
const APP = path.join(ROOT, "app");

const DB_IMPORT = /from\s+["']@\/db(?:\/[^"']*)?["']|\bgetDb\(/;
const ROW_CHECK = /\b(?:canReadProvince|canEditCentresIn|canReview|canAdminister|canImport|readableScope|editableScope|assertCan[A-Za-z]*|assertAdmin)\(/;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sources(full);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [full] : [];
  });
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

function offenders(pattern: RegExp): string[] {
  return sources(APP)
    .filter((file) => pattern.test(fs.readFileSync(file, "utf8")))
    .map(relative)
    .sort();
}

const legacy = fs
  .readFileSync(path.join(APP, "legacy-adapters.txt"), "utf8")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("#"));

describe("app/ is adapters only", () => {
  it("imports nothing from db/ outside the files still listed as legacy", () => {
    expect(offenders(DB_IMPORT).filter((file) => !legacy.includes(file))).toEqual([]);
  });

  it("checks no row's permission by hand outside the files still listed as legacy", () => {
    expect(offenders(ROW_CHECK).filter((file) => !legacy.includes(file))).toEqual([]);
  });

  it("lists as legacy only files that still do either", () => {
    const still = new Set([...offenders(DB_IMPORT), ...offenders(ROW_CHECK)]);
    expect(legacy.filter((file) => !still.has(file))).toEqual([]);
  });

  it("recognises what it looks for", () => {
    expect(DB_IMPORT.test('import { getCentre } from "@/db/centres";')).toBe(true);
    expect(DB_IMPORT.test('import type { Db } from "@/db/client";')).toBe(true);
    expect(DB_IMPORT.test('import { x } from "@/lib/use-cases/db-free";')).toBe(false);
    expect(ROW_CHECK.test("if (!canReadProvince(user, code)) forbidden();")).toBe(true);
    expect(ROW_CHECK.test("const rule = RULES.readProvince;")).toBe(false);
  });
});
