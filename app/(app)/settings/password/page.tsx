import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current-user";
import { ChangePasswordForm } from "./_components/change-password-form";

export async function generateMetadata() {
  return { title: (await getTranslations("password"))("title") };
}

/** Every signed-in user's own password; the action checks the session again. */
export default async function ChangePasswordPage() {
  await requireUser();
  const t = await getTranslations("password");
  return (
    <>
      <h1 id="change-password-title">{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <ChangePasswordForm />
    </>
  );
}
