import { createHash } from "node:crypto";

// The audit log's hash chain. Each entry's hash covers its own fields and the previous entry's hash,
// so editing, deleting or reordering any entry breaks every link after it. Pure: no database here.

/** One audit entry as stored, with before/after already parsed from their JSON text. */
export interface ChainEntry {
  id: number;
  at: string;
  actorId: string | null;
  actorLabel: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
  prevHash: string | null;
  hash: string | null;
}

/**
 * JSON with object keys sorted by UTF-16 code unit (as RFC 8785 does) and no whitespace, so the same
 * value always gives the same text whatever order its keys were built in. Strings are kept as they are:
 * no Unicode normalisation, so a change from one form of a character to another is a change.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error("canonicalJson: numbers must be finite");
    return JSON.stringify(value);
  }
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  throw new Error(`canonicalJson: cannot serialise a ${typeof value}`);
}

/** SHA-256 (hex) over the UTF-8 bytes of the entry's canonical form, the previous hash included. */
export function entryHash(entry: Omit<ChainEntry, "hash">): string {
  const { id, at, actorId, actorLabel, entity, entityId, action, before, after, prevHash } = entry;
  const text = canonicalJson({ id, at, actorId, actorLabel, entity, entityId, action, before, after, prevHash });
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export type ChainResult =
  | { ok: true; count: number; head: { id: number; hash: string } | null }
  | { ok: false; count: number; id: number; field: "prev_hash" | "hash"; expected: string | null; stored: string | null };

/**
 * Walks entries in id order and stops at the first broken link: a prev_hash that is not the stored hash
 * of the entry before it (an entry was deleted or inserted), or a hash that does not match the entry's
 * contents (it was edited). `count` is the number of entries checked and found good.
 */
export function verifyChain(entries: Iterable<ChainEntry>): ChainResult {
  let previous: { id: number; hash: string } | null = null;
  let count = 0;
  for (const entry of entries) {
    const expectedPrev: string | null = previous?.hash ?? null;
    if (entry.prevHash !== expectedPrev) {
      return { ok: false, count, id: entry.id, field: "prev_hash", expected: expectedPrev, stored: entry.prevHash };
    }
    const expected = entryHash(entry);
    if (entry.hash !== expected) return { ok: false, count, id: entry.id, field: "hash", expected, stored: entry.hash };
    previous = { id: entry.id, hash: expected };
    count += 1;
  }
  return { ok: true, count, head: previous };
}
