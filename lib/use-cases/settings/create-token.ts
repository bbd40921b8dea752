import "server-only";
import { createApiToken as storeToken } from "@/db/api-tokens";
import { chinaToday } from "@/lib/domain/china-time";
import { createApiTokenSchema } from "@/lib/validation/api-token";
import { defineCommand } from "../define";

/**
 * A signed-in user's new personal API token, for themselves only (there is no user id in the input).
 * The answer carries the secret: the only time it exists outside its hash.
 */
export const createToken = defineCommand({
  name: "settings.tokens.create",
  input: () => createApiTokenSchema(chinaToday()),
  load: () => ({}),
  province: () => null,
  run: (tx, { actor, input }) => {
    const { id, token } = storeToken(tx, { userId: actor.id, name: input.name, expiresOn: input.expiresOn }, { userId: actor.id });
    return { id, name: input.name, token };
  },
});
