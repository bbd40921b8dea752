import "server-only";
import { z } from "zod";
import { listUserSessions } from "@/db/sessions";
import { SESSION_TIMEOUTS } from "@/lib/auth/options";
import { keptSessionId } from "@/lib/validation/sessions";
import { defineQuery } from "../define";

/**
 * The signed-in user's own live sessions, the one asking (`sessionId`, from its cookie) marked. Session
 * ids are bearer secrets: they never leave this query.
 */
export const sessionsPage = defineQuery({
  name: "settings.sessions.page",
  input: z.object({ sessionId: keptSessionId() }),
  load: () => ({}),
  province: () => null,
  run: ({ db, actor, input }) => ({
    sessions: listUserSessions(db, actor.id, SESSION_TIMEOUTS).map(({ id, ...rest }) => ({ ...rest, current: id === input.sessionId })),
  }),
});
