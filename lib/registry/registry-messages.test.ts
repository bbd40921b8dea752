import { describe, expect, it } from "vitest";
import zh from "@/lib/i18n/messages/zh.json";
import en from "@/lib/i18n/messages/en.json";
import { RISK_CODE_ROWS } from "./risk-codes";
import { splitKey, THRESHOLDS, THRESHOLD_UNITS } from "./thresholds";

// Messages are looked up by keys the registries build, so a row without its words only shows at run
// time: check every key here, in both languages.
const lookup = (messages: unknown, key: string): unknown => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);

const keys = [
  ...THRESHOLDS.flatMap((r) => [r.labelKey, r.helpKey, `thresholds.groups.${splitKey(r.key)[0]}`, `thresholds.sources.${r.source}`]),
  ...THRESHOLD_UNITS.map((u) => `thresholds.units.${u}`),
  ...RISK_CODE_ROWS.flatMap((r) => [r.labelKey, r.descriptionKey]),
];

describe.each([
  ["zh", zh],
  ["en", en],
] as const)("%s messages", (_, messages) => {
  it.each([...new Set(keys)])("has %s", (key) => {
    const text = lookup(messages, key);
    expect(typeof text).toBe("string");
    expect((text as string).length).toBeGreaterThan(0);
  });

  it("has no label or help left for a threshold the registry no longer has", () => {
    const names = new Set(THRESHOLDS.map((r) => r.key.replace(".", "_")));
    expect(Object.keys(messages.thresholds.fields).filter((k) => !names.has(k))).toEqual([]);
    expect(Object.keys(messages.thresholds.help).filter((k) => !names.has(k))).toEqual([]);
  });
});
