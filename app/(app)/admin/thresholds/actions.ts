"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formCommand } from "@/lib/adapters/form";
import { setThreshold } from "@/lib/use-cases/admin/set-threshold";

export const setThresholdAction = formCommand("setThresholdAction", setThreshold, {
  done: ({ key, reset }) => {
    // Every page computes flags on request, so the new figure is in force from the next page load.
    revalidatePath("/", "layout");
    redirect(`/admin/thresholds?${reset ? "reset" : "saved"}=${encodeURIComponent(key)}`);
  },
});
