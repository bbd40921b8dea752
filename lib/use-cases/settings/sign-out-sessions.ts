import "server-only";
import { writeAudit } from "@/db/audit";
import { revokeSessions } from "@/db/sessions";
import { keptSessionId, signOutSessionsSchema } from "@/lib/validation/sessions";
import { defineCommand } from "../define";

/**
 * The signed-in user ends their own sessions: every other one ("others", keeping `sessionId`, this
 * browser's), or all of them ("everywhere"). There is no user id to tamper with.
 */
export const signOutSessions = defineCommand({
  name: "settings.sessions.signOut",
  input: signOutSessionsSchema.extend({ sessionId: keptSessionId() }),
  load: () => ({}),
  province: () => null,
  run: (tx, { actor, input }) => {
    const keep = input.scope === "others" ? input.sessionId : undefined;
    // Without this request's session there is nothing to keep: "others" must not end this one too.
    if (input.scope === "others" && keep === undefined) throw new Error("settings.sessions.signOut: no session to keep");
    revokeSessions(tx, actor.id, keep);
    writeAudit(tx, { actor: { userId: actor.id }, entity: "user", entityId: actor.id, action: "update", after: { sessions: input.scope === "others" ? "signedOutElsewhere" : "signedOutEverywhere" } });
    return { scope: input.scope };
  },
});
