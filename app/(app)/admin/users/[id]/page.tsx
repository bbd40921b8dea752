import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { userForm } from "@/lib/use-cases/admin/user-form";
import { UserForm } from "../_components/user-form";
import { provinceChoices } from "@/app/(app)/admin/_components/province-choices";

type Props = { params: Promise<{ id: string }> };

export default async function EditUserPage({ params }: Props) {
  const { account, provinces } = await pageData("/admin/users/[id]", userForm, { id: (await params).id });
  if (!account) notFound();
  const t = await getTranslations();
  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/users">{t("users.title")}</Link> /
      </p>
      <h1>{t("users.edit", { email: account.email })}</h1>
      <UserForm provinces={provinceChoices(provinces, await getLocale())} initial={account} />
    </>
  );
}
