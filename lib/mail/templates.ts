import { createTranslator } from "use-intl/core";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh.json";
import type { RenderMail } from "@/db/mail-outbox";
import { reminderPath, reminderText, type Translate } from "./reminder-text";

const MESSAGES = { zh, en };

/** A digest lists at most this many reminders; the rest are counted, with a link to the notifications page. */
export const DIGEST_MAX_ITEMS = 30;

/**
 * Plain-text reminder mail in the recipient's language (their saved `locale`): one reminder with a link,
 * or a day's digest listing each with its link. Links are absolute on `baseUrl`, the app's public address.
 */
export function reminderMailRenderer(baseUrl: string): RenderMail {
  const origin = baseUrl.replace(/\/+$/, "");
  return (recipient, items, digestDay) => {
    const t = createTranslator({ locale: recipient.locale, messages: MESSAGES[recipient.locale] }) as unknown as Translate;
    const lines = items.map((item) => ({ text: reminderText(t, item, recipient.locale), url: origin + reminderPath(item) }));
    const footer = t("reminders.mail.footer", { url: `${origin}/settings/notifications` });
    const greeting = t("reminders.mail.greeting", { name: recipient.name });
    if (digestDay === null) {
      const [only] = lines;
      const body = [greeting, "", only!.text, t("reminders.mail.open", { url: only!.url }), "", footer].join("\n");
      return { subject: t("reminders.mail.subjectImmediate", { item: only!.text }), body };
    }
    const list = lines.slice(0, DIGEST_MAX_ITEMS).flatMap((line, i) => [`${i + 1}. ${line.text}`, `   ${t("reminders.mail.open", { url: line.url })}`]);
    const more = lines.length > DIGEST_MAX_ITEMS ? [t("reminders.mail.digestMore", { count: lines.length - DIGEST_MAX_ITEMS, url: `${origin}/notifications` })] : [];
    const body = [greeting, "", t("reminders.mail.digestIntro", { day: digestDay }), "", ...list, ...more, "", footer].join("\n");
    return { subject: t("reminders.mail.subjectDigest", { day: digestDay, count: items.length }), body };
  };
}
