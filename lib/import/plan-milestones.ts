import { milestoneSchema, type MilestoneInput, type UpdateMilestoneInput } from "@/lib/validation/centre";
import type { CentreDirectory } from "./centre-ref";
import { IssueList, KeyRegister, PROGRESS_EVERY } from "./issues";
import { cellText, type ImportIssue, type ImportTable } from "./table";
import { codeOf, dateText, numberCell, yesNo } from "./values";

// Milestone rows → creates and edits, matched by milestone ID or else by centre and title.

export interface ExistingMilestone extends MilestoneInput {
  id: string;
  version: number;
}

export type MilestoneAction =
  | { kind: "milestone"; row: number; op: "create"; input: MilestoneInput }
  | { kind: "milestone"; row: number; op: "update"; input: UpdateMilestoneInput }
  | { kind: "milestone"; row: number; op: "unchanged"; id: string };

const titleKey = (centreId: string, title: string) => `${centreId}\u0000${title.trim()}`;

export function sameMilestone(a: MilestoneInput, b: MilestoneInput): boolean {
  return a.centreId === b.centreId && a.title === b.title && a.category === b.category && a.weight === b.weight && a.plannedDate === b.plannedDate && a.evidenceRequired === b.evidenceRequired;
}

export function* planMilestones(table: ImportTable, centres: CentreDirectory, existing: readonly ExistingMilestone[]): Generator<number, { actions: MilestoneAction[]; issues: ImportIssue[] }> {
  const issues = new IssueList("milestones", table);
  const present = new Set(table.headers.keys());
  const byId = new Map(existing.map((m) => [m.id, m]));
  const byTitle = new Map<string, ExistingMilestone[]>();
  for (const m of existing) byTitle.set(titleKey(m.centreId, m.title), [...(byTitle.get(titleKey(m.centreId, m.title)) ?? []), m]);
  const seen = new KeyRegister();
  const actions: MilestoneAction[] = [];

  for (const [index, record] of table.records.entries()) {
    if (index % PROGRESS_EVERY === 0) yield index;
    const before = issues.length;
    const id = cellText(record.values.id ?? null)?.trim();
    const title = cellText(record.values.title ?? null)?.trim() ?? "";
    const byItsId = id === undefined ? undefined : byId.get(id);
    if (id !== undefined && !byItsId) issues.add(record, "id", "milestoneNotFound");
    // A row with the milestone's ID may leave its centre out: the milestone knows it.
    const namesCentre = ["centreId", "centreName"].some((key) => cellText(record.values[key] ?? null) !== null);
    const ref = byItsId && !namesCentre ? undefined : centres.resolve(record);
    if (ref && "reason" in ref) issues.add(record, ref.key, ref.reason);
    const centreId = ref === undefined ? byItsId!.centreId : "centre" in ref ? ref.centre.id : "";
    let stored = byItsId;
    if (stored && centreId !== "" && stored.centreId !== centreId) issues.add(record, "id", "milestoneNotInCentre");
    if (id === undefined && centreId !== "") {
      const titled = byTitle.get(titleKey(centreId, title)) ?? [];
      if (titled.length > 1) issues.add(record, "title", "ambiguousTitle");
      stored = titled[0];
    }
    const evidence = present.has("evidenceRequired") ? yesNo(record.values.evidenceRequired ?? null) : { value: stored?.evidenceRequired ?? false };
    if ("reason" in evidence) issues.add(record, "evidenceRequired", evidence.reason);
    // Weight is optional: left out keeps the stored weight, blank means the default of 1.
    const weight = present.has("weight") ? (numberCell(record.values.weight ?? null) ?? 1) : (stored?.weight ?? 1);
    const parsed = milestoneSchema.safeParse({
      centreId,
      title,
      category: codeOf("category", record.values.category ?? null),
      weight,
      plannedDate: dateText(record.values.plannedDate ?? null),
      evidenceRequired: "value" in evidence && evidence.value,
    });
    if (!parsed.success) issues.addZod(record, parsed.error.issues.filter((i) => i.path[0] !== "centreId"));
    // Rows whose centre was not found are not the same record as each other.
    const first = stored || centreId !== "" ? seen.claim(stored ? `id:${stored.id}` : `title:${titleKey(centreId, title)}`, record.row) : undefined;
    if (first !== undefined) issues.add(record, null, "duplicateRow", { first });
    if (issues.length > before || !parsed.success) continue;
    const input = parsed.data;
    if (!stored) actions.push({ kind: "milestone", row: record.row, op: "create", input });
    else if (sameMilestone(stored, input)) actions.push({ kind: "milestone", row: record.row, op: "unchanged", id: stored.id });
    else if (!issues.staleAgainst(record, stored.version)) {
      const { centreId: _centre, ...changes } = input;
      actions.push({ kind: "milestone", row: record.row, op: "update", input: { ...changes, id: stored.id, version: stored.version } });
    }
  }
  return { actions, issues: issues.issues };
}
