import "server-only";
import { subjectNames } from "../engine";
import { defineQuery } from "../define";
import { overviewFigures, TOP_FLAGS } from "./overview-figures";
import { homeHref } from "./home-target";
import { overviewSchema } from "./overview.schema";

/**
 * The national overview: every province's row for the map, the table's rows filtered and ordered, the
 * national roll-ups and the most severe open flags with their subjects' names. A reader bound to one
 * province is sent to its page instead (`redirect`), as home would send them.
 */
export const overviewPage = defineQuery({
  name: "dashboards.overview",
  input: overviewSchema,
  load: () => ({}),
  // Every reader of the page reads every province: the provincial ones are sent away in `run`.
  province: () => null,
  run: async ({ db, actor, input }) => {
    const { asOf, locale, ...view } = input;
    const home = homeHref(actor);
    if (home !== "/overview") return { redirect: home } as const;
    const { engine, open, provinces, rows, reportingPeriod } = await overviewFigures(db, actor, view, asOf);
    const top = open.slice(0, TOP_FLAGS);
    return {
      redirect: undefined,
      view,
      asOf,
      today: engine.today,
      completion: engine.completion.national,
      targets: engine.targetRollUp.national,
      open,
      provinces,
      rows,
      reportingPeriod,
      top,
      topNames: subjectNames(top, locale),
    };
  },
});
