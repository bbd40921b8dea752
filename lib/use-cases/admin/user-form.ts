import "server-only";
import { z } from "zod";
import { listProvinceOptions } from "@/db/provinces";
import { getUser } from "@/db/users";
import { defineQuery } from "../define";

/**
 * The account form of /admin/users/new (no `id`) and /admin/users/[id]: the account as stored (an
 * unknown id is not found) and the provinces an account may be bound to.
 */
export const userForm = defineQuery({
  name: "admin.users.form",
  input: z.object({ id: z.string().min(1).optional() }),
  load: ({ db, input }) => {
    if (input.id === undefined) return { account: null };
    const account = getUser(db, input.id);
    return account && { account };
  },
  province: () => null,
  run: ({ db, rows }) => ({ account: rows.account, provinces: listProvinceOptions(db) }),
});
