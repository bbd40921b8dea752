import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BackupRefused, checkFiles, describeFile, MANIFEST_NAME, readManifest, writeManifest, type Manifest } from "./manifest";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-test-"));
  fs.mkdirSync(path.join(dir, "evidence"));
  fs.writeFileSync(path.join(dir, "tracker.db"), "db bytes");
  fs.writeFileSync(path.join(dir, "evidence", "a.pdf"), "证据");
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function manifest(change: Partial<Manifest> = {}): Manifest {
  return {
    format: 1,
    createdAt: "2026-11-27T00:00:00.000Z",
    database: "tracker.db",
    integrityCheck: "ok",
    migrations: { count: 10, latest: 1 },
    auditHead: null,
    files: [describeFile(dir, "tracker.db"), describeFile(dir, "evidence/a.pdf")],
    ...change,
  };
}

describe("backup manifest", () => {
  it("round-trips and finds nothing wrong with untouched files", () => {
    writeManifest(dir, manifest());
    expect(readManifest(dir)).toEqual(manifest());
    expect(manifest().files[1]).toEqual({ name: "evidence/a.pdf", size: 6, sha256: "d883c636d3f8913e51a7cbbbd649757dccc142d4b4cc9d9a7cae9c2982826c3b" }); // sha256sum of the UTF-8 bytes
    expect(checkFiles(dir, manifest())).toEqual([]);
  });

  it("names each file that is missing, resized or changed", () => {
    const listed = manifest();
    fs.writeFileSync(path.join(dir, "tracker.db"), "db bytez");
    fs.rmSync(path.join(dir, "evidence", "a.pdf"));
    expect(checkFiles(dir, listed)).toEqual(["tracker.db: SHA-256 does not match the manifest", "evidence/a.pdf: missing"]);
    fs.writeFileSync(path.join(dir, "tracker.db"), "db");
    expect(checkFiles(dir, listed)[0]).toBe("tracker.db: 2 bytes, the manifest says 8");
  });

  it.each([
    ["a name leaving the folder", { files: [{ name: "../tracker.db", size: 1, sha256: "a".repeat(64) }] }],
    ["a nested path", { files: [{ name: "evidence/x/y.pdf", size: 1, sha256: "a".repeat(64) }] }],
    ["a database it does not list", { database: "other.db" }],
    ["an integrity check that was not ok", { integrityCheck: "page 2: corrupt" }],
  ])("refuses %s", (_, change) => {
    fs.writeFileSync(path.join(dir, MANIFEST_NAME), JSON.stringify({ ...manifest(), ...change }));
    expect(() => readManifest(dir)).toThrow(BackupRefused);
  });

  it("refuses a folder without a manifest or with one that is not JSON", () => {
    expect(() => readManifest(dir)).toThrow(/not a backup folder/);
    fs.writeFileSync(path.join(dir, MANIFEST_NAME), "{");
    expect(() => readManifest(dir)).toThrow(/not valid JSON/);
  });
});
