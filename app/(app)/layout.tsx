import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/app/_components/language-switch";
import { SignOutButton } from "@/app/_components/sign-out-button";
import { pageData } from "@/lib/adapters/page";
import { localName } from "@/lib/i18n/locale";
import { navigationMenu } from "@/lib/use-cases/navigation/menu";
import { messageKey } from "@/lib/i18n/translator";

// This layout only draws the frame; every page and action checks the user again on the server. Which
// links show is the menu query's answer (each page's row of the policy table), never decided here.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { user, province, enrolFirst, items } = await pageData("(app)/layout", navigationMenu, {});
  const t = await getTranslations();
  const scope = province ? localName(await getLocale(), province) : t("common.national");
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
              {items.map((item) => (
                <li key={item.href}>
                  {item.count === undefined ? (
                    <Link href={item.href}>{t(messageKey(item.labelKey))}</Link>
                  ) : (
                    <Link href={item.href} aria-label={t("nav.notificationsCount", { count: item.count })}>
                      {t(messageKey(item.labelKey))}
                      {item.count > 0 && (
                        <span className="count" aria-hidden="true" data-testid="unread-count">
                          {item.count}
                        </span>
                      )}
                    </Link>
                  )}
                </li>
              ))}
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
