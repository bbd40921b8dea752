import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/current-user";
import { assertAdmin } from "@/lib/auth/guards";
import { provinceSelectOptions } from "@/app/_components/province-options";
import { TargetForm } from "../_components/target-form";

type Props = { searchParams: Promise<{ province?: string }> };

export default async function NewTargetPage({ searchParams }: Props) {
  const user = await requireUser();
  assertAdmin(user, "/admin/targets/new");
  const t = await getTranslations();
  const { province } = await searchParams;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/targets">{t("targets.pageTitle")}</Link> /
      </p>
      <h1>{t("targets.new")}</h1>
      <TargetForm
        provinces={await provinceSelectOptions()}
        initial={{
          provinceCode: province ?? "",
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
