import "server-only";
import { z } from "zod";
import { listUnsentMail } from "@/db/mail-outbox";
import { defineQuery } from "../define";

/** /admin/mail: the outbox's counts by status and every message not yet sent. */
export const mailPage = defineQuery({
  name: "admin.mail.list",
  input: z.object({}),
  load: () => ({}),
  // The outbox holds everyone's mail: the rule (administrators) is the whole check.
  province: () => null,
  run: ({ db }) => listUnsentMail(db),
});
