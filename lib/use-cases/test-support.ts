import { count, eq } from "drizzle-orm";
import { useDatabase, type Db } from "@/db/client";
import { createCentre } from "@/db/centres";
import { auditLog, securityEvents } from "@/db/schema";
import { createTestDb, testCentreInput } from "@/db/test-db";
import { createUser } from "@/db/users";
import type { Role } from "@/lib/domain/vocabulary";
import type { Call } from "./define";

/** A fresh database file that the use-case layer uses until `close`. For tests only. */
export function useTestDatabase(): { db: Db; close: () => void } {
  const test = createTestDb();
  const restore = useDatabase(test.db);
  return {
    db: test.db,
    close: () => {
      restore();
      test.close();
    },
  };
}

/** An active account; returns its id. */
export function addUser(db: Db, email: string, role: Role, provinceCode: string | null): string {
  return createUser(db, { email, name: email, passwordHash: "h", role, provinceCode, locale: "zh" }, { label: "test" });
}

/** A call from a script or test on behalf of a user, as an adapter would make it. */
export function callAs(userId: string, method: Call["method"] = "POST", route = "test"): Call {
  return { actor: { via: "user", userId }, route, method, address: null };
}

/** A Zhejiang centre (or another province's, with `provinceCode`). */
export function addCentre(db: Db, name: string, provinceCode = "330000", cityCode = "330100"): string {
  return createCentre(db, testCentreInput(name, { provinceCode, cityCode }), { label: "test" });
}

export const auditCount = (db: Db) => db.select({ n: count() }).from(auditLog).get()!.n;
export const refusalsOf = (db: Db, userId: string) => db.select().from(securityEvents).where(eq(securityEvents.userId, userId)).all();
