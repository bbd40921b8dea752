import type { Locale } from "@/lib/domain/vocabulary";
import { cityName } from "@/lib/domain/cities";
import type { TableSheet } from "@/lib/export/xlsx";
import { INDICATORS, type IndicatorDef } from "@/lib/registry/indicators";
import { headerLabel, importColumns } from "./columns";
import type { ImportKind } from "./kinds";
import type { ExistingCentre } from "./plan-centres";
import type { ExistingMilestone } from "./plan-milestones";
import type { ExistingUpdate } from "./plan-updates";
import type { CentreRef } from "./centre-ref";
import type { ProvinceName } from "./values";

// Import templates, empty or filled with the data in the user's scope. A filled template is the export
// that imports back without change: codes become labels in the user's language and read back as codes.

type Translate = (key: string, values?: Record<string, string | number>) => string;
type Cell = string | number | null;

export interface TemplateData {
  locale: Locale;
  provinces: readonly ProvinceName[];
  centres?: readonly ExistingCentre[];
  milestones?: readonly (ExistingMilestone & { centreName: string; provinceCode: string })[];
  /** For updates: the centres in scope and this period's stored updates. */
  refs?: readonly CentreRef[];
  updates?: ReadonlyMap<string, ExistingUpdate>;
  period?: string;
}

/** Each record as the cells of its columns, by column key. */
function recordsOf(kind: ImportKind, data: TemplateData, t: Translate): Record<string, Cell>[] {
  const province = (code: string) => {
    const p = data.provinces.find((x) => x.code === code);
    return p ? (data.locale === "zh" ? p.nameZh : p.nameEn) : code;
  };
  const list = (items: readonly string[]) => items.join(data.locale === "zh" ? "、" : "; ");
  switch (kind) {
    case "centres":
      return (data.centres ?? []).map((c) => ({
        ...c,
        provinceCode: province(c.provinceCode),
        cityCode: cityName(c.cityCode) ?? c.cityCode,
        partners: c.partners.join("\n") || null,
        focusTags: list(c.focusTags.map((tag) => t(`focusTags.${tag}`))),
        status: t(`centreStatuses.${c.status}`),
        targetIds: c.targetIds.join("; ") || null,
      }));
    case "milestones":
      return (data.milestones ?? []).map((m) => ({
        ...m,
        provinceCode: province(m.provinceCode),
        category: t(`milestoneCategories.${m.category}`),
        evidenceRequired: t(m.evidenceRequired ? "import.yes" : "import.no"),
      }));
    case "updates":
      return (data.refs ?? []).map((c) => {
        const stored = data.updates?.get(c.id);
        return { ...stored?.values, centreId: c.id, provinceCode: province(c.provinceCode), centreName: c.name, period: data.period ?? null, version: stored?.version ?? null };
      });
  }
}

/**
 * The data sheet: preamble (what, scope, when), header in both languages, rows. The update columns come
 * from the indicator registry given (the real one but in the registry test).
 */
export function templateSheet(kind: ImportKind, data: TemplateData, t: Translate, preamble: readonly (readonly string[])[], indicators: readonly IndicatorDef[] = INDICATORS): TableSheet {
  const columns = importColumns(indicators)[kind];
  const rows = recordsOf(kind, data, t).map((record) => columns.map((c) => record[c.key] ?? null));
  return { name: t(`import.kinds.${kind}`), preamble, header: columns.map(headerLabel), rows, widths: columns.map((c) => Math.max(12, Math.min(40, headerLabel(c).length + 4))) };
}

/** The instructions sheet: every column, whether a new row must fill it, and what it takes. */
export function instructionSheet(kind: ImportKind, t: Translate, indicators: readonly IndicatorDef[] = INDICATORS): TableSheet {
  return {
    name: t("import.instructions"),
    preamble: [[t("import.instructionsLead")]],
    header: [t("import.column"), t("import.required"), t("import.format")],
    rows: importColumns(indicators)[kind].map((c) => [headerLabel(c), t(c.required ? "import.yes" : "import.no"), t(`import.notes.${kind}.${c.key}`)]),
    widths: [36, 10, 90],
  };
}
