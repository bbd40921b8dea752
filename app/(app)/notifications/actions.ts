"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { markRead } from "@/db/notifications";
import { markRemindersRead } from "@/db/reminders";
import { formAction } from "@/lib/auth/form-action";

/** Marks the signed-in user's own notifications and reminders read; nobody else's can be reached. */
export const markNotificationsReadAction = formAction("markNotificationsReadAction", { schema: z.object({}) }, (_input, user) => {
  markRead(getDb(), user.id);
  markRemindersRead(getDb(), user.id);
  revalidatePath("/", "layout");
});
