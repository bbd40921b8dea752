import zh from "@/lib/i18n/messages/zh.json";
import en from "@/lib/i18n/messages/en.json";
import { CENTRE_STATUSES, FOCUS_TAGS, MILESTONE_CATEGORIES } from "@/lib/domain/vocabulary";
import { INDICATORS, type Indicator } from "@/lib/registry/indicators";
import { allCities, citiesOfProvince } from "@/lib/domain/cities";
import { cellText, isoDay, type CellValue } from "./table";

// Cell values as the schemas take them. Coded fields accept the code or its label in either language,
// so a file filled in by hand ("智能制造") and one exported by the system read the same.

export type Resolved<T> = { value: T } | { reason: string };

interface Term {
  code: string;
  names: string[];
}

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

function vocabulary(codes: readonly string[], labels: (messages: typeof zh) => Record<string, string>): Term[] {
  return codes.map((code) => ({ code, names: [code, labels(zh)[code]!, labels(en as typeof zh)[code]!].map(normalise) }));
}

type EnumIndicator = Extract<Indicator, { type: "enum" }>;
const ENUM_INDICATORS = INDICATORS.filter((d): d is EnumIndicator => d.type === "enum");

const VOCABULARIES = {
  focusTags: vocabulary(FOCUS_TAGS, (m) => m.focusTags),
  status: vocabulary(CENTRE_STATUSES, (m) => m.centreStatuses),
  category: vocabulary(MILESTONE_CATEGORIES, (m) => m.milestoneCategories),
  // Enum indicators (the compute precision today) are read by their codes, which are also their labels.
  ...(Object.fromEntries(ENUM_INDICATORS.map((d) => [d.key, vocabulary(d.values, () => Object.fromEntries(d.values.map((v) => [v, v])))])) as Record<EnumIndicator["key"], Term[]>),
};
export type CodedField = keyof typeof VOCABULARIES;
export const isCodedField = (field: string): field is CodedField => Object.hasOwn(VOCABULARIES, field);

/** The code a cell names, or the cell unchanged so the schema reports it as invalid. */
export function codeOf(field: CodedField, value: CellValue): string | null {
  const text = cellText(value);
  if (text === null) return null;
  return VOCABULARIES[field].find((t) => t.names.includes(normalise(text)))?.code ?? text;
}

/**
 * Lists in one cell: codes (focus areas, target ids) split on ;；、,， or line ends; names (partners, which
 * may hold any punctuation) only on line ends, one per line as in the centre form.
 */
export function listOf(value: CellValue, of: "codes" | "names"): string[] {
  const text = cellText(value);
  if (text === null) return [];
  return text
    .split(of === "codes" ? /[;；、,，\r\n]+/ : /\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function codesOf(field: CodedField, value: CellValue): string[] {
  return listOf(value, "codes").map((item) => codeOf(field, item) ?? item);
}

const YES = ["是", "y", "yes", "true", "1", "√", "✓"];
const NO = ["否", "n", "no", "false", "0"];

export function yesNo(value: CellValue): Resolved<boolean> {
  if (typeof value === "boolean") return { value };
  const text = cellText(value);
  if (text === null) return { value: false };
  if (YES.includes(normalise(text))) return { value: true };
  if (NO.includes(normalise(text))) return { value: false };
  return { reason: "yesNo" };
}

/** Dates: a spreadsheet date cell, or the text YYYY-MM-DD (also 2026/6/30 and 2026年6月30日). */
export function dateText(value: CellValue): string | null {
  if (value instanceof Date) return isoDay(value);
  const text = cellText(value);
  if (text === null) return null;
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  return match ? `${match[1]}-${match[2]!.padStart(2, "0")}-${match[3]!.padStart(2, "0")}` : text;
}

export interface ProvinceName {
  code: string;
  nameZh: string;
  nameEn: string;
  shortZh: string;
}

export function provinceCodeOf(value: CellValue, provinces: readonly ProvinceName[]): string | null {
  const text = cellText(value);
  if (text === null) return null;
  const wanted = normalise(text);
  return provinces.find((p) => [p.code, p.nameZh, p.nameEn, p.shortZh].some((name) => normalise(name) === wanted))?.code ?? text;
}

/**
 * A city by code, or by its Chinese name ("杭州市" or "杭州"), looked up in the province first and then
 * nationwide, so a city of another province is reported as such rather than as an unknown code.
 */
export function cityCodeOf(value: CellValue, provinceCode: string | null): string | null {
  const text = cellText(value);
  if (text === null) return null;
  if (/^\d+$/.test(text.trim())) return text.trim();
  const wanted = text.trim().replace(/市$/, "");
  const named = (cities: { code: string; name: string }[]) => cities.find((c) => c.name.replace(/市$/, "") === wanted)?.code;
  return (provinceCode === null ? undefined : named(citiesOfProvince(provinceCode))) ?? named(allCities()) ?? text;
}

/** Numbers: spreadsheet numbers pass through; text keeps its thousands separators for the schema to strip. */
export function numberCell(value: CellValue): string | number | null {
  if (typeof value === "number") return value;
  return cellText(value);
}
