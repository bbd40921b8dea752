import "server-only";
import { asc, count, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "./transaction";
import type { Db } from "./client";
import { centres, planTargets, provinces } from "./schema";

/** Provinces in scope ("all" or one code) with how many targets and centres each has. */
export function listProvinces(db: Db, scope: "all" | string) {
  const targetCounts = db
    .select({ provinceCode: planTargets.provinceCode, n: count().as("target_count") })
    .from(planTargets)
    .groupBy(planTargets.provinceCode)
    .as("tc");
  const centreCounts = db
    .select({ provinceCode: centres.provinceCode, n: count().as("centre_count") })
    .from(centres)
    .groupBy(centres.provinceCode)
    .as("cc");
  const query = db
    .select({
      code: provinces.code,
      nameZh: provinces.nameZh,
      nameEn: provinces.nameEn,
      abbrZh: provinces.abbrZh,
      type: provinces.type,
      targetCount: sql<number>`coalesce(${targetCounts.n}, 0)`,
      centreCount: sql<number>`coalesce(${centreCounts.n}, 0)`,
    })
    .from(provinces)
    .leftJoin(targetCounts, eq(targetCounts.provinceCode, provinces.code))
    .leftJoin(centreCounts, eq(centreCounts.provinceCode, provinces.code))
    .orderBy(asc(provinces.code));
  return scope === "all" ? query.all() : query.where(eq(provinces.code, scope)).all();
}

export function getProvince(db: DbOrTx, code: string) {
  return db.select().from(provinces).where(eq(provinces.code, code)).get();
}

export function listProvinceOptions(db: DbOrTx) {
  return db
    .select({ code: provinces.code, nameZh: provinces.nameZh, nameEn: provinces.nameEn, shortZh: provinces.shortZh })
    .from(provinces)
    .orderBy(asc(provinces.code))
    .all();
}
