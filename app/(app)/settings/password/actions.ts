"use server";

import { getTranslations } from "next-intl/server";
import { formCommand } from "@/lib/adapters/form";
import { changePassword } from "@/lib/use-cases/settings/change-password";
import { withSessionId } from "../with-session-id";

/** Any signed-in user changes their own password: there is no user id to tamper with. */
export const changePasswordAction = withSessionId(
  formCommand("changePasswordAction", changePassword, {
    done: async () => ({ status: "success", message: (await getTranslations("password"))("changed") }),
  }),
);
