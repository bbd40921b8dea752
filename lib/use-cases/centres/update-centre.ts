import "server-only";
import type { z } from "zod";
import { getCentre, getCentreProvince, updateCentre as saveCentre } from "@/db/centres";
import type { Tx } from "@/db/audit";
import { FieldErrors } from "@/lib/domain/errors";
import { CENTRE_ID_PATTERN } from "@/lib/validation/api-query";
import { updateCentreSchema, type UpdateCentreInput } from "@/lib/validation/centre";
import { defineCommand, type LoadContext } from "../define";
import { patchSchema } from "./patch.schema";

// Editing a centre, from its form (every field sent) or the API's PATCH (the fields left out keep their
// stored values). Either way the stored province is the row the rule checks, never one sent, and a
// version read before another edit is refused (409).

function save(tx: Tx, actorId: string, input: UpdateCentreInput): { id: string } {
  const { id, version, ...changes } = input;
  saveCentre(tx, id, version, changes, { userId: actorId });
  return { id };
}

const storedProvince = ({ db, input }: LoadContext<{ id: string }>) => {
  const provinceCode = CENTRE_ID_PATTERN.test(input.id) ? getCentreProvince(db, input.id) : undefined;
  return provinceCode ? { provinceCode } : undefined;
};

export const updateCentre = defineCommand({
  name: "centres.update",
  input: updateCentreSchema,
  load: storedProvince,
  province: (rows) => rows.provinceCode,
  run: (tx, { actor, input }) => save(tx, actor.id, input),
});

/** The API's partial edit: the body is checked with the form's schema once merged over the stored centre. */
export const patchCentre = defineCommand({
  name: "centres.patch",
  input: patchSchema,
  load: storedProvince,
  province: (rows) => rows.provinceCode,
  run: (tx, { actor, input }) => {
    const stored = getCentre(tx, input.id)!;
    const current = {
      provinceCode: stored.provinceCode,
      cityCode: stored.cityCode,
      name: stored.name,
      leadInstitution: stored.leadInstitution,
      leadCreditCode: stored.leadCreditCode,
      partners: stored.partners,
      focusTags: stored.focusTags,
      plannedBudgetYuan: stored.plannedBudgetYuan,
      startDate: stored.startDate,
      plannedCompletionDate: stored.plannedCompletionDate,
      status: stored.status,
      targetIds: stored.targets.map((t) => t.id),
    };
    return save(tx, actor.id, parseMerged(updateCentreSchema, { ...current, ...input.body, id: input.id }));
  },
});

/** The merged fields through the form's schema; each invalid field is refused by name (400). */
export function parseMerged<S extends z.ZodType>(schema: S, merged: unknown): z.output<S> {
  const parsed = schema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const keys: Record<string, string> = {};
  for (const issue of parsed.error.issues) keys[issue.path.map(String).join(".") || "_body"] ??= issue.message;
  throw new FieldErrors(keys);
}
