"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formCommand } from "@/lib/adapters/form";
import { createCentre } from "@/lib/use-cases/centres/create-centre";
import { createMilestone, updateMilestone } from "@/lib/use-cases/centres/milestone-edits";
import { updateCentre } from "@/lib/use-cases/centres/update-centre";

// The rules (stored province checked, version compared) live in the use cases, shared with the REST API.

export const createCentreAction = formCommand("createCentreAction", createCentre, {
  done: ({ id, provinceCode }) => {
    revalidatePath(`/provinces/${provinceCode}`);
    redirect(`/centres/${id}`);
  },
});

export const updateCentreAction = formCommand("updateCentreAction", updateCentre, {
  done: ({ id }) => {
    revalidatePath(`/centres/${id}`);
    redirect(`/centres/${id}`);
  },
});

export const createMilestoneAction = formCommand("createMilestoneAction", createMilestone, {
  done: ({ centreId }) => {
    revalidatePath(`/centres/${centreId}`);
    redirect(`/centres/${centreId}`);
  },
});

export const updateMilestoneAction = formCommand("updateMilestoneAction", updateMilestone, {
  done: ({ centreId }) => {
    revalidatePath(`/centres/${centreId}`);
    redirect(`/centres/${centreId}`);
  },
});
