import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getProvince } from "@/db/provinces";
import { requireUser } from "@/lib/auth/current-user";
import { assertCanEditCentresIn } from "@/lib/auth/guards";
import { localName } from "@/lib/i18n/locale";
import { CentreForm } from "../_components/centre-form";
import { centreFormOptions } from "../_components/form-options";

type Props = { searchParams: Promise<{ province?: string }> };

export default async function NewCentrePage({ searchParams }: Props) {
  const user = await requireUser();
  // Staff create in their own province; an admin picks the province from its page.
  const provinceCode = (await searchParams).province ?? user.provinceCode;
  if (!provinceCode) notFound();
  const province = getProvince(getDb(), provinceCode);
  if (!province) notFound();
  assertCanEditCentresIn(user, provinceCode, "/centres/new");
  const t = await getTranslations();
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/provinces/${provinceCode}`}>{localName(await getLocale(), province)}</Link> /
      </p>
      <h1>{t("centres.new")}</h1>
      <CentreForm
        {...centreFormOptions(provinceCode)}
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
