import "server-only";
import { z } from "zod";
import { listProvinceOptions } from "@/db/provinces";
import { getTarget } from "@/db/targets";
import { defineQuery } from "../define";

/**
 * The target form of /admin/targets/new (no `id`; `province` preselects the province) and
 * /admin/targets/[id] (an unknown id is not found), with the provinces to choose from.
 */
export const targetForm = defineQuery({
  name: "admin.targets.form",
  input: z.object({ id: z.string().min(1).optional(), province: z.string().max(20).optional().catch(undefined) }),
  load: ({ db, input }) => {
    if (input.id === undefined) return { target: null };
    const target = getTarget(db, input.id);
    return target && { target };
  },
  province: (rows) => rows.target?.provinceCode ?? null,
  run: ({ db, input, rows }) => ({ target: rows.target, province: input.province ?? "", provinces: listProvinceOptions(db) }),
});
