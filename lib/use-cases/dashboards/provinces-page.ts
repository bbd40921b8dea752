import "server-only";
import { z } from "zod";
import { listProvinces } from "@/db/provinces";
import { readableScope } from "@/lib/domain/permissions";
import { defineQuery } from "../define";

/** The list of provinces with their counts of targets and centres: the reader's scope only, so a provincial user never receives another province's row. */
export const provincesPage = defineQuery({
  name: "dashboards.provinces",
  input: z.object({}),
  load: () => ({}),
  province: () => null,
  run: ({ db, actor }) => ({ rows: listProvinces(db, readableScope(actor)) }),
});
