import "server-only";
import { z } from "zod";
import { listProvinceOptions } from "@/db/provinces";
import { listTargets } from "@/db/targets";
import { defineQuery } from "../define";

/** A province filter from the address: anything but a known province's code shows every target. */
export const provinceFilter = z.object({ province: z.string().optional().catch(undefined) });

/** The plan targets of /admin/targets, all or one province's, with the provinces for the filter. */
export const targetsPage = defineQuery({
  name: "admin.targets.list",
  input: provinceFilter,
  load: () => ({}),
  // Targets of every province: the rule (administrators) is the whole check.
  province: () => null,
  run: ({ db, input }) => {
    const provinces = listProvinceOptions(db);
    const selected = provinces.some((p) => p.code === input.province) ? input.province : undefined;
    return { provinces, selected, targets: listTargets(db, selected) };
  },
});
