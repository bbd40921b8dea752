import { periodLabel } from "@/lib/domain/periods";
import type { Locale } from "@/lib/domain/vocabulary";
import type { MailItem } from "@/db/mail-outbox";

/** A translator over the whole message file: next-intl's `getTranslations()` in pages, `createTranslator` in the job. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** One reminder as a sentence, the same in the app and in mail. */
export function reminderText(t: Translate, item: Omit<MailItem, "centreId">, locale: Locale): string {
  if (item.category === "flag_red") {
    const [subject, explanation] = locale === "zh" ? [item.params.subjectZh, item.params.explanationZh] : [item.params.subjectEn, item.params.explanationEn];
    return t("reminders.items.flag_red", { rule: t(`risk.codes.${item.params.code}`), subject: String(subject ?? ""), explanation: String(explanation ?? "") });
  }
  return t(`reminders.items.${item.category}`, { ...item.params, centre: item.centreName ?? "—", period: item.period ? periodLabel(item.period, locale) : "—" });
}

/** Where a reminder leads: the update form of its centre and period, or the flag. */
export function reminderPath(item: Pick<MailItem, "centreId" | "period" | "flagKey">): string {
  if (item.flagKey !== null) return `/flags/${encodeURIComponent(item.flagKey)}`;
  return `/centres/${item.centreId}/updates/${item.period}`;
}
