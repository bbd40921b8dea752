import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { centreEditForm } from "@/lib/use-cases/centres/centre-forms";
import { CentreForm } from "../../_components/centre-form";

type Props = { params: Promise<{ id: string }> };

export default async function EditCentrePage({ params }: Props) {
  const { id } = await params;
  const { centre, cities, targets } = await pageData("/centres/[id]/edit", centreEditForm, { id });
  const t = await getTranslations();
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/centres/${id}`}>{centre.name}</Link> /
      </p>
      <h1>{t("centres.edit")}</h1>
      <CentreForm cities={cities} targets={targets} initial={centre} />
    </>
  );
}
