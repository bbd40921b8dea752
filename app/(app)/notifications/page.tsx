import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { chinaDateTime } from "@/lib/domain/china-time";
import { periodLabel } from "@/lib/domain/periods";
import { localeOrDefault } from "@/lib/i18n/locale";
import { notificationsPage } from "@/lib/use-cases/notifications/notifications-page";
import { MarkReadButton } from "./_components/mark-read-button";
import { ReminderList } from "./_components/reminder-list";

export async function generateMetadata() {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage() {
  const { items, reminders, anyUnread } = await pageData("/notifications", notificationsPage, {});
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  return (
    <>
      <div className="section-head">
        <h1>{t("notifications.title")}</h1>
        {anyUnread && <MarkReadButton />}
      </div>
      {reminders.length > 0 && (
        <section aria-labelledby="reminders-title">
          <h2 id="reminders-title">{t("reminders.listTitle")}</h2>
          <ReminderList items={reminders} locale={locale} />
        </section>
      )}
      {items.length === 0 ? (
        reminders.length === 0 && <p className="empty">{t("notifications.empty")}</p>
      ) : (
        <ul className="notification-list">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? "read" : "unread"}>
              <span className="muted small">{n.createdAt ? chinaDateTime(n.createdAt) : "—"}</span>{" "}
              <Link href={`/centres/${n.centreId}/updates/${n.period}`}>
                {t(`notifications.kinds.${n.kind}`, { actor: n.actorName ?? "—", centre: n.centreName, period: periodLabel(n.period, locale) })}
              </Link>
              {n.reason && <div className="muted">{n.reason}</div>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
