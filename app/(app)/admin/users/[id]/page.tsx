import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getUser } from "@/db/users";
import { requireUser } from "@/lib/auth/current-user";
import { assertAdmin } from "@/lib/auth/guards";
import { UserForm } from "../_components/user-form";
import { provinceSelectOptions } from "@/app/_components/province-options";

type Props = { params: Promise<{ id: string }> };

export default async function EditUserPage({ params }: Props) {
  const user = await requireUser();
  assertAdmin(user, "/admin/users/[id]");
  const account = getUser(getDb(), (await params).id);
  if (!account) notFound();
  const t = await getTranslations();
  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/users">{t("users.title")}</Link> /
      </p>
      <h1>{t("users.edit", { email: account.email })}</h1>
      <UserForm provinces={await provinceSelectOptions()} initial={account} />
    </>
  );
}
