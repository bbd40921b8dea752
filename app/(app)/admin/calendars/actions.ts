"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { setCalendar } from "@/db/calendars";
import { formAction } from "@/lib/auth/form-action";
import { calendarSchema } from "@/lib/validation/calendar";

export const updateCalendarAction = formAction("updateCalendarAction", { schema: calendarSchema, roles: ["admin"] }, (input, user) => {
  const { provinceCode, version, ...calendar } = input;
  // Admins may set any province's calendar; setCalendar refuses an unknown province and a stale version.
  setCalendar(getDb(), provinceCode, version, calendar, { userId: user.id });
  revalidatePath("/admin/calendars");
  redirect("/admin/calendars");
});
