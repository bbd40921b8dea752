// `npm run user:create -- --email a@b.cn --role admin [--name 名字] [--province 330000] [--locale zh]`
// The password is read from standard input (piped) or prompted without echo: never from argv,
// which shell history and `ps` would keep.
import { parseArgs } from "node:util";
import { getDb, migrateDatabase, type Db } from "@/db/client";
import { seedProvinces } from "@/db/seed";
import { createUser } from "@/db/users";
import { hashPassword } from "@/lib/auth/password";
import { DomainError } from "@/lib/domain/errors";
import { fieldErrorKeys } from "@/lib/validation/form-state";
import { createUserSchema } from "@/lib/validation/user";
import en from "@/lib/i18n/messages/en.json";

const USAGE = "usage: npm run user:create -- --email EMAIL --role admin|reviewer|staff [--name NAME] [--province CODE] [--locale zh|en]";

/** Creates the account or returns the reasons it cannot, in English, one per line. */
export async function runUserCreate(db: Db, argv: string[], readPassword: () => Promise<string>): Promise<{ ok: true; id: string } | { ok: false; errors: string[] }> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" }, province: { type: "string" }, locale: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    return { ok: false, errors: [(error as Error).message, USAGE] };
  }
  if (!values.email || !values.role) return { ok: false, errors: [USAGE] };
  const password = await readPassword();
  const parsed = createUserSchema.safeParse({
    email: values.email,
    name: values.name ?? values.email.split("@")[0],
    role: values.role,
    provinceCode: values.province ?? "",
    locale: values.locale ?? "zh",
    password,
  });
  const messages = en.validation as Record<string, string>;
  if (!parsed.success) {
    return { ok: false, errors: Object.entries(fieldErrorKeys(parsed.error.issues)).map(([field, key]) => `${field}: ${messages[key] ?? key}`) };
  }
  const { password: plain, ...fields } = parsed.data;
  const passwordHash = await hashPassword(plain);
  try {
    return { ok: true, id: createUser(db, { ...fields, passwordHash }, { label: "cli:user:create" }) };
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, errors: [`${error.field ?? "error"}: ${(en.errors as Record<string, string>)[error.messageKey] ?? error.messageKey}`] };
    throw error;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline from `echo` or a here-string is not part of the password.
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    process.stdout.write(question);
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let typed = "";
    const onData = (key: string) => {
      for (const ch of key) {
        if (ch === "\r" || ch === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stdout.write("\n");
          resolve(typed);
          return;
        }
        if (ch === "\u0003") {
          stdin.setRawMode(false);
          reject(new Error("cancelled"));
          return;
        }
        typed = ch === "\u007f" || ch === "\b" ? typed.slice(0, -1) : typed + ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPasswordInteractively(): Promise<string> {
  if (!process.stdin.isTTY) return readStdin();
  const first = await promptHidden("Password: ");
  const second = await promptHidden("Repeat password: ");
  if (first !== second) throw new Error("The two passwords differ; nothing was created.");
  return first;
}

if (require.main === module) {
  const db = getDb();
  migrateDatabase(db);
  seedProvinces(db);
  runUserCreate(db, process.argv.slice(2), readPasswordInteractively)
    .then((result) => {
      if (result.ok) {
        console.log(`Created account ${result.id}.`);
      } else {
        for (const line of result.errors) console.error(line);
        process.exit(2);
      }
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
