import "server-only";
import { getCalendar } from "@/db/calendars";
import { getCentre } from "@/db/centres";
import { approvedMilestoneProgress, getUpdate, lastApprovedBefore } from "@/db/updates";
import { getUser } from "@/db/users";
import { chinaToday } from "@/lib/domain/china-time";
import { dueDate, parsePeriod, periodRefusal } from "@/lib/domain/periods";
import { decide, type UpdateFacts } from "@/lib/domain/update-workflow";
import { env } from "@/lib/env";
import { CENTRE_ID_PATTERN } from "@/lib/validation/api-query";
import { defineQuery } from "../define";
import { updatePageSchema } from "./update-page.schema";

/**
 * The reporting page of a centre's period, for readers of its province: the update (or none yet), the
 * last approved figures it is compared with, and what this reader may do here (edit, review, reopen),
 * decided by the workflow so the page shows only the forms the commands would accept.
 */
export const updatePage = defineQuery({
  name: "updates.page",
  input: updatePageSchema,
  load: ({ db, input }) => {
    const period = parsePeriod(input.period);
    const centre = period && CENTRE_ID_PATTERN.test(input.centreId) ? getCentre(db, input.centreId) : undefined;
    return centre && period && { centre, period };
  },
  province: ({ centre }) => centre.provinceCode,
  target: (input) => `${input.centreId}/${input.period}`,
  run: ({ db, actor, input, rows: { centre, period } }) => {
    const update = getUpdate(db, centre.id, input.period);
    const previous = lastApprovedBefore(db, centre.id, period.end);
    const previousProgress = Object.fromEntries(previous ? (getUpdate(db, centre.id, previous.period)?.milestoneProgress.map((m) => [m.milestoneId, m.progress]) ?? []) : []);
    const approved = Object.fromEntries(approvedMilestoneProgress(db, centre.id));
    const facts: UpdateFacts | undefined = update && { status: update.status, provinceCode: centre.provinceCode, submittedBy: update.submittedBy, editorIds: update.editorIds };
    const calendar = getCalendar(db, centre.provinceCode);
    // A new update only for a period that has begun, in the province's cadence, since reporting began.
    const refusal = update ? null : periodRefusal(period, calendar, chinaToday(), env.REPORTING_START);
    const may = (action: "save" | "return" | "approve" | "reopen") => decide(action, actor, centre.provinceCode, facts).allowed;
    const nameOf = (userId: string | null | undefined) => (userId ? (getUser(db, userId)?.name ?? "—") : "—");
    return {
      centre: { id: centre.id, name: centre.name, milestones: centre.milestones.map((m) => ({ id: m.id, title: m.title, progress: m.progress, evidenceRequired: m.evidenceRequired })) },
      periodCode: input.period,
      dueDate: dueDate(period, calendar),
      graceDays: calendar.graceDays,
      update,
      previous,
      previousProgress,
      approved,
      refusal,
      canEdit: !refusal && may("save"),
      canReview: may("return"),
      canApprove: may("approve"),
      canReopen: may("reopen"),
      names: { submittedBy: nameOf(update?.submittedBy), approvedBy: nameOf(update?.approvedBy), returnedBy: nameOf(update?.returnedBy) },
      evidenceMaxMb: env.EVIDENCE_MAX_MB,
    };
  },
});
