import "server-only";
import { subjectNames } from "../engine";
import { defineQuery } from "../define";
import { overviewFigures, TOP_FLAGS } from "./overview-figures";
import { overviewSchema } from "./overview.schema";

/**
 * The overview's tables for download: the same rows, filter and order as the page. National readers
 * only (a provincial reader's role is refused, 403): the page sends them to their province instead.
 */
export const overviewExport = defineQuery({
  name: "dashboards.overviewExport",
  input: overviewSchema,
  load: () => ({}),
  province: () => null,
  run: async ({ db, actor, input }) => {
    const { asOf, locale, ...view } = input;
    const { engine, open, rows, reportingPeriod } = await overviewFigures(db, actor, view, asOf);
    const top = open.slice(0, TOP_FLAGS);
    return { view, today: engine.today, rows, reportingPeriod, open, top, topNames: subjectNames(top, locale) };
  },
});
