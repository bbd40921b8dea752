"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formCommand } from "@/lib/adapters/form";
import { rateCentre } from "@/lib/use-cases/centres/rate-centre";

export const rateCentreAction = formCommand("rateCentreAction", rateCentre, {
  done: ({ centreId }) => {
    revalidatePath(`/centres/${centreId}`);
    redirect(`/centres/${centreId}#confidence`);
  },
});
