import type { Locale } from "@/lib/domain/vocabulary";
import { cityName } from "@/lib/domain/cities";
import type { TableSheet } from "@/lib/export/xlsx";
import { headerLabel, IMPORT_COLUMNS } from "./columns";
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

function rowsOf(kind: ImportKind, data: TemplateData, t: Translate): Cell[][] {
  const province = (code: string) => {
    const p = data.provinces.find((x) => x.code === code);
    return p ? (data.locale === "zh" ? p.nameZh : p.nameEn) : code;
  };
  const list = (items: readonly string[]) => items.join(data.locale === "zh" ? "、" : "; ");
  switch (kind) {
    case "centres":
      return (data.centres ?? []).map((c) => [
        c.id,
        province(c.provinceCode),
        cityName(c.cityCode) ?? c.cityCode,
        c.name,
        c.leadInstitution,
        c.leadCreditCode,
        c.partners.join("\n") || null,
        list(c.focusTags.map((tag) => t(`focusTags.${tag}`))),
        c.plannedBudgetYuan,
        c.startDate,
        c.plannedCompletionDate,
        t(`centreStatuses.${c.status}`),
        c.targetIds.join("; ") || null,
      ]);
    case "milestones":
      return (data.milestones ?? []).map((m) => [
        m.id,
        m.centreId,
        province(m.provinceCode),
        m.centreName,
        m.title,
        t(`milestoneCategories.${m.category}`),
        m.weight,
        m.plannedDate,
        t(m.evidenceRequired ? "import.yes" : "import.no"),
      ]);
    case "updates": {
      const valueKeys = IMPORT_COLUMNS.updates.slice(4).map((c) => c.key as keyof ExistingUpdate["values"]);
      return (data.refs ?? []).map((c) => {
        const stored = data.updates?.get(c.id);
        return [c.id, province(c.provinceCode), c.name, data.period ?? null, ...valueKeys.map((k) => stored?.values[k] ?? null)];
      });
    }
  }
}

/** The data sheet: preamble (what, scope, when), header in both languages, rows. */
export function templateSheet(kind: ImportKind, data: TemplateData, t: Translate, preamble: readonly (readonly string[])[]): TableSheet {
  const columns = IMPORT_COLUMNS[kind];
  return { name: t(`import.kinds.${kind}`), preamble, header: columns.map(headerLabel), rows: rowsOf(kind, data, t), widths: columns.map((c) => Math.max(12, Math.min(40, headerLabel(c).length + 4))) };
}

/** The instructions sheet: every column, whether a new row must fill it, and what it takes. */
export function instructionSheet(kind: ImportKind, t: Translate): TableSheet {
  return {
    name: t("import.instructions"),
    preamble: [[t("import.instructionsLead")]],
    header: [t("import.column"), t("import.required"), t("import.format")],
    rows: IMPORT_COLUMNS[kind].map((c) => [headerLabel(c), t(c.required ? "import.yes" : "import.no"), t(`import.notes.${kind}.${c.key}`)]),
    widths: [36, 10, 90],
  };
}
