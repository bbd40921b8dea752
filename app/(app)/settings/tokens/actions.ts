"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { createApiToken, revokeApiToken } from "@/db/api-tokens";
import { getDb } from "@/db/client";
import { formAction } from "@/lib/auth/form-action";
import { chinaToday } from "@/lib/domain/china-time";
import type { FormState } from "@/lib/validation/form-state";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/validation/api-token";

const PAGE = "/settings/tokens";

/**
 * The answer to the creating form. Unlike every other action state it carries a secret: the
 * response to this one POST is the only time the token exists outside its hash. It lives in the
 * browser's memory while the page is open and is never stored, logged or put in a URL.
 */
export type CreateTokenState = FormState & { token?: string };

/** Any signed-in user creates a token for themselves: there is no user id to tamper with. */
export const createApiTokenAction: (previous: CreateTokenState, formData: FormData) => Promise<CreateTokenState> = formAction(
  "createApiTokenAction",
  { schema: () => createApiTokenSchema(chinaToday()) },
  async (input, user) => {
    const { token } = createApiToken(getDb(), { userId: user.id, name: input.name, expiresOn: input.expiresOn }, { userId: user.id });
    revalidatePath(PAGE);
    const t = await getTranslations("apiTokens");
    const state: CreateTokenState = { status: "success", message: t("created", { name: input.name }), token };
    return state;
  },
);

/** The id comes from a hidden input: the data layer revokes it only if it is this user's own token (else NotFoundError). */
export const revokeApiTokenAction = formAction("revokeApiTokenAction", { schema: revokeApiTokenSchema }, (input, user) => {
  revokeApiToken(getDb(), user.id, input.id, { userId: user.id });
  revalidatePath(PAGE);
  redirect(`${PAGE}?revoked=1`);
});
