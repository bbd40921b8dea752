import "server-only";
import { z } from "zod";
import { listNotifications } from "@/db/notifications";
import { listReminders } from "@/db/reminders";
import { defineQuery } from "../define";

/** The reader's own notifications (workflow events on their updates) and reminders, newest first. */
export const notificationsPage = defineQuery({
  name: "notifications.list",
  input: z.object({}),
  load: () => ({}),
  // Only the reader's own rows are read.
  province: () => null,
  run: ({ db, actor }) => {
    const items = listNotifications(db, actor.id);
    const reminders = listReminders(db, actor.id);
    return { items, reminders, anyUnread: [...items, ...reminders].some((n) => !n.readAt) };
  },
});
export type ReminderItem = ReturnType<typeof listReminders>[number];
