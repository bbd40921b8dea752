"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formCommand } from "@/lib/adapters/form";
import { createTarget } from "@/lib/use-cases/admin/create-target";
import { updateTarget } from "@/lib/use-cases/admin/update-target";

/** The province's page shows its targets; the list returns filtered to the province. */
function backToProvince({ provinceCode }: { provinceCode: string }): never {
  revalidatePath(`/provinces/${provinceCode}`);
  redirect(`/admin/targets?province=${provinceCode}`);
}

export const createTargetAction = formCommand("createTargetAction", createTarget, { done: backToProvince });

export const updateTargetAction = formCommand("updateTargetAction", updateTarget, { done: backToProvince });
