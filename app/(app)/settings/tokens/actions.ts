"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formCommand } from "@/lib/adapters/form";
import { createToken } from "@/lib/use-cases/settings/create-token";
import { revokeToken } from "@/lib/use-cases/settings/revoke-token";
import type { FormState } from "@/lib/validation/form-state";

const PAGE = "/settings/tokens";

/**
 * The answer to the creating form. Unlike every other action state it carries a secret: the
 * response to this one POST is the only time the token exists outside its hash. It lives in the
 * browser's memory while the page is open and is never stored, logged or put in a URL.
 */
export type CreateTokenState = FormState & { token?: string };

export const createApiTokenAction: (previous: CreateTokenState, formData: FormData) => Promise<CreateTokenState> = formCommand("createApiTokenAction", createToken, {
  done: async ({ name, token }) => {
    revalidatePath(PAGE);
    const state: CreateTokenState = { status: "success", message: (await getTranslations("apiTokens"))("created", { name }), token };
    return state;
  },
});

export const revokeApiTokenAction = formCommand("revokeApiTokenAction", revokeToken, {
  done: () => {
    revalidatePath(PAGE);
    redirect(`${PAGE}?revoked=1`);
  },
});
