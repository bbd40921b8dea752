import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current-user";
import { assertAdmin } from "@/lib/auth/guards";
import { UserForm } from "../_components/user-form";
import { provinceSelectOptions } from "@/app/_components/province-options";

export default async function NewUserPage() {
  const user = await requireUser();
  assertAdmin(user, "/admin/users/new");
  const t = await getTranslations();
  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/users">{t("users.title")}</Link> /
      </p>
      <h1>{t("users.new")}</h1>
      <UserForm
        provinces={await provinceSelectOptions()}
        initial={{ email: "", name: "", role: "staff", provinceCode: null, locale: "zh", active: true }}
      />
    </>
  );
}
