"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { retryFailedMail } from "@/db/mail-outbox";
import { formAction } from "@/lib/auth/form-action";
import { retryMailSchema } from "@/lib/validation/notification-preferences";

/** Administrators only; the data layer refuses an id that is not a failed message (NotFoundError). */
export const retryMailAction = formAction("retryMailAction", { schema: retryMailSchema, roles: ["admin"] }, (input, user) => {
  retryFailedMail(getDb(), input.id, { userId: user.id });
  revalidatePath("/admin/mail");
  redirect("/admin/mail?retried=1");
});
