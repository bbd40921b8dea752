import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { targetForm } from "@/lib/use-cases/admin/target-form";
import { provinceChoices } from "@/app/(app)/admin/_components/province-choices";
import { TargetForm } from "../_components/target-form";

type Props = { params: Promise<{ id: string }> };

export default async function EditTargetPage({ params }: Props) {
  const { target, provinces } = await pageData("/admin/targets/[id]", targetForm, { id: (await params).id });
  if (!target) notFound();
  const t = await getTranslations();
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/admin/targets?province=${target.provinceCode}`}>{t("targets.pageTitle")}</Link> /
      </p>
      <h1>{t("targets.edit")}</h1>
      <TargetForm provinces={provinceChoices(provinces, await getLocale())} initial={target} />
    </>
  );
}
