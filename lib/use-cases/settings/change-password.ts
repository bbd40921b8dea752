import "server-only";
import { changeOwnPassword, findPasswordHash } from "@/db/users";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { FieldErrors } from "@/lib/domain/errors";
import { defineCommand } from "../define";
import { changeOwnPasswordSchema } from "./change-password.schema";

/**
 * A user's own password change, after the schema applied the policy. The current password must verify
 * (one generic refusal, nothing saved otherwise); the new hash is saved and every session of the user
 * but this one ends, so a stolen session dies while this browser stays signed in. Both hash
 * computations are slow and asynchronous, so they run in `load`, before the write transaction opens.
 */
export const changePassword = defineCommand({
  name: "settings.password.change",
  input: changeOwnPasswordSchema,
  load: async ({ db, actor, input }) => {
    if (!(await verifyPassword(findPasswordHash(db, actor.id), input.currentPassword))) throw new FieldErrors({ currentPassword: "currentPasswordWrong" });
    return { passwordHash: await hashPassword(input.newPassword) };
  },
  province: () => null,
  run: (tx, { actor, input, rows }) => {
    changeOwnPassword(tx, { userId: actor.id, passwordHash: rows.passwordHash, keepSessionId: input.sessionId });
    return { userId: actor.id };
  },
});
