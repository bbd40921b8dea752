import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { chinaDateTime } from "@/lib/domain/china-time";
import type { Locale } from "@/lib/domain/vocabulary";
import { reminderPath, reminderText, type Translate } from "@/lib/mail/reminder-text";
import type { ReminderItem } from "@/lib/use-cases/notifications/notifications-page";

/** The reminders job's entries, in the same words as its mail. */
export async function ReminderList({ items, locale }: { items: ReminderItem[]; locale: Locale }) {
  const t = (await getTranslations()) as unknown as Translate;
  return (
    <ul className="notification-list" data-testid="reminder-list">
      {items.map((r) => (
        <li key={r.id} className={r.readAt ? "read" : "unread"}>
          <span className="muted small">{chinaDateTime(r.createdAt)}</span> <Link href={reminderPath(r)}>{reminderText(t, r, locale)}</Link>
        </li>
      ))}
    </ul>
  );
}
