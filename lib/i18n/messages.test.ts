import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import zh from "./messages/zh.json";

// tsc checks every literal key against the Chinese messages (global.d.ts); this keeps the English ones
// the same tree, so a key added in one language only fails here.

function keysOf(tree: unknown, prefix = ""): string[] {
  if (typeof tree !== "object" || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([key, value]) => keysOf(value, prefix === "" ? key : `${prefix}.${key}`));
}

describe("the message files", () => {
  it("hold the same keys in Chinese and English", () => {
    const zhKeys = keysOf(zh).sort();
    const enKeys = keysOf(en).sort();
    expect(enKeys.filter((k) => !zhKeys.includes(k)), "only in English").toEqual([]);
    expect(zhKeys.filter((k) => !enKeys.includes(k)), "only in Chinese").toEqual([]);
  });

  it("have no empty message", () => {
    for (const [name, tree] of [["zh", zh], ["en", en]] as const) {
      const empty = keysOf(tree).filter((key) => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) === "");
      expect(empty, name).toEqual([]);
    }
  });
});
