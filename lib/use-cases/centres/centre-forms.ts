import "server-only";
import { getCentre } from "@/db/centres";
import { getMilestoneWithProvince } from "@/db/milestones";
import { getProvince, listProvinceOptions } from "@/db/provinces";
import { localName } from "@/lib/i18n/locale";
import { CENTRE_ID_PATTERN } from "@/lib/validation/api-query";
import { defineQuery } from "../define";
import { newCentreFormSchema, provinceOptionsSchema, rowIdSchema } from "./centre-views.schema";
import { centreFormOptions } from "./form-options";

// What the centre and milestone forms open with. Each is checked against the editors' rule with the
// stored row's province, so a form for a centre outside the editor's scope is not found.

/** The new-centre form: staff register in their own province; an administrator picks one from its page. */
export const newCentreForm = defineQuery({
  name: "centres.newForm",
  input: newCentreFormSchema,
  load: ({ db, actor, input }) => {
    const code = input.province ?? actor.provinceCode;
    return (code && getProvince(db, code)) || undefined;
  },
  province: (province) => province.code,
  target: (input) => input.province,
  run: ({ db, input, rows: province }) => ({ provinceCode: province.code, provinceName: localName(input.locale, province), ...centreFormOptions(db, province.code) }),
});

/** The centre's edit form: its stored fields and the choices of its province. */
export const centreEditForm = defineQuery({
  name: "centres.editForm",
  input: rowIdSchema,
  load: ({ db, input }) => (CENTRE_ID_PATTERN.test(input.id) ? getCentre(db, input.id) : undefined),
  province: (centre) => centre.provinceCode,
  run: ({ db, rows: centre }) => {
    const { milestones: _milestones, targets, ...fields } = centre;
    return { centre: { ...fields, targetIds: targets.map((target) => target.id) }, ...centreFormOptions(db, centre.provinceCode) };
  },
});

/** The new-milestone form of a centre: the centre it is added to. */
export const newMilestoneForm = defineQuery({
  name: "milestones.newForm",
  input: rowIdSchema,
  load: ({ db, input }) => (CENTRE_ID_PATTERN.test(input.id) ? getCentre(db, input.id) : undefined),
  province: (centre) => centre.provinceCode,
  run: ({ rows: centre }) => ({ centreId: centre.id, centreName: centre.name }),
});

/** A milestone's edit form: its stored plan. */
export const milestoneEditForm = defineQuery({
  name: "milestones.editForm",
  input: rowIdSchema,
  load: ({ db, input }) => (CENTRE_ID_PATTERN.test(input.id) ? getMilestoneWithProvince(db, input.id) : undefined),
  province: (stored) => stored.provinceCode,
  run: ({ rows: { milestone } }) => milestone,
});

/** The 34 divisions as select options, named in the reader's language (the account and target forms). */
export const provinceOptions = defineQuery({
  name: "centres.provinceOptions",
  input: provinceOptionsSchema,
  load: () => ({}),
  province: () => null,
  run: ({ db, input }) => listProvinceOptions(db).map((p) => ({ value: p.code, label: `${localName(input.locale, p)} (${p.code})` })),
});
