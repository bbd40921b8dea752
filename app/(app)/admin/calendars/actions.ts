"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formCommand } from "@/lib/adapters/form";
import { updateCalendar } from "@/lib/use-cases/admin/update-calendar";

export const updateCalendarAction = formCommand("updateCalendarAction", updateCalendar, {
  done: () => {
    revalidatePath("/admin/calendars");
    redirect("/admin/calendars");
  },
});
