import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/db/seed";
import { addUser, useTestDatabase } from "../test-support";
import { checkHealth } from "./health";
import { loginPage } from "./login-page";
import { rememberLocale } from "./set-locale";

let db: Db;
let close: () => void;
let staff: string;

beforeEach(() => {
  ({ db, close } = useTestDatabase());
  staff = addUser(db, "staff@zj.cn", "staff", "330000");
});
afterEach(() => close());

describe("the public use cases", () => {
  it("report the database as reachable", async () => {
    expect(await checkHealth()).toEqual({ database: true });
  });

  it("send a signed-in visitor of the login page home, and show the demo accounts only while one is active", async () => {
    expect(await loginPage({ via: "user", userId: staff })).toEqual({ signedIn: true });
    expect(await loginPage({ via: "user", userId: "nobody" })).toEqual({ signedIn: false, demo: null });
    db.update(users).set({ isDemo: true }).where(eq(users.id, staff)).run();
    const shown = await loginPage({ via: "user", userId: "nobody" });
    expect(shown).toEqual({ signedIn: false, demo: { password: DEMO_PASSWORD, accounts: DEMO_ACCOUNTS.map(({ email, role }) => ({ email, role })) } });
    db.update(users).set({ active: false }).where(eq(users.id, staff)).run();
    expect(await loginPage({ via: "user", userId: "nobody" })).toEqual({ signedIn: false, demo: null });
  });

  it("remember a signed-in user's language, and nobody's for a visitor", async () => {
    await rememberLocale("en", { via: "user", userId: staff });
    expect(db.select({ locale: users.locale }).from(users).where(eq(users.id, staff)).get()).toEqual({ locale: "en" });
    await rememberLocale("zh", { via: "user", userId: "nobody" });
    expect(db.select({ locale: users.locale }).from(users).all()).toEqual([{ locale: "en" }]);
  });
});
