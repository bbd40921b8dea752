import type { Db } from "@/db/client";
import { focusTagsOfCentres, listCentreRowsForApi } from "@/db/api-centres";
import { centreApprovedHistory } from "@/db/centre-history";
import type { getCentre } from "@/db/centres";
import type { EngineSnapshot } from "@/db/engine";
import { asOfCutoff } from "@/lib/domain/as-of";
import { matchesCentreFilter } from "@/lib/domain/dashboard";
import type { CentresQuery } from "@/lib/validation/api-query";
import { centreDetailFields, centreListItem, isOpenWarning, milestoneItem, paginate, withProvinces, flagItem } from "./present";
import type { CentreDetail, CentreListItem } from "./schemas";

/**
 * One page of the centres in a reading scope (the caller has checked `query.province` against the
 * reader): registered by the day shown, with that day's status and open red or amber flags.
 */
export function centreList(db: Db, engine: EngineSnapshot, scope: "all" | string, query: CentresQuery) {
  const rows = listCentreRowsForApi(db, { scope: query.province ?? scope, city: query.city, tag: query.tag });
  const matching = rows.flatMap((row) => {
    const result = engine.centres.get(row.id);
    if (!result) return [];
    const open = withProvinces(engine, result.flags).filter(isOpenWarning);
    if (!matchesCentreFilter(result.status, open.map((f) => f.flag), query)) return [];
    return [{ row, result, openFlags: open.length }];
  });
  const page = paginate(matching, query.page, query.pageSize);
  const tags = focusTagsOfCentres(
    db,
    page.items.map((m) => m.row.id),
  );
  const items: CentreListItem[] = page.items.map((m) => centreListItem(m.row, tags.get(m.row.id) ?? [], m.result, m.openFlags));
  return { ...page, items };
}

/**
 * One centre (loaded and checked against the reader by the caller) as of the snapshot's day: undefined
 * when it was registered after that day. Milestones registered by then, with their approved progress.
 */
export function centreDetail(db: Db, engine: EngineSnapshot, centre: NonNullable<ReturnType<typeof getCentre>>): Omit<CentreDetail, "asOf" | "today"> | undefined {
  const result = engine.centres.get(centre.id);
  if (!result) return undefined;
  const cutoff = engine.asOf === null ? undefined : asOfCutoff(engine.asOf);
  const approved = centreApprovedHistory(db, centre.id, cutoff).milestoneProgress;
  return {
    ...centreDetailFields(centre, result),
    milestones: centre.milestones.filter((m) => cutoff === undefined || m.createdAt < cutoff).map((m) => milestoneItem(m, approved.get(m.id))),
    flags: withProvinces(engine, result.flags).map(flagItem),
  };
}
