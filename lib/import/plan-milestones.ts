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
  | { row: number; op: "create"; input: MilestoneInput }
  | { row: number; op: "update"; input: UpdateMilestoneInput }
  | { row: number; op: "unchanged"; id: string };

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
    const ref = centres.resolve(record);
    if ("reason" in ref) issues.add(record, ref.key, ref.reason);
    const centreId = "centre" in ref ? ref.centre.id : "";
    const id = cellText(record.values.id ?? null)?.trim();
    const title = cellText(record.values.title ?? null)?.trim() ?? "";
    let stored: ExistingMilestone | undefined;
    if (id !== undefined) {
      stored = byId.get(id);
      if (!stored) issues.add(record, "id", "milestoneNotFound");
      else if (centreId !== "" && stored.centreId !== centreId) issues.add(record, "id", "milestoneNotInCentre");
    } else if (centreId !== "") {
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
    const first = seen.claim(stored ? `id:${stored.id}` : `title:${titleKey(centreId, title)}`, record.row);
    if (first !== undefined) issues.add(record, null, "duplicateRow", { first });
    if (issues.length > before || !parsed.success) continue;
    const input = parsed.data;
    if (!stored) actions.push({ row: record.row, op: "create", input });
    else if (sameMilestone(stored, input)) actions.push({ row: record.row, op: "unchanged", id: stored.id });
    else {
      const { centreId: _centre, ...changes } = input;
      actions.push({ row: record.row, op: "update", input: { ...changes, id: stored.id, version: stored.version } });
    }
  }
  return { actions, issues: issues.issues };
}
