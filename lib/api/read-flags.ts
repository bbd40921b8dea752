import type { EngineSnapshot } from "@/db/engine";
import { isSuppressed } from "@/lib/domain/risk/flag-review";
import type { FlagsQuery } from "@/lib/validation/api-query";
import { flagItem, paginate, scopedFlags } from "./present";

/** One page of the flags in a reading scope (the caller has checked `query.province`), most severe first. */
export function flagList(engine: EngineSnapshot, scope: "all" | string, query: FlagsQuery) {
  const matching = scopedFlags(engine, query.province ?? scope).filter(
    (item) =>
      (query.code === undefined || item.flag.code === query.code) &&
      (query.severity === undefined || item.flag.severity === query.severity) &&
      (query.show === "all" || !isSuppressed(item.state)),
  );
  const page = paginate(matching, query.page, query.pageSize);
  return { ...page, items: page.items.map(flagItem) };
}
