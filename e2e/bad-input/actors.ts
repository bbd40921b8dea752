// Run once per worker by the bad-input specs (npx tsx, DATABASE_PATH = the suite's database): accounts
// of their own with a token each, so "the database is unchanged" can be checked as "no audit entry by
// these accounts", whatever the other specs write meanwhile. Prints them as JSON on standard output.
import { randomBytes } from "node:crypto";
import { createApiToken } from "@/db/api-tokens";
import { getDb } from "@/db/client";
import { createUser } from "@/db/users";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/domain/vocabulary";

const ROLES: Record<string, { role: Role; provinceCode: string | null }> = {
  staff: { role: "staff", provinceCode: "330000" },
  reviewer: { role: "reviewer", provinceCode: "330000" },
  admin: { role: "admin", provinceCode: null },
  staffGd: { role: "staff", provinceCode: "440000" },
};

async function main() {
  const db = getDb();
  const suffix = randomBytes(5).toString("hex");
  const password = `corpus-${randomBytes(9).toString("base64url")}`;
  const passwordHash = await hashPassword(password);
  const actors: Record<string, { id: string; email: string; password: string; token: string }> = {};
  for (const [key, { role, provinceCode }] of Object.entries(ROLES)) {
    const email = `corpus-${key.toLowerCase()}-${suffix}@example.gov.cn`;
    const id = createUser(db, { email, name: `语料测试 ${key} ${suffix}`, passwordHash, role, provinceCode, locale: "zh" }, { label: "e2e:bad-input" });
    const { token } = createApiToken(db, { userId: id, name: "bad-input corpus", expiresOn: null }, { label: "e2e:bad-input" });
    actors[key] = { id, email, password, token };
  }
  process.stdout.write(JSON.stringify(actors));
}

void main();
