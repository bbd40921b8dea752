import "server-only";
import { getUser, updateUser as saveUser } from "@/db/users";
import { DomainError } from "@/lib/domain/errors";
import { updateUserSchema } from "@/lib/validation/user";
import { defineCommand } from "../define";

/**
 * An administrator edits an account (deactivating it ends its sessions). The data layer checks the
 * version read and that the email is free, in the transaction.
 */
export const updateUser = defineCommand({
  name: "admin.users.update",
  input: updateUserSchema,
  load: ({ db, input }) => getUser(db, input.id),
  province: () => null,
  run: (tx, { actor, input }) => {
    const { id, version, ...changes } = input;
    // An administrator cannot lock themselves out or drop their own rights by mistake.
    if (id === actor.id && !changes.active) throw new DomainError("cannotDeactivateSelf", "active");
    if (id === actor.id && changes.role !== "admin") throw new DomainError("cannotDemoteSelf", "role");
    saveUser(tx, id, version, changes, { userId: actor.id });
    return { id };
  },
});
