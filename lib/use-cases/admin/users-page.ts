import "server-only";
import { z } from "zod";
import { listProvinceOptions } from "@/db/provinces";
import { listUsers } from "@/db/users";
import { defineQuery } from "../define";

/** The accounts list of /admin/users: every account (never a password hash), with the provinces' names. */
export const usersPage = defineQuery({
  name: "admin.users.list",
  input: z.object({}),
  load: () => ({}),
  // Accounts are national records: the rule (administrators) is the whole check.
  province: () => null,
  run: ({ db }) => ({ users: listUsers(db), provinces: listProvinceOptions(db) }),
});
