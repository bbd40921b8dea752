import "server-only";
import { and, asc, eq, inArray, type SQL } from "drizzle-orm";
import type { Db } from "./client";
import { centreFocusTags, centres } from "./schema";
import type { FocusTag } from "@/lib/domain/vocabulary";

/**
 * The API's centre list before the engine's filters: the centres of a reading scope ("all" or a
 * province code) narrowed by the registered fields SQL can test (city, focus tag), in list order
 * (province, city, name, id). Status and flags are the engine's, "as of" a day included, so the route
 * filters and pages on them after this; only the columns the list needs are read.
 */
export function listCentreRowsForApi(db: Db, { scope, city, tag }: { scope: "all" | string; city?: string; tag?: FocusTag }) {
  const conditions: SQL[] = [];
  if (scope !== "all") conditions.push(eq(centres.provinceCode, scope));
  if (city !== undefined) conditions.push(eq(centres.cityCode, city));
  if (tag !== undefined) {
    const tagged = db.select({ id: centreFocusTags.centreId }).from(centreFocusTags).where(eq(centreFocusTags.tag, tag));
    conditions.push(inArray(centres.id, tagged));
  }
  return db
    .select({ id: centres.id, version: centres.version, provinceCode: centres.provinceCode, cityCode: centres.cityCode, name: centres.name })
    .from(centres)
    .where(and(...conditions))
    .orderBy(asc(centres.provinceCode), asc(centres.cityCode), asc(centres.name), asc(centres.id))
    .all();
}

/** Focus tags of the given centres (one page of a list), primary first. */
export function focusTagsOfCentres(db: Db, ids: readonly string[]): Map<string, FocusTag[]> {
  const byCentre = new Map<string, FocusTag[]>();
  if (ids.length === 0) return byCentre;
  const rows = db
    .select({ centreId: centreFocusTags.centreId, tag: centreFocusTags.tag })
    .from(centreFocusTags)
    .where(inArray(centreFocusTags.centreId, [...ids]))
    .orderBy(asc(centreFocusTags.centreId), asc(centreFocusTags.position))
    .all();
  for (const row of rows) byCentre.set(row.centreId, [...(byCentre.get(row.centreId) ?? []), row.tag]);
  return byCentre;
}
