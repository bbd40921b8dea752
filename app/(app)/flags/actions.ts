"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formCommand } from "@/lib/adapters/form";
import { reviewFlag } from "@/lib/use-cases/flags/review-flag";

export const reviewFlagAction = formCommand("reviewFlagAction", reviewFlag, {
  done: ({ flagKey, action }) => {
    const path = `/flags/${encodeURIComponent(flagKey)}`;
    revalidatePath(path);
    redirect(`${path}?done=${action}`);
  },
});
