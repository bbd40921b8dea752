import type { Db } from "@/db/client";
import { changeOwnPassword, findPasswordHash } from "@/db/users";
import { FieldErrors } from "@/lib/domain/errors";
import type { ChangePasswordInput } from "@/lib/validation/user";
import { hashPassword, verifyPassword } from "./password";

/**
 * A user's own change, after the schema applied the policy: the current password must verify
 * (one generic refusal, nothing saved otherwise); the new hash is saved and every session of the
 * user except `sessionId` ends, so a stolen session dies while this browser stays signed in.
 */
export async function changePassword(db: Db, userId: string, sessionId: string, input: ChangePasswordInput): Promise<void> {
  if (!(await verifyPassword(findPasswordHash(db, userId), input.currentPassword))) {
    throw new FieldErrors({ currentPassword: "currentPasswordWrong" });
  }
  changeOwnPassword(db, { userId, passwordHash: await hashPassword(input.newPassword), keepSessionId: sessionId });
}
