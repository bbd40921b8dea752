import "server-only";
import { z } from "zod";
import { writeAudit } from "@/db/audit";
import { markRead as markNotificationsRead } from "@/db/notifications";
import { markRemindersRead } from "@/db/reminders";
import { defineCommand } from "../define";

/**
 * Marks the actor's own notifications and reminders read; nobody else's can be reached. Audited on the
 * account (how many were marked), as every change of a row is; nothing unread, nothing written.
 */
export const markRead = defineCommand({
  name: "notifications.markRead",
  input: z.object({}),
  load: () => ({}),
  province: () => null,
  run: (tx, { actor }) => {
    const notifications = markNotificationsRead(tx, actor.id);
    const reminders = markRemindersRead(tx, actor.id);
    if (notifications + reminders > 0) writeAudit(tx, { actor: { userId: actor.id }, entity: "user", entityId: actor.id, action: "update", after: { notificationsRead: notifications, remindersRead: reminders } });
    return { notifications, reminders };
  },
});
