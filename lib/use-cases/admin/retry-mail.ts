import "server-only";
import { retryFailedMail } from "@/db/mail-outbox";
import { retryMailSchema } from "@/lib/validation/notification-preferences";
import { defineCommand } from "../define";

/**
 * An administrator sends a failed message once more. Whether the id is a failed message is checked
 * inside the transaction by the data layer (not found otherwise), where no other retry can slip between.
 */
export const retryMail = defineCommand({
  name: "admin.mail.retry",
  input: retryMailSchema,
  load: () => ({}),
  province: () => null,
  run: (tx, { actor, input }) => {
    retryFailedMail(tx, input.id, { userId: actor.id });
    return { id: input.id };
  },
});
