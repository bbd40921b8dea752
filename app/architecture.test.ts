import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// app/ holds adapters only: it never imports db/ and never decides by hand whether an actor may touch a
// row. Both belong to the use cases of lib/use-cases, which run the access rule table for every row.
// (eslint.config.mjs refuses a db/ import in app/ too; this test also catches the permission checks.)

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

describe("app/ is adapters only", () => {
  it("has no page, action, route or component that imports db/", () => {
    expect(offenders(DB_IMPORT)).toEqual([]);
  });

  it("has none that checks a row's permission by hand", () => {
    expect(offenders(ROW_CHECK)).toEqual([]);
  });

  it("walks every source file of app/", () => {
    // A walker that found nothing would pass the two tests above on an empty list.
    expect(sources(APP).length).toBeGreaterThan(100);
  });

  it("recognises what it looks for", () => {
    expect(DB_IMPORT.test('import { getCentre } from "@/db/centres";')).toBe(true);
    expect(DB_IMPORT.test('import type { Db } from "@/db/client";')).toBe(true);
    expect(DB_IMPORT.test('import { x } from "@/lib/use-cases/db-free";')).toBe(false);
    expect(ROW_CHECK.test("if (!canReadProvince(user, code)) forbidden();")).toBe(true);
    expect(ROW_CHECK.test("const rule = RULES.readProvince;")).toBe(false);
  });
});
