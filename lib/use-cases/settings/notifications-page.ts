import "server-only";
import { z } from "zod";
import { getPreference } from "@/db/reminders";
import { defineQuery } from "../define";

/** The signed-in user's own mail settings; nobody else's can be reached. */
export const notificationsPage = defineQuery({
  name: "settings.notifications.page",
  input: z.object({}),
  load: () => ({}),
  province: () => null,
  run: ({ db, actor }) => ({ preference: getPreference(db, actor.id) }),
});
