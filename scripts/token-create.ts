// `npm run token:create -- --email a@b.cn --name 同步脚本 [--expires 2027-06-30]`
// Creates a personal API token for an active account and prints it once on standard output (and
// nothing else there, so `TOKEN=$(npm run -s token:create -- …)` works). Only its hash is kept.
import { parseArgs } from "node:util";
import { createApiToken } from "@/db/api-tokens";
import { getDb, migrateDatabase, type Db } from "@/db/client";
import { listUsers } from "@/db/users";
import { chinaToday } from "@/lib/domain/china-time";
import { cliApiTokenSchema } from "@/lib/validation/api-token";
import { fieldErrorKeys } from "@/lib/validation/form-state";
import en from "@/lib/i18n/messages/en.json";

const USAGE = "usage: npm run token:create -- --email EMAIL --name NAME [--expires YYYY-MM-DD]";

type Result = { ok: true; id: string; token: string; email: string } | { ok: false; errors: string[] };

/** The message for a validation key, in English (the CLI's language), from the same files as the forms. */
function message(key: string): string {
  const texts = { ...(en.apiTokens as Record<string, unknown>), ...(en.validation as Record<string, string>) };
  const text = texts[key];
  return typeof text === "string" ? text : key;
}

/** Creates the token or returns the reasons it cannot, one per line; writes nothing on refusal. */
export function runTokenCreate(db: Db, argv: string[], today = chinaToday()): Result {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { email: { type: "string" }, name: { type: "string" }, expires: { type: "string" } }, strict: true }));
  } catch (error) {
    return { ok: false, errors: [(error as Error).message, USAGE] };
  }
  if (values.email === undefined || values.name === undefined) return { ok: false, errors: [USAGE] };
  const parsed = cliApiTokenSchema(today).safeParse({ email: values.email, name: values.name, expiresOn: values.expires ?? null });
  if (!parsed.success) {
    const fields: Record<string, string> = { expiresOn: "expires" };
    return { ok: false, errors: Object.entries(fieldErrorKeys(parsed.error.issues)).map(([field, key]) => `${fields[field] ?? field}: ${message(key)}`) };
  }
  const { email, name, expiresOn } = parsed.data;
  const user = listUsers(db).find((u) => u.email === email);
  if (!user) return { ok: false, errors: [`email: No account uses ${email}.`] };
  // A deactivated account's tokens are refused on every request, so one made now would never work.
  if (!user.active) return { ok: false, errors: [`email: The account ${email} is deactivated; reactivate it first.`] };
  const { id, token } = createApiToken(db, { userId: user.id, name, expiresOn }, { label: "cli:token:create" });
  return { ok: true, id, token, email };
}

if (require.main === module) {
  try {
    const db = getDb();
    migrateDatabase(db);
    const result = runTokenCreate(db, process.argv.slice(2));
    if (result.ok) {
      console.error(`Created API token ${result.id} for ${result.email}. It is shown once, below; only its hash is stored.`);
      console.log(result.token);
    } else {
      for (const line of result.errors) console.error(line);
      process.exitCode = 1;
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
