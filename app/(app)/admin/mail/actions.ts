"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formCommand } from "@/lib/adapters/form";
import { retryMail } from "@/lib/use-cases/admin/retry-mail";

/** An id that is not a failed message is refused as not found (the use case says why). */
export const retryMailAction = formCommand("retryMailAction", retryMail, {
  done: () => {
    revalidatePath("/admin/mail");
    redirect("/admin/mail?retried=1");
  },
});
