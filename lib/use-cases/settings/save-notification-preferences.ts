import "server-only";
import { setPreference } from "@/db/reminders";
import { notificationPreferencesSchema } from "@/lib/validation/notification-preferences";
import { defineCommand } from "../define";

/** Every signed-in user sets their own mail settings: the user is the actor, never a field of the form. */
export const saveNotificationPreferences = defineCommand({
  name: "settings.notifications.save",
  input: notificationPreferencesSchema,
  load: () => ({}),
  province: () => null,
  run: (tx, { actor, input }) => {
    setPreference(tx, actor.id, input);
    return { userId: actor.id };
  },
});
