import { z } from "zod";
import { DELIVERY_MODES } from "@/lib/domain/mail-delivery";
import { MUTABLE_CATEGORIES, type ReminderCategory } from "@/lib/domain/reminders";
import { enumOf, multi, requiredText } from "./fields";

const mutable = MUTABLE_CATEGORIES as [ReminderCategory, ...ReminderCategory[]];

/** A person's own mail settings. Escalations are not among the categories that can be muted, so naming one is refused. */
export const notificationPreferencesSchema = z.object({
  mode: enumOf(DELIVERY_MODES),
  muted: multi(z.enum(mutable, { error: "invalid" })).transform((list) => [...new Set(list)]),
});
export type NotificationPreferencesInput = z.output<typeof notificationPreferencesSchema>;

/** An administrator sends a failed mail again: the id comes from a hidden input, so the data layer checks it is a failed message. */
export const retryMailSchema = z.object({ id: requiredText(100) });
