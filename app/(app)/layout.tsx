import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { mustEnrol, requireSignedInUser } from "@/lib/auth/current-user";
import { canAdminister, canImport } from "@/lib/domain/permissions";
import { LanguageSwitch } from "@/app/_components/language-switch";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { getDb } from "@/db/client";
import { getProvince } from "@/db/provinces";
import { localName } from "@/lib/i18n/locale";
import { unreadCount } from "@/db/notifications";
import { unreadReminderCount } from "@/db/reminders";

// This layout only draws the frame; every page and action checks the user again on the server.
// A user who must enrol in two-factor sign-in first sees no navigation: nothing else would open for them.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireSignedInUser();
  const enrolFirst = mustEnrol(user);
  const t = await getTranslations();
  const province = user.provinceCode ? getProvince(getDb(), user.provinceCode) : undefined;
  const scope = province ? localName(await getLocale(), province) : t("common.national");
  const unread = unreadCount(getDb(), user.id) + unreadReminderCount(getDb(), user.id);
  return (
    <>
      <a href="#main" className="skip-link">
        {t("nav.skip")}
      </a>
      <header className="site-header">
        <Link href="/" className="brand">
          {t("app.name")}
        </Link>
        {!enrolFirst && (
          <nav aria-label={t("nav.label")}>
            <ul>
              {user.role !== "staff" && user.provinceCode === null && (
                <li>
                  <Link href="/overview">{t("nav.overview")}</Link>
                </li>
              )}
              <li>
                <Link href="/provinces">{t("nav.provinces")}</Link>
              </li>
              <li>
                <Link href="/flags">{t("nav.flags")}</Link>
              </li>
              <li>
                <Link href="/reporting">{t("nav.reporting")}</Link>
              </li>
              <li><Link href="/reporting/discipline">{t("discipline.title")}</Link></li>
              {canImport(user) && (
                <li>
                  <Link href="/import">{t("import.nav")}</Link>
                </li>
              )}
              {user.role === "reviewer" && (
                <li>
                  <Link href="/reviews">{t("nav.reviews")}</Link>
                </li>
              )}
              {user.role !== "staff" && (
                <li>
                  <Link href="/audit">{t("nav.audit")}</Link>
                </li>
              )}
              <li>
                <Link href="/notifications" aria-label={t("nav.notificationsCount", { count: unread })}>
                  {t("nav.notifications")}
                  {unread > 0 && (
                    <span className="count" aria-hidden="true" data-testid="unread-count">
                      {unread}
                    </span>
                  )}
                </Link>
              </li>
              {canAdminister(user) && (
                <>
                  <li>
                    <Link href="/admin/users">{t("nav.users")}</Link>
                  </li>
                  <li>
                    <Link href="/admin/targets">{t("nav.targets")}</Link>
                  </li>
                  <li>
                    <Link href="/admin/calendars">{t("nav.calendars")}</Link>
                  </li>
                  <li>
                    <Link href="/admin/thresholds">{t("nav.thresholds")}</Link>
                  </li>
                  <li>
                    <Link href="/admin/mail">{t("reminders.adminNav")}</Link>
                  </li>
                  <li>
                    <Link href="/admin/security">{t("security.nav")}</Link>
                  </li>
                </>
              )}
              <li><Link href="/settings/tokens">{t("apiTokens.nav")}</Link></li>
              <li><Link href="/settings/notifications">{t("reminders.nav")}</Link></li>
              <li><Link href="/settings/password">{t("password.nav")}</Link></li>
              <li><Link href="/settings/two-factor">{t("twoFactor.nav")}</Link></li>
              <li><Link href="/settings/sessions">{t("sessions.nav")}</Link></li>
            </ul>
          </nav>
        )}
        <div className="user-box">
          <span className="user-name" data-testid="current-user">
            {user.name} · {t(`roles.${user.role}`)} · {scope}
          </span>
          <LanguageSwitch />
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="page">
        {children}
      </main>
    </>
  );
}
