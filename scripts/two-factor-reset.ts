// `npm run two-factor:reset -- --email a@b.cn`
// For a user who lost both their authenticator and their recovery codes: removes their two-factor
// sign-in and ends their sessions. They sign in next with the password alone and, if their role
// requires two-factor sign-in, must enrol a new authenticator before anything else. Audited as the CLI.
import { parseArgs } from "node:util";
import { getDb, migrateDatabase, type Db } from "@/db/client";
import { resetTwoFactor } from "@/db/two-factor";
import { listUsers } from "@/db/users";
import { email as emailSchema } from "@/lib/validation/user";

const USAGE = "usage: npm run two-factor:reset -- --email EMAIL";

type Result = { ok: true; message: string } | { ok: false; errors: string[] };

export function runTwoFactorReset(db: Db, argv: string[]): Result {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { email: { type: "string" } }, strict: true }));
  } catch (error) {
    return { ok: false, errors: [(error as Error).message, USAGE] };
  }
  if (values.email === undefined) return { ok: false, errors: [USAGE] };
  const parsed = emailSchema().safeParse(values.email);
  if (!parsed.success) return { ok: false, errors: [`email: ${values.email} is not an email address.`] };
  const user = listUsers(db).find((u) => u.email === parsed.data);
  if (!user) return { ok: false, errors: [`email: No account uses ${parsed.data}.`] };
  if (!resetTwoFactor(db, user.id, { label: "cli:two-factor:reset" })) {
    return { ok: false, errors: [`email: ${parsed.data} has no two-factor sign-in to reset.`] };
  }
  return { ok: true, message: `Two-factor sign-in of ${parsed.data} removed and their sessions ended.` };
}

if (require.main === module) {
  try {
    const db = getDb();
    migrateDatabase(db);
    const result = runTwoFactorReset(db, process.argv.slice(2));
    if (result.ok) console.log(result.message);
    else {
      for (const line of result.errors) console.error(line);
      process.exitCode = 1;
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
