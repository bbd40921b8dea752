import "server-only";
import { revokeApiToken } from "@/db/api-tokens";
import { revokeApiTokenSchema } from "@/lib/validation/api-token";
import { defineCommand } from "../define";

/**
 * Revokes one of the user's own tokens. The id comes from a hidden input, so the data layer checks the
 * owner inside the transaction: another user's token is not found (NotYoursError, logged once).
 */
export const revokeToken = defineCommand({
  name: "settings.tokens.revoke",
  input: revokeApiTokenSchema,
  load: () => ({}),
  province: () => null,
  run: (tx, { actor, input }) => {
    revokeApiToken(tx, actor.id, input.id, { userId: actor.id });
    return { id: input.id };
  },
});
