"use server";

import { revalidatePath } from "next/cache";
import { formCommand } from "@/lib/adapters/form";
import { markRead } from "@/lib/use-cases/notifications/mark-read";

/** Marks the signed-in user's own notifications and reminders read; nobody else's can be reached. */
export const markNotificationsReadAction = formCommand("markNotificationsReadAction", markRead, {
  done: () => revalidatePath("/", "layout"),
});
