import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BackupRefused, MANIFEST_NAME } from "@/lib/backup/manifest";
import { createTestDb, testCentreInput } from "./test-db";
import { createBackup, inspectDatabase } from "./backup";
import { verifyAuditChain } from "./audit-chain";
import { createCentre, listCentresInScope } from "./centres";
import { openDatabase, type Db } from "./client";
import { restoreBackup } from "./restore";

let db: Db;
let file: string;
let close: () => void;
let root: string;
let paths: { databasePath: string; evidencePath: string };
const actor = { label: "test" };

beforeEach(() => {
  ({ db, file, close } = createTestDb());
  root = path.dirname(file);
  paths = { databasePath: file, evidencePath: path.join(root, "evidence") };
  fs.mkdirSync(paths.evidencePath);
  fs.writeFileSync(path.join(paths.evidencePath, "0b9a3c1e-0000-4000-8000-000000000001.pdf"), "%PDF-1.7 批复");
  createCentre(db, testCentreInput("杭州中心"), actor);
});
afterEach(() => close());

/** Every byte of the live database and evidence folder, to show a refusal changed nothing. */
function liveState(): Record<string, string> {
  const files = [paths.databasePath, ...fs.readdirSync(paths.evidencePath).map((n) => path.join(paths.evidencePath, n))];
  return Object.fromEntries(files.map((f) => [path.relative(root, f), fs.readFileSync(f).toString("base64")]));
}

// A second connection on another thread commits a row into two tables per transaction, without pause,
// and publishes the last committed id in shared memory until told to stop.
const WRITER = `
const { workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const shared = new Int32Array(workerData.shared);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
const tick = db.prepare("insert into ticks (id) values (?)");
const tock = db.prepare("insert into tocks (id) values (?)");
const both = db.transaction((id) => { tick.run(id); tock.run(id); });
for (let id = 1; Atomics.load(shared, 1) === 0; id++) {
  both(id);
  Atomics.store(shared, 0, id);
  Atomics.notify(shared, 0);
}
db.close();
`;

describe("backup", () => {
  it("copies a consistent snapshot while another connection writes, with every row committed before it", async () => {
    db.$client.exec("create table ticks (id integer primary key); create table tocks (id integer primary key)");
    const shared = new Int32Array(new SharedArrayBuffer(8));
    const driver = require.resolve("better-sqlite3");
    const writer = new Worker(WRITER, { eval: true, workerData: { file, shared: shared.buffer, driver } });
    const stopped = new Promise((resolve, reject) => writer.on("exit", resolve).on("error", reject));
    // Wait until the writer is well under way (the wait wakes on each commit; its timeout only re-polls).
    while (Atomics.load(shared, 0) < 200) Atomics.wait(shared, 0, Atomics.load(shared, 0), 1000);
    const committedBefore = Atomics.load(shared, 0);
    const out = path.join(root, "backup");
    const manifest = createBackup(paths, out);
    Atomics.store(shared, 1, 1);
    await stopped;

    const copy = new Database(path.join(out, manifest.database), { readonly: true });
    const ids = (table: string) => copy.prepare(`select id from ${table} order by id`).pluck().all() as number[];
    const ticks = ids("ticks");
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(ticks.length).toBeGreaterThanOrEqual(committedBefore);
    expect(ticks).toEqual(Array.from({ length: ticks.length }, (_, i) => i + 1));
    expect(ids("tocks")).toEqual(ticks);
    copy.close();
  });

  it("lists every file with its size and checksum, and refuses a folder that is not empty", () => {
    const out = path.join(root, "backup");
    const manifest = createBackup(paths, out, new Date("2026-11-27T02:00:00Z"));
    expect(manifest).toMatchObject({ createdAt: "2026-11-27T02:00:00.000Z", database: "test.db", integrityCheck: "ok", auditHead: { id: 1 } });
    expect(manifest.migrations.count).toBe(fs.readdirSync(path.join(process.cwd(), "db", "migrations")).filter((n) => n.endsWith(".sql")).length);
    expect(manifest.files.map((f) => f.name)).toEqual(["test.db", "evidence/0b9a3c1e-0000-4000-8000-000000000001.pdf"]);
    expect(manifest.files[1]).toMatchObject({ size: Buffer.byteLength("%PDF-1.7 批复") });
    expect(JSON.parse(fs.readFileSync(path.join(out, MANIFEST_NAME), "utf8"))).toEqual(manifest);
    expect(() => createBackup(paths, out)).toThrow(BackupRefused);
  });

  it("leaves no half-written backup behind when it fails", () => {
    const out = path.join(root, "backup");
    expect(() => createBackup({ ...paths, evidencePath: file }, out)).toThrow(/ENOTDIR/);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});

describe("restore", () => {
  it("puts the database and evidence back as they were at the backup, keeping the replaced ones", () => {
    const out = path.join(root, "backup");
    createBackup(paths, out);
    createCentre(db, testCentreInput("宁波中心", { cityCode: "330200" }), actor);
    fs.rmSync(path.join(paths.evidencePath, "0b9a3c1e-0000-4000-8000-000000000001.pdf"));
    fs.writeFileSync(path.join(paths.evidencePath, "0b9a3c1e-0000-4000-8000-000000000002.png"), "later");
    db.$client.close();

    restoreBackup(paths, out);
    db = openDatabase(file);
    expect(listCentresInScope(db, "all").map((c) => c.name)).toEqual(["杭州中心"]);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, count: 1 });
    expect(fs.readdirSync(paths.evidencePath)).toEqual(["0b9a3c1e-0000-4000-8000-000000000001.pdf"]);
    expect(fs.readdirSync(`${paths.evidencePath}.before-restore`)).toEqual(["0b9a3c1e-0000-4000-8000-000000000002.png"]);
    const before = new Database(`${file}.before-restore`, { readonly: true });
    expect(before.prepare("select count(*) from centres").pluck().get()).toBe(2);
    before.close();
    expect(fs.readdirSync(root).filter((n) => n.includes("restore-tmp"))).toEqual([]);
  });

  it.each([
    ["a flipped byte in the database copy", "test.db", /test\.db: SHA-256 does not match/],
    ["a flipped byte in an evidence file", "evidence/0b9a3c1e-0000-4000-8000-000000000001.pdf", /evidence\/.*SHA-256 does not match/],
  ])("refuses %s and changes nothing", (_, name, message) => {
    const out = path.join(root, "backup");
    createBackup(paths, out);
    const target = path.join(out, name);
    const bytes = fs.readFileSync(target);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    fs.writeFileSync(target, bytes);
    db.$client.close();
    const before = liveState();
    expect(() => restoreBackup(paths, out)).toThrow(message);
    expect(liveState()).toEqual(before);
    expect(fs.readdirSync(root).sort()).toEqual(["backup", "evidence", "test.db"]);
    db = openDatabase(file);
  });

  it("refuses a database that failed integrity_check even when the manifest was made to match", () => {
    const out = path.join(root, "backup");
    createBackup(paths, out);
    const copy = path.join(out, "test.db");
    const inspect = new Database(copy, { readonly: true });
    const rootPage = inspect.prepare("select rootpage from sqlite_master where name = 'provinces'").pluck().get() as number;
    const pageSize = inspect.pragma("page_size", { simple: true }) as number;
    inspect.close();
    const bytes = fs.readFileSync(copy);
    bytes.fill(0xff, (rootPage - 1) * pageSize + 8, (rootPage - 1) * pageSize + 64); // a table's b-tree header and cell pointers
    fs.writeFileSync(copy, bytes);
    expect(inspectDatabase(copy).integrity).not.toBe("ok");
    const manifest = JSON.parse(fs.readFileSync(path.join(out, MANIFEST_NAME), "utf8"));
    manifest.files[0] = { ...manifest.files[0], sha256: createHash("sha256").update(bytes).digest("hex") };
    fs.writeFileSync(path.join(out, MANIFEST_NAME), JSON.stringify(manifest));
    db.$client.close();
    const before = liveState();
    expect(() => restoreBackup(paths, out)).toThrow(/integrity_check/);
    expect(liveState()).toEqual(before);
    db = openDatabase(file);
  });

  it("counts damage to the schema itself, which stops integrity_check from running, as a failed check", () => {
    const out = path.join(root, "backup");
    createBackup(paths, out);
    const copy = path.join(out, "test.db");
    const bytes = fs.readFileSync(copy);
    bytes.fill(0xff, 100 + 8, 100 + 64); // sqlite_master's b-tree header and cell pointers, after the file header
    fs.writeFileSync(copy, bytes);
    expect(inspectDatabase(copy).integrity).toMatch(/malformed/);
  });

  it("refuses a backup from newer code, and while the database is open", () => {
    const out = path.join(root, "backup");
    const manifest = createBackup(paths, out);
    const code = manifest.migrations;
    expect(() => restoreBackup(paths, out, { count: code.count - 1, latest: code.latest! - 1 })).toThrow(/newer than this code/);
    const before = liveState();
    expect(() => restoreBackup(paths, out)).toThrow(/in use: stop the server/);
    expect(liveState()).toEqual(before);
  });
});
