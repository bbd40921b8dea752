import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { userForm } from "@/lib/use-cases/admin/user-form";
import { UserForm } from "../_components/user-form";
import { provinceChoices } from "@/app/(app)/admin/_components/province-choices";

export default async function NewUserPage() {
  const { provinces } = await pageData("/admin/users/new", userForm, {});
  const t = await getTranslations();
  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/users">{t("users.title")}</Link> /
      </p>
      <h1>{t("users.new")}</h1>
      <UserForm
        provinces={provinceChoices(provinces, await getLocale())}
        initial={{ email: "", name: "", role: "staff", provinceCode: null, locale: "zh", active: true }}
      />
    </>
  );
}
