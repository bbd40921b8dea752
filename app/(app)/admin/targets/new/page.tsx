import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { targetForm } from "@/lib/use-cases/admin/target-form";
import { provinceChoices } from "@/app/(app)/admin/_components/province-choices";
import { TargetForm } from "../_components/target-form";

type Props = { searchParams: Promise<{ province?: string }> };

export default async function NewTargetPage({ searchParams }: Props) {
  const { province, provinces } = await pageData("/admin/targets/new", targetForm, { province: (await searchParams).province });
  const t = await getTranslations();
  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/targets">{t("targets.pageTitle")}</Link> /
      </p>
      <h1>{t("targets.new")}</h1>
      <TargetForm
        provinces={provinceChoices(provinces, await getLocale())}
        initial={{
          provinceCode: province,
          title: "",
          kind: "count",
          metric: "",
          unit: "",
          targetValue: null,
          baselineValue: 0,
          baselineDate: "",
          deadline: "",
          sourceDocument: "",
          sourceUrl: null,
          sourceStatus: "sourced",
          measure: null,
          plannedValues: [],
        }}
      />
    </>
  );
}
