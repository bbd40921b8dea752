import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/db/seed";
import { hasDemoAccounts } from "@/db/users";
import { getSignedInUser } from "@/lib/auth/current-user";
import { LanguageSwitch } from "@/app/_components/language-switch";
import { LoginForm } from "./_components/login-form";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await getSignedInUser()) redirect("/");
  const t = await getTranslations();
  const { callbackUrl } = await searchParams;
  const showDemo = hasDemoAccounts(getDb());
  return (
    <main className="login">
      <div className="login-top">
        <LanguageSwitch />
      </div>
      <h1>{t("app.name")}</h1>
      <p className="subtitle">{t("app.tagline")}</p>
      {showDemo && (
        <section className="notice demo-notice" aria-labelledby="demo-heading">
          <h2 id="demo-heading">{t("login.demoTitle")}</h2>
          <p>{t("login.demoBody", { password: DEMO_PASSWORD })}</p>
          <ul>
            {DEMO_ACCOUNTS.map((a) => (
              <li key={a.email}>
                <code>{a.email}</code> — {t(`roles.${a.role}`)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <LoginForm callbackUrl={safeCallback(callbackUrl)} />
    </main>
  );
}

/** Only same-site paths: an open redirect after sign-in would be a phishing aid. */
function safeCallback(url: string | undefined): string {
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/";
}
