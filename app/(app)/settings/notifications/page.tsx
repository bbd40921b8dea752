import { getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { UNMUTABLE_CATEGORIES } from "@/lib/domain/reminders";
import { env } from "@/lib/env";
import { notificationsPage } from "@/lib/use-cases/settings/notifications-page";
import { PreferencesForm } from "./_components/preferences-form";

export async function generateMetadata() {
  return { title: (await getTranslations("reminders"))("settings.title") };
}

/** The signed-in user's own mail settings; nobody else's can be reached here. */
export default async function NotificationSettingsPage() {
  const { preference } = await pageData("/settings/notifications", notificationsPage, {});
  const t = await getTranslations("reminders");
  return (
    <>
      <h1 id="preferences-title">{t("settings.title")}</h1>
      <p className="lead">{t("settings.lead")}</p>
      {!env.SMTP_URL && <p className="hint">{t("settings.mailOff")}</p>}
      <PreferencesForm initial={preference} digestHour={env.MAIL_DIGEST_HOUR} />
      <p className="muted small">
        {UNMUTABLE_CATEGORIES.map((c) => t(`categories.${c}`)).join(" · ")}: {t("settings.alwaysSent")}
      </p>
    </>
  );
}
