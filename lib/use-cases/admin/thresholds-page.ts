import "server-only";
import { z } from "zod";
import { listThresholdOverrides } from "@/db/thresholds";
import { defineQuery } from "../define";

/** What /admin/thresholds needs from the database: each stored override with its version. */
export const thresholdsPage = defineQuery({
  name: "admin.thresholds.page",
  input: z.object({}),
  load: () => ({}),
  // Thresholds are national: the rule (administrators) is the whole check.
  province: () => null,
  run: ({ db }) => ({ overrides: listThresholdOverrides(db) }),
});
