import "server-only";
import { z } from "zod";
import { centreRefs, importableCentres, importableMilestones, periodUpdates } from "@/db/imports";
import { getProvince, listProvinceOptions } from "@/db/provinces";
import { chinaToday } from "@/lib/domain/china-time";
import { editableScope } from "@/lib/domain/permissions";
import { LOCALES } from "@/lib/domain/vocabulary";
import type { TemplateData } from "@/lib/import/template";
import { importTemplateSchema } from "@/lib/validation/import";
import { defineQuery } from "../define";

/**
 * An import template's contents: blank, or filled with the data the user may import into, i.e. their
 * editing scope (their province, or every province for an administrator).
 */
export const importTemplate = defineQuery({
  name: "import.template",
  input: z.intersection(importTemplateSchema, z.object({ locale: z.enum(LOCALES) })),
  load: () => ({}),
  province: () => null,
  target: (input) => input.kind,
  run: ({ db, actor, input }) => {
    const scope = editableScope(actor);
    const base = { locale: input.locale, provinces: listProvinceOptions(db) };
    const data: TemplateData = !input.filled
      ? base
      : input.kind === "centres"
        ? { ...base, centres: importableCentres(db, scope) }
        : input.kind === "milestones"
          ? { ...base, milestones: importableMilestones(db, scope) }
          : { ...base, refs: centreRefs(db, scope), updates: periodUpdates(db, scope, input.period!), period: input.period };
    // The filled file's preamble names the scope: the province, or none for a national importer.
    const province = actor.provinceCode ? (getProvince(db, actor.provinceCode) ?? null) : null;
    return { request: input, data, province, today: chinaToday() };
  },
});
