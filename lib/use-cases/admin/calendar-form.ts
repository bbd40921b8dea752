import "server-only";
import { z } from "zod";
import { getCalendarSetting } from "@/db/calendars";
import { getProvince } from "@/db/provinces";
import { defineQuery } from "../define";

/** One province's calendar as /admin/calendars/[code] edits it; an unknown code is not found. */
export const calendarForm = defineQuery({
  name: "admin.calendars.form",
  input: z.object({ code: z.string().min(1).max(20) }),
  load: ({ db, input }) => getProvince(db, input.code),
  province: (province) => province.code,
  run: ({ db, rows: province }) => ({
    province: { code: province.code, nameZh: province.nameZh, nameEn: province.nameEn },
    calendar: getCalendarSetting(db, province.code),
  }),
});
