import { z } from "zod";
import { asOfChoices } from "@/lib/domain/as-of";
import { periodChoiceRefusal } from "@/lib/domain/reporting-discipline";
import { RISK_CODES, RISK_SEVERITIES } from "@/lib/domain/risk/types";
import { CENTRE_STATUSES, FOCUS_TAGS } from "@/lib/domain/vocabulary";
import { asOfSchema } from "./as-of";
import { enumOf, integer, optionalFilter, provinceCode, whenFieldsValid } from "./fields";

// The REST API's query parameters (GET /api/v1/…), one schema per route. The same schemas parse the
// request and describe the parameters in the OpenAPI document, so each field carries its description.
// Values arrive as strings; a blank value means "left out". Error messages are the forms' keys.

/** Largest page the list routes return; a client pages through the rest. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

const asOf = (today: string, reportingStart: string) =>
  asOfSchema(today, reportingStart).shape.asOf.meta({
    format: "date",
    description: `Show the figures as they stood at the close of an ended period: the last day (YYYY-MM-DD, Beijing time) of one of the last 12 ended months since reporting began (${reportingStart}), as the dashboards' as-of picker offers them${closesNote(today, reportingStart)}. Any other day is refused (400, code asOfNotClose, listing the choices); left out: now.`,
  });

const closesNote = (today: string, reportingStart: string) => {
  const closes = asOfChoices(reportingStart, today).map((c) => c.date);
  return closes.length === 0 ? " (none yet)" : ` (now: ${closes.join(", ")})`;
};

const province = (what: string) =>
  optionalFilter(provinceCode()).meta({
    description: `Only ${what} of this province (GB/T 2260 code, e.g. 330000). A province outside the caller's scope is not found (404).`,
  });

const paging = () => ({
  page: optionalFilter(integer(1, 1_000_000))
    .transform((v) => v ?? 1)
    .meta({ description: "Page number, from 1 (default 1). A page past the end is empty.", default: 1 }),
  pageSize: optionalFilter(integer(1, MAX_PAGE_SIZE))
    .transform((v) => v ?? DEFAULT_PAGE_SIZE)
    .meta({ description: `Items per page, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`, default: DEFAULT_PAGE_SIZE }),
});

/** Routes that take only the "as of" day: the province list and one province, one centre. */
export const asOfQuerySchema = (today: string, reportingStart: string) => z.object({ asOf: asOf(today, reportingStart) });

export const centresQuerySchema = (today: string, reportingStart: string) =>
  z.object({
    province: province("centres"),
    status: optionalFilter(enumOf(CENTRE_STATUSES)).meta({ description: "Only centres with this status (as computed for the day shown)." }),
    tag: optionalFilter(enumOf(FOCUS_TAGS)).meta({ description: "Only centres with this focus tag." }),
    city: optionalFilter(z.string().regex(/^\d{2}(?!00)\d{2}00$/, { error: "cityCode" })).meta({
      description: "Only centres in this prefecture-level city (GB/T 2260 code, e.g. 330100).",
    }),
    flag: optionalFilter(enumOf(["any", ...RISK_CODES] as const)).meta({
      description: "Only centres with an open red or amber flag of this rule; `any`: with any open red or amber flag.",
    }),
    ...paging(),
    asOf: asOf(today, reportingStart),
  });
export type CentresQuery = z.infer<ReturnType<typeof centresQuerySchema>>;

export const flagsQuerySchema = (today: string, reportingStart: string) =>
  z.object({
    province: province("flags"),
    code: optionalFilter(enumOf(RISK_CODES)).meta({ description: "Only flags of this rule." }),
    severity: optionalFilter(enumOf(RISK_SEVERITIES)).meta({ description: "Only flags of this severity." }),
    show: optionalFilter(enumOf(["open", "all"] as const))
      .transform((v) => v ?? "open")
      .meta({ description: "`open` (default): without standing dismissals and justifications; `all`: every flag.", default: "open" }),
    ...paging(),
    asOf: asOf(today, reportingStart),
  });
export type FlagsQuery = z.infer<ReturnType<typeof flagsQuerySchema>>;

/**
 * Reporting discipline: a period that had ended by the day shown (the "as of" day when one is given)
 * and not before reporting began. Left out: the latest ended quarter.
 */
export const reportingQuerySchema = (today: string, reportingStart: string) =>
  z
    .object({
      period: optionalFilter(z.string({ error: "period" }).max(20, { error: "period" })).meta({
        description: "A quarter (2026-Q3) or a month (2026-09) that has ended; left out: the latest ended quarter.",
      }),
      province: province("figures"),
      asOf: asOf(today, reportingStart),
    })
    .superRefine(
      (query, ctx) => {
        if (query.period === undefined) return;
        const refusal = periodChoiceRefusal(query.period, query.asOf ?? today, reportingStart);
        if (refusal) ctx.addIssue({ code: "custom", path: ["period"], message: refusal });
      },
      { when: whenFieldsValid("period", "asOf") },
    );
export type ReportingQuery = z.infer<ReturnType<typeof reportingQuerySchema>>;

/** Path parameters: a province code and a centre id. A malformed one is simply not found (404). */
export const PROVINCE_CODE_PATTERN = /^\d{2}0000$/;
export const CENTRE_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
