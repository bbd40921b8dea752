"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { setPreference } from "@/db/reminders";
import { formAction } from "@/lib/auth/form-action";
import { notificationPreferencesSchema } from "@/lib/validation/notification-preferences";

/** Every signed-in user sets their own mail settings: the user comes from the session, never from the form. */
export const saveNotificationPreferencesAction = formAction("saveNotificationPreferencesAction", { schema: notificationPreferencesSchema }, (input, user) => {
  setPreference(getDb(), user.id, input);
  revalidatePath("/settings/notifications");
});
