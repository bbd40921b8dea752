import "server-only";
import { listProvinceOptions } from "@/db/provinces";
import { RULES } from "@/lib/domain/access-policy";
import { isSuppressed } from "@/lib/domain/risk/flag-review";
import { flagFilterSchema } from "@/lib/validation/flag-filter";
import { flagsInScope, getEngine, subjectNames } from "../engine";
import { defineQuery } from "../define";
import { localeField } from "../dashboards/view-fields.schema";

/** Flags per page of the list. */
export const FLAG_PAGE_SIZE = 100;

/**
 * The flag list: every flag in the reader's scope, filtered by province, rule and severity, standing
 * dismissals on request, one page at a time with its subjects' names. A province filter outside the
 * reader's scope is not found.
 */
export const flagListPage = defineQuery({
  name: "flags.list",
  input: flagFilterSchema.extend({ locale: localeField() }),
  load: () => ({}),
  province: (_rows, input) => input.province ?? null,
  target: (input) => input.province,
  run: async ({ db, actor, input }) => {
    const { locale, ...filter } = input;
    const matching = flagsInScope(await getEngine(), actor, filter.province).filter(
      (item) => (!filter.code || item.flag.code === filter.code) && (!filter.severity || item.flag.severity === filter.severity),
    );
    const items = filter.show === "all" ? matching : matching.filter((item) => !isSuppressed(item.state));
    const pages = Math.max(1, Math.ceil(items.length / FLAG_PAGE_SIZE));
    const page = Math.min(filter.page, pages);
    const shown = items.slice((page - 1) * FLAG_PAGE_SIZE, page * FLAG_PAGE_SIZE);
    // Only a reader of every province chooses one.
    const provinces = RULES.national(actor) ? listProvinceOptions(db) : undefined;
    return { count: items.length, suppressed: matching.length - items.length, pages, page, shown, names: subjectNames(shown, locale), provinces };
  },
});
