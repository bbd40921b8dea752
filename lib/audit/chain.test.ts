import { describe, expect, it } from "vitest";
import { canonicalJson, entryHash, verifyChain, type ChainEntry } from "./chain";

describe("canonicalJson", () => {
  it.each([
    ["keys sorted at every depth", { b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}'],
    ["no whitespace, arrays keep their order", [3, 1, 2], "[3,1,2]"],
    ["undefined members left out, as JSON.stringify does", { a: undefined, b: true }, '{"b":true}'],
    ["null and undefined at the top are null", undefined, "null"],
    ["Chinese and emoji kept as characters, not escaped", { 名称: "杭州中心🚀" }, '{"名称":"杭州中心🚀"}'],
    ["control characters escaped", "a\nb\u0001", '"a\\nb\\u0001"'],
    ["numbers in their shortest form", [1.5, -0, 1e21, 100], "[1.5,0,1e+21,100]"],
  ])("%s", (_, value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it("gives the same text whatever order the keys were built in", () => {
    expect(canonicalJson({ x: 1, 中: 2, A: 3 })).toBe(canonicalJson({ A: 3, 中: 2, x: 1 }));
  });

  it("sorts keys by UTF-16 code unit: uppercase before lowercase, CJK after ASCII, astral by surrogates", () => {
    expect(canonicalJson({ "\u{1F600}": 1, "\uFFFF": 2, b: 3, B: 4, 中: 5 })).toBe('{"B":4,"b":3,"中":5,"\u{1F600}":1,"\uFFFF":2}');
  });

  it("does not normalise Unicode: é precomposed and decomposed are different values", () => {
    expect(canonicalJson("\u00e9")).not.toBe(canonicalJson("e\u0301"));
  });

  it("refuses values JSON cannot carry, rather than hashing something else", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson({ f: () => 1 })).toThrow();
  });
});

const base: Omit<ChainEntry, "hash"> = {
  id: 1,
  at: "2026-07-01T00:00:00.000Z",
  actorId: null,
  actorLabel: "seed",
  entity: "centre",
  entityId: "c1",
  action: "create",
  before: null,
  after: { name: "杭州中心", budget: 800_000_000 },
  prevHash: null,
};

function chain(count: number): ChainEntry[] {
  const entries: ChainEntry[] = [];
  for (let id = 1; id <= count; id++) {
    const entry = { ...base, id, entityId: `c${id}`, prevHash: entries.at(-1)?.hash ?? null };
    entries.push({ ...entry, hash: entryHash(entry) });
  }
  return entries;
}

describe("entryHash", () => {
  it("is SHA-256 hex of the canonical entry, independent of key order in before/after", () => {
    expect(entryHash(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash({ ...base, after: { budget: 800_000_000, name: "杭州中心" } })).toBe(entryHash(base));
  });

  it.each([["id", { id: 2 }], ["actor", { actorLabel: "cli" }], ["after", { after: { name: "杭州中心", budget: 1 } }], ["prevHash", { prevHash: "0".repeat(64) }]])(
    "changes when %s changes",
    (_, change) => {
      expect(entryHash({ ...base, ...change })).not.toBe(entryHash(base));
    },
  );
});

describe("verifyChain", () => {
  it("passes an intact chain and reports its count and head", () => {
    const entries = chain(3);
    expect(verifyChain(entries)).toEqual({ ok: true, count: 3, head: { id: 3, hash: entries[2]!.hash } });
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: null });
  });

  it("finds an edited entry by its id", () => {
    const entries = chain(3);
    entries[1] = { ...entries[1]!, actorLabel: "someone else" };
    expect(verifyChain(entries)).toMatchObject({ ok: false, count: 1, id: 2, field: "hash", stored: entries[1]!.hash });
  });

  it("finds a deleted entry at the one after it", () => {
    const entries = chain(4);
    expect(verifyChain([entries[0]!, entries[2]!, entries[3]!])).toEqual({
      ok: false,
      count: 1,
      id: 3,
      field: "prev_hash",
      expected: entries[0]!.hash,
      stored: entries[1]!.hash,
    });
  });

  it("finds an entry that was never sealed", () => {
    const entries = chain(2);
    entries[1] = { ...entries[1]!, prevHash: null, hash: null };
    expect(verifyChain(entries)).toMatchObject({ ok: false, id: 2, field: "prev_hash", stored: null });
  });
});
