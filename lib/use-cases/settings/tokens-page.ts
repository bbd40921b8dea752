import "server-only";
import { listApiTokens } from "@/db/api-tokens";
import { chinaToday } from "@/lib/domain/china-time";
import { maxTokenExpiry } from "@/lib/validation/api-token";
import { z } from "zod";
import { defineQuery } from "../define";

/** The signed-in user's own API tokens, and the expiry dates a new one may take. Nobody else's are reachable. */
export const tokensPage = defineQuery({
  name: "settings.tokens.page",
  input: z.object({}),
  load: () => ({}),
  province: () => null,
  run: ({ db, actor }) => {
    const today = chinaToday();
    return { today, maxExpiry: maxTokenExpiry(today), tokens: listApiTokens(db, actor.id) };
  },
});
