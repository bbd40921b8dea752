import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { loginPage } from "@/lib/use-cases/public/login-page";
import { LanguageSwitch } from "@/app/_components/language-switch";
import { LoginForm } from "./_components/login-form";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const view = await loginPage();
  if (view.signedIn) redirect("/");
  const { demo } = view;
  const t = await getTranslations();
  const { callbackUrl } = await searchParams;
  return (
    <main className="login">
      <div className="login-top">
        <LanguageSwitch />
      </div>
      <h1>{t("app.name")}</h1>
      <p className="subtitle">{t("app.tagline")}</p>
      {demo && (
        <section className="notice demo-notice" aria-labelledby="demo-heading">
          <h2 id="demo-heading">{t("login.demoTitle")}</h2>
          <p>{t("login.demoBody", { password: demo.password })}</p>
          <ul>
            {demo.accounts.map((a) => (
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
