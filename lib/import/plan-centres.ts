import { canEditCentresIn, type Actor } from "@/lib/domain/permissions";
import { centreSchema, type CentreInput } from "@/lib/validation/centre";
import { IssueList, KeyRegister, PROGRESS_EVERY } from "./issues";
import type { ImportIssue, ImportRecord, ImportTable } from "./table";
import { cellText, type CellValue } from "./table";
import { cityCodeOf, codeOf, codesOf, dateText, listOf, numberCell, provinceCodeOf, type ProvinceName } from "./values";

// Centres rows → creates and edits. A row is matched to a stored centre by its ID, else by province and
// name, so re-importing a file (or an export) finds every centre again and changes nothing.

export interface ExistingCentre extends CentreInput {
  id: string;
  version: number;
}

export interface CentreSnapshot {
  /** Centres the importer may edit. */
  centres: readonly ExistingCentre[];
  /** Plan targets by id, with their province. */
  targetProvinces: ReadonlyMap<string, string>;
  provinces: readonly ProvinceName[];
}

export type CentreAction =
  | { kind: "centre"; row: number; op: "create"; input: CentreInput }
  | { kind: "centre"; row: number; op: "update"; id: string; version: number; input: CentreInput }
  | { kind: "centre"; row: number; op: "unchanged"; id: string };

export const nameKey = (provinceCode: string, name: string) => `${provinceCode}\u0000${name.trim()}`;

/** The stored centre a row names: by ID, or by province and name (refused when two share the name). */
function matchCentre(
  record: ImportRecord,
  byId: ReadonlyMap<string, ExistingCentre>,
  byName: ReadonlyMap<string, ExistingCentre[]>,
  provinceCode: string | null,
  name: string | null,
): { centre?: ExistingCentre; reason?: string } {
  const id = cellText(record.values.id ?? null);
  if (id !== null) return byId.has(id.trim()) ? { centre: byId.get(id.trim()) } : { reason: "centreNotFound" };
  if (provinceCode === null || name === null) return {};
  const named = byName.get(nameKey(provinceCode, name)) ?? [];
  return named.length > 1 ? { reason: "ambiguousName" } : { centre: named[0] };
}

function rawInput(values: Record<string, CellValue>, present: ReadonlySet<string>, stored: ExistingCentre | undefined, provinces: readonly ProvinceName[]) {
  const provinceCode = provinceCodeOf(values.provinceCode ?? null, provinces);
  // An optional column left out of the file keeps the stored value; a blank cell clears it.
  const keep = <T>(key: string, read: () => T, fallback: T): T => (present.has(key) ? read() : stored ? fallback : read());
  return {
    provinceCode,
    cityCode: cityCodeOf(values.cityCode ?? null, provinceCode),
    name: cellText(values.name ?? null),
    leadInstitution: cellText(values.leadInstitution ?? null),
    leadCreditCode: keep("leadCreditCode", () => cellText(values.leadCreditCode ?? null), stored?.leadCreditCode ?? null),
    partners: keep("partners", () => listOf(values.partners ?? null, "names"), stored?.partners ?? []),
    focusTags: codesOf("focusTags", values.focusTags ?? null),
    plannedBudgetYuan: numberCell(values.plannedBudgetYuan ?? null),
    startDate: dateText(values.startDate ?? null),
    plannedCompletionDate: dateText(values.plannedCompletionDate ?? null),
    status: codeOf("status", values.status ?? null),
    targetIds: keep("targetIds", () => listOf(values.targetIds ?? null, "codes"), stored?.targetIds ?? []),
  };
}

export function sameCentre(a: CentreInput, b: CentreInput): boolean {
  const sorted = (ids: readonly string[]) => [...new Set(ids)].sort().join("\n");
  return (
    a.provinceCode === b.provinceCode &&
    a.cityCode === b.cityCode &&
    a.name === b.name &&
    a.leadInstitution === b.leadInstitution &&
    a.leadCreditCode === b.leadCreditCode &&
    a.partners.join("\n") === b.partners.join("\n") &&
    a.focusTags.join("\n") === b.focusTags.join("\n") &&
    a.plannedBudgetYuan === b.plannedBudgetYuan &&
    a.startDate === b.startDate &&
    a.plannedCompletionDate === b.plannedCompletionDate &&
    a.status === b.status &&
    sorted(a.targetIds) === sorted(b.targetIds)
  );
}

export function* planCentres(table: ImportTable, snapshot: CentreSnapshot, actor: Actor): Generator<number, { actions: CentreAction[]; issues: ImportIssue[] }> {
  const issues = new IssueList("centres", table);
  const present = new Set(table.headers.keys());
  const byId = new Map(snapshot.centres.map((c) => [c.id, c]));
  const byName = new Map<string, ExistingCentre[]>();
  for (const c of snapshot.centres) byName.set(nameKey(c.provinceCode, c.name), [...(byName.get(nameKey(c.provinceCode, c.name)) ?? []), c]);
  const seen = new KeyRegister();
  const actions: CentreAction[] = [];

  for (const [index, record] of table.records.entries()) {
    if (index % PROGRESS_EVERY === 0) yield index;
    const before = issues.length;
    const preliminary = rawInput(record.values, present, undefined, snapshot.provinces);
    const match = matchCentre(record, byId, byName, preliminary.provinceCode, preliminary.name);
    if (match.reason) issues.add(record, match.reason === "centreNotFound" ? "id" : "name", match.reason);
    const stored = match.centre;
    // Whose province the row is in is told even when other cells are wrong too.
    const province = snapshot.provinces.some((p) => p.code === preliminary.provinceCode) ? preliminary.provinceCode : null;
    if (province !== null && !canEditCentresIn(actor, province)) issues.add(record, "provinceCode", "provinceNotYours");
    else if (province !== null && stored && stored.provinceCode !== province) issues.add(record, "provinceCode", "provinceImmutable");
    const parsed = centreSchema.safeParse(rawInput(record.values, present, stored, snapshot.provinces));
    if (!parsed.success) {
      issues.addZod(record, parsed.error.issues);
      continue;
    }
    const input = parsed.data;
    const foreign = input.targetIds.filter((id) => snapshot.targetProvinces.get(id) !== input.provinceCode);
    if (foreign.length > 0) issues.add(record, "targetIds", "targetNotInProvince", { ids: foreign.join(", ") });
    const key = stored ? `id:${stored.id}` : `name:${nameKey(input.provinceCode, input.name)}`;
    const first = seen.claim(key, record.row);
    if (first !== undefined) issues.add(record, null, "duplicateRow", { first });
    if (issues.length > before) continue;
    if (!stored) actions.push({ kind: "centre", row: record.row, op: "create", input });
    else if (sameCentre(stored, input)) actions.push({ kind: "centre", row: record.row, op: "unchanged", id: stored.id });
    else if (!issues.staleAgainst(record, stored.version)) actions.push({ kind: "centre", row: record.row, op: "update", id: stored.id, version: stored.version, input });
  }
  return { actions, issues: issues.issues };
}
