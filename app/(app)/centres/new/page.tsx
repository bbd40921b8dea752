import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { newCentreForm } from "@/lib/use-cases/centres/centre-forms";
import { CentreForm } from "../_components/centre-form";

type Props = { searchParams: Promise<{ province?: string | string[] }> };

export default async function NewCentrePage({ searchParams }: Props) {
  // Staff create in their own province; an admin picks the province from its page.
  const { province } = await searchParams;
  const { provinceCode, provinceName, cities, targets } = await pageData("/centres/new", newCentreForm, {
    province: Array.isArray(province) ? province[0] : province,
    locale: await getLocale(),
  });
  const t = await getTranslations();
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/provinces/${provinceCode}`}>{provinceName}</Link> /
      </p>
      <h1>{t("centres.new")}</h1>
      <CentreForm
        cities={cities}
        targets={targets}
        initial={{
          provinceCode,
          cityCode: "",
          name: "",
          leadInstitution: "",
          leadCreditCode: null,
          partners: [],
          focusTags: [],
          plannedBudgetYuan: null,
          startDate: "",
          plannedCompletionDate: "",
          status: "planned",
          targetIds: [],
        }}
      />
    </>
  );
}
