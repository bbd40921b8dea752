import "server-only";
import { z } from "zod";
import { listProvinceOptions } from "@/db/provinces";
import { reviewQueue as submittedUpdates } from "@/db/updates";
import { readableScope } from "@/lib/domain/permissions";
import { defineQuery } from "../define";

/**
 * The reviewers' queue: submitted updates of their scope (a provincial reviewer's province, a national
 * reviewer's every province), oldest first, with the provinces' names in both languages.
 */
export const reviewQueue = defineQuery({
  name: "reviews.queue",
  input: z.object({}),
  load: () => ({}),
  // The list is filtered to the reader's own scope, so no row outside it is ever loaded.
  province: () => null,
  run: ({ db, actor }) => {
    const names = new Map(listProvinceOptions(db).map((p) => [p.code, { nameZh: p.nameZh, nameEn: p.nameEn }]));
    return { items: submittedUpdates(db, readableScope(actor)).map((item) => ({ ...item, province: names.get(item.provinceCode) ?? null })) };
  },
});
