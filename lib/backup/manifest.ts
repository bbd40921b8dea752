import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

// A backup folder holds the database copy, evidence/ with the evidence files, and manifest.json listing
// every file with its size and SHA-256. Restore trusts nothing the manifest does not vouch for.

export const MANIFEST_NAME = "manifest.json";
export const EVIDENCE_FOLDER = "evidence";

/** A refusal with a message for the operator; nothing was changed. */
export class BackupRefused extends Error {}

// Names are one file in the folder or one in evidence/: never a path that could leave the folder.
const SAFE_NAME = /^(?:evidence\/)?[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export const isSafeFileName = (name: string) => /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(name);

const manifestSchema = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  database: z.string().regex(SAFE_NAME),
  integrityCheck: z.literal("ok"),
  // drizzle's migration journal: how many were applied, and the newest one's timestamp.
  migrations: z.object({ count: z.number().int().min(0), latest: z.number().int().nullable() }),
  // The newest audit entry, so a later audit:verify can show the log was not cut short since.
  auditHead: z.object({ id: z.number().int(), hash: z.string().nullable() }).nullable(),
  files: z.array(z.object({ name: z.string().regex(SAFE_NAME), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = Manifest["files"][number];

export function sha256File(file: string): string {
  const hash = createHash("sha256");
  const buffer = Buffer.alloc(1 << 20);
  const fd = fs.openSync(file, "r");
  try {
    for (let n; (n = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest("hex");
}

export function describeFile(dir: string, name: string): ManifestFile {
  const file = path.join(dir, name);
  return { name, size: fs.statSync(file).size, sha256: sha256File(file) };
}

/** Flushes a file or folder to disk, so a rename or manifest that follows never points at lost bytes. */
export function fsyncPath(target: string): void {
  const fd = fs.openSync(target, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function copyDurably(from: string, to: string): void {
  fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
  fsyncPath(to);
}

export function writeManifest(dir: string, manifest: Manifest): void {
  const temp = path.join(dir, `${MANIFEST_NAME}.tmp`);
  fs.writeFileSync(temp, `${JSON.stringify(manifest, null, 2)}\n`);
  fsyncPath(temp);
  fs.renameSync(temp, path.join(dir, MANIFEST_NAME));
  fsyncPath(dir);
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST_NAME);
  if (!fs.existsSync(file)) throw new BackupRefused(`${file} not found: not a backup folder`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    throw new BackupRefused(`${file} is not valid JSON`);
  }
  const manifest = manifestSchema.safeParse(parsed);
  if (!manifest.success) throw new BackupRefused(`${file} is not a backup manifest: ${manifest.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  if (!manifest.data.files.some((f) => f.name === manifest.data.database)) throw new BackupRefused(`${file} does not list its database file`);
  return manifest.data;
}

/** Every file the manifest lists must be there with its size and checksum; returns what is wrong. */
export function checkFiles(dir: string, manifest: Manifest): string[] {
  const problems: string[] = [];
  for (const expected of manifest.files) {
    const file = path.join(dir, expected.name);
    if (!fs.existsSync(file)) problems.push(`${expected.name}: missing`);
    else if (fs.statSync(file).size !== expected.size) problems.push(`${expected.name}: ${fs.statSync(file).size} bytes, the manifest says ${expected.size}`);
    else if (sha256File(file) !== expected.sha256) problems.push(`${expected.name}: SHA-256 does not match the manifest`);
  }
  return problems;
}
