import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACCESS_POLICY, allows, CELLS, policyMatrix, type PolicyEntry } from "@/lib/domain/access-policy";

// The policy table must name every page, route handler method and server action of app/, and nothing
// else: a new route cannot ship without a row saying who may use it (and so without the permission
// matrix trying it), and a removed one leaves no stale row.

const APP = path.resolve(import.meta.dirname);

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "node_modules" ? [] : walk(full);
    return [full];
  });
}

/** The URL pattern of a page or route file: route groups `(app)` and private folders do not appear in URLs. */
function urlPattern(file: string): string {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => s !== "" && !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

/** The HTTP methods a route.ts exports: `export const GET`, `export async function POST`, `export { handler as GET }`. */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+([A-Z]+)\b/g)) found.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of m[1]!.split(",")) found.add(part.trim().split(/\s+as\s+/).pop()!.trim());
  }
  return [...found].filter((name) => METHODS.includes(name));
}

/** The functions a 'use server' module exports (every export of such a module is a public endpoint). */
export function exportedActions(source: string): string[] {
  return [...source.matchAll(/export\s+(?:const|(?:async\s+)?function)\s+(\w+)/g)].map((m) => m[1]!);
}

function appEntries(): { kind: string; key: string }[] {
  const files = walk(APP);
  const pages = files.filter((f) => path.basename(f) === "page.tsx").map((f) => ({ kind: "page", key: `GET ${urlPattern(f)}` }));
  const routes = files
    .filter((f) => path.basename(f) === "route.ts")
    .flatMap((f) => exportedMethods(fs.readFileSync(f, "utf8")).map((method) => ({ kind: "route", key: `${method} ${urlPattern(f)}` })));
  const actions = files
    .filter((f) => /\.tsx?$/.test(f) && /^\s*["']use server["'];?/.test(fs.readFileSync(f, "utf8")))
    .flatMap((f) => exportedActions(fs.readFileSync(f, "utf8")).map((name) => ({ kind: "action", key: `POST ${name}` })));
  return [...pages, ...routes, ...actions];
}

const key = (e: PolicyEntry) => `${e.method} ${e.name}`;

describe("the access policy table", () => {
  it("has a row for every page, route handler method and server action of app/, and no other", () => {
    const inApp = appEntries().map((e) => e.key).sort();
    const inTable = ACCESS_POLICY.map(key).sort();
    expect(inApp.filter((k) => !inTable.includes(k)), "entries of app/ without a policy row").toEqual([]);
    expect(inTable.filter((k) => !inApp.includes(k)), "policy rows without an entry in app/").toEqual([]);
  });

  it("has each entry once", () => {
    const keys = ACCESS_POLICY.map(key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it("finds what it looks for: pages, handlers, actions", () => {
    const entries = appEntries();
    // A walker that found nothing would pass the first test vacuously on an empty table.
    expect(entries.filter((e) => e.kind === "page").length).toBeGreaterThan(30);
    expect(entries.some((e) => e.key === "POST /api/auth/[...nextauth]")).toBe(true);
    expect(entries.some((e) => e.key === "POST rateCentreAction")).toBe(true);
  });

  it.each([
    ["export const GET = apiGet(() => x);", ["GET"]],
    ["export async function POST(request: Request) {}", ["POST"]],
    ["export function GET() {}", ["GET"]],
    ["export { handler as GET, handler as POST };", ["GET", "POST"]],
    ["export const dynamic = 'force-dynamic';", []],
  ])("reads the methods of %s", (source, methods) => {
    expect(exportedMethods(source).sort()).toEqual(methods);
  });

  it("reads the exports of a 'use server' module", () => {
    expect(exportedActions('"use server";\nexport const aAction = f();\nexport async function bAction() {}\nconst hidden = 1;')).toEqual(["aAction", "bAction"]);
  });
});

describe("the matrix the table generates", () => {
  const row = (name: string) => ACCESS_POLICY.find((e) => e.name === name)!;
  const allowed = (name: string) => CELLS.filter((cell) => allows(row(name), cell));

  it.each([
    ["/provinces/[code]", ["admin", "reviewer", "reviewerOwn", "staffOwn"]],
    ["/centres/[id]/edit", ["admin", "staffOwn"]],
    ["reviewUpdateAction", ["reviewer", "reviewerOwn"]],
    ["/overview/export", ["admin", "reviewer"]],
    ["/audit", ["admin", "reviewer", "reviewerOwn", "reviewerOther"]],
    ["/import", ["admin", "staffOwn", "staffOther"]],
    ["/admin/security", ["admin"]],
    ["changePasswordAction", ["admin", "reviewer", "reviewerOwn", "reviewerOther", "staffOwn", "staffOther"]],
    ["/login", [...CELLS]],
  ])("%s is open to %j", (name, cells) => {
    expect(allowed(name)).toEqual(cells);
  });

  it("has one cell per entry and role/province", () => {
    expect(policyMatrix()).toHaveLength(ACCESS_POLICY.length * CELLS.length);
  });
});
