import zh from "@/lib/i18n/messages/zh.json";
import en from "@/lib/i18n/messages/en.json";
import { INDICATORS, type IndicatorDef } from "@/lib/registry/indicators";

// The columns of each import file. Headers carry both languages ("中心名称 / Centre name") and are taken
// from the message files, so a file's headers read exactly like the form's labels. On import a header
// matches its Chinese part, its English part, both, or the camelCase key, ignoring case and spaces.

import type { ImportKind } from "./kinds";

export interface ImportColumn {
  key: string;
  zh: string;
  en: string;
  /** A new row must fill it (existing rows matched by key keep the stored value when the column is absent). */
  required: boolean;
}

type Messages = typeof zh;
const column = (key: string, label: (m: Messages) => string, required = false): ImportColumn => ({ key, zh: label(zh), en: label(en as Messages), required });

const CENTRE_REF = [
  column("centreId", (m) => m.import.columns.centreId),
  column("provinceCode", (m) => m.import.columns.province),
  column("centreName", (m) => m.centres.name),
];

/** The stored version when the file was exported: a row whose record changed since then is refused, not overwritten. */
const VERSION = column("version", (m) => m.import.columns.version);

// A label missing from the message files shows as the key here; the registry test finds it first.
const fieldLabel = (key: string) => (m: Messages) => (m.updates.fields as Record<string, string | undefined>)[key] ?? key;

/** The update columns of a registry: the indicators it exchanges, then the narrative and the correction reason. */
const updateValueColumns = (indicators: readonly IndicatorDef[]) =>
  [...indicators.filter((d) => d.exchange).map((d) => d.key), "narrative", "correctionReason"].map((key) => column(key, fieldLabel(key)));

/** Each import file's columns, for a registry of indicators (the real one but in the registry test). */
export const importColumns = (indicators: readonly IndicatorDef[]): Record<ImportKind, readonly ImportColumn[]> => ({
  centres: [
    column("id", (m) => m.import.columns.centreId),
    column("provinceCode", (m) => m.import.columns.province, true),
    column("cityCode", (m) => m.import.columns.city, true),
    column("name", (m) => m.centres.name, true),
    column("leadInstitution", (m) => m.centres.leadInstitution, true),
    column("leadCreditCode", (m) => m.centres.leadCreditCode),
    column("partners", (m) => m.centres.partners),
    column("focusTags", (m) => m.centres.focusTags, true),
    column("plannedBudgetYuan", (m) => m.centres.plannedBudgetYuan, true),
    column("startDate", (m) => m.centres.startDate, true),
    column("plannedCompletionDate", (m) => m.centres.plannedCompletion, true),
    column("status", (m) => m.centres.status, true),
    column("targetIds", (m) => m.import.columns.targetIds),
    VERSION,
  ],
  milestones: [
    column("id", (m) => m.import.columns.milestoneId),
    ...CENTRE_REF,
    column("title", (m) => m.milestones.name, true),
    column("category", (m) => m.milestones.category, true),
    column("weight", (m) => m.milestones.weight),
    column("plannedDate", (m) => m.milestones.plannedDate, true),
    column("evidenceRequired", (m) => m.milestones.evidenceRequired),
    VERSION,
  ],
  updates: [
    ...CENTRE_REF,
    column("period", (m) => m.import.columns.period),
    ...updateValueColumns(indicators),
    VERSION,
  ],
});

export const IMPORT_COLUMNS = importColumns(INDICATORS);

export function headerLabel(column: ImportColumn): string {
  return `${column.zh} / ${column.en}`;
}

const normalise = (text: string) => text.toLowerCase().replace(/[\s_]/g, "");

/** The column a header cell names, if any. */
export function columnForHeader(kind: ImportKind, header: string): ImportColumn | undefined {
  const wanted = normalise(header);
  if (wanted === "") return undefined;
  return IMPORT_COLUMNS[kind].find(
    (c) => [c.key, c.zh, c.en, headerLabel(c)].some((name) => normalise(name) === wanted) || normalise(`${c.zh}/${c.en}`) === wanted,
  );
}
