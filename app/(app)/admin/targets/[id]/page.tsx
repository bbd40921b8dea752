import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getTarget } from "@/db/targets";
import { requireUser } from "@/lib/auth/current-user";
import { assertAdmin } from "@/lib/auth/guards";
import { provinceSelectOptions } from "@/app/_components/province-options";
import { TargetForm } from "../_components/target-form";

type Props = { params: Promise<{ id: string }> };

export default async function EditTargetPage({ params }: Props) {
  const user = await requireUser();
  assertAdmin(user, "/admin/targets/[id]");
  const target = getTarget(getDb(), (await params).id);
  if (!target) notFound();
  const t = await getTranslations();
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/admin/targets?province=${target.provinceCode}`}>{t("targets.pageTitle")}</Link> /
      </p>
      <h1>{t("targets.edit")}</h1>
      <TargetForm provinces={await provinceSelectOptions()} initial={target} />
    </>
  );
}
