import "server-only";
import { createUser as insertUser } from "@/db/users";
import { hashPassword } from "@/lib/auth/password";
import { createUserSchema } from "@/lib/validation/user";
import { defineCommand } from "../define";

/** An administrator opens an account; the data layer refuses an email already taken, in the transaction. */
export const createUser = defineCommand({
  name: "admin.users.create",
  input: createUserSchema,
  // Hashing is slow and asynchronous (Argon2), so it happens here, before the synchronous write
  // transaction opens, rather than holding the write lock while it runs.
  load: async ({ input }) => ({ passwordHash: await hashPassword(input.password) }),
  province: () => null,
  run: (tx, { actor, input, rows }) => {
    const { password: _password, ...fields } = input;
    const id = insertUser(tx, { ...fields, passwordHash: rows.passwordHash }, { userId: actor.id });
    return { id };
  },
});
