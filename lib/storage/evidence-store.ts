import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

// Evidence files live under EVIDENCE_PATH (outside the web root) with random names; the database
// keeps the original name. Only the download route handler reads them, after a permission check.

function evidenceDir(root: string): string {
  fs.mkdirSync(root, { recursive: true });
  return root;
}

export interface StoredFile {
  storedName: string;
  sha256: string;
  sizeBytes: number;
}

/** Written with fsync before the database row, so a committed row never points at a missing file. */
export function storeEvidenceFile(bytes: Uint8Array, extension: string, root = env.EVIDENCE_PATH): StoredFile {
  const storedName = `${randomUUID()}.${extension}`;
  const target = path.join(evidenceDir(root), storedName);
  const fd = fs.openSync(target, "wx", 0o600);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return { storedName, sha256: createHash("sha256").update(bytes).digest("hex"), sizeBytes: bytes.byteLength };
}

/** Stored names are generated here, but are still refused if they could leave the folder. */
function safePath(storedName: string, root: string): string {
  if (!/^[0-9a-f-]{36}\.[a-z]{3,4}$/.test(storedName)) throw new Error("invalid stored evidence name");
  return path.join(root, storedName);
}

export function readEvidenceFile(storedName: string, root = env.EVIDENCE_PATH): Buffer {
  return fs.readFileSync(safePath(storedName, root));
}

export function removeEvidenceFile(storedName: string, root = env.EVIDENCE_PATH): void {
  fs.rmSync(safePath(storedName, root), { force: true });
}
