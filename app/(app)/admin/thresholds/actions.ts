"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { setThreshold } from "@/db/thresholds";
import { formAction } from "@/lib/auth/form-action";
import { thresholdSchema } from "@/lib/validation/threshold";

export const setThresholdAction = formAction("setThresholdAction", { schema: thresholdSchema, roles: ["admin"] }, (input, user) => {
  setThreshold(getDb(), input, { userId: user.id });
  // Every page computes flags on request, so the new figure is in force from the next page load.
  revalidatePath("/", "layout");
  redirect(`/admin/thresholds?${input.value === null ? "reset" : "saved"}=${encodeURIComponent(input.key)}`);
});
