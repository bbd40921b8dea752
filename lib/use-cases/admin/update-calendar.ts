import "server-only";
import { setCalendar } from "@/db/calendars";
import { getProvince } from "@/db/provinces";
import { calendarSchema } from "@/lib/validation/calendar";
import { defineCommand } from "../define";

/**
 * An administrator sets a province's reporting calendar. The data layer refuses a stale version with
 * the stored calendar, which the form shows, in the transaction.
 */
export const updateCalendar = defineCommand({
  name: "admin.calendars.update",
  input: calendarSchema,
  load: ({ db, input }) => getProvince(db, input.provinceCode),
  province: (province) => province.code,
  run: (tx, { actor, input }) => {
    const { provinceCode, version, ...calendar } = input;
    setCalendar(tx, provinceCode, version, calendar, { userId: actor.id });
    return { provinceCode };
  },
});
