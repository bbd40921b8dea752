import "server-only";
import { z } from "zod";
import { listCalendars } from "@/db/calendars";
import { defineQuery } from "../define";

/** Every division's reporting calendar for /admin/calendars, the default where none is stored. */
export const calendarsPage = defineQuery({
  name: "admin.calendars.list",
  input: z.object({}),
  load: () => ({}),
  // Every province's calendar: the rule (administrators) is the whole check.
  province: () => null,
  run: ({ db }) => ({ calendars: listCalendars(db) }),
});
