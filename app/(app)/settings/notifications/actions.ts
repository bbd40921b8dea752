"use server";

import { revalidatePath } from "next/cache";
import { formCommand } from "@/lib/adapters/form";
import { saveNotificationPreferences } from "@/lib/use-cases/settings/save-notification-preferences";

export const saveNotificationPreferencesAction = formCommand("saveNotificationPreferencesAction", saveNotificationPreferences, {
  done: () => revalidatePath("/settings/notifications"),
});
