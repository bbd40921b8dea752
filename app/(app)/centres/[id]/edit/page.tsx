import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getCentre } from "@/db/centres";
import { requireUser } from "@/lib/auth/current-user";
import { assertCanEditCentresIn } from "@/lib/auth/guards";
import { CentreForm } from "../../_components/centre-form";
import { centreFormOptions } from "../../_components/form-options";

type Props = { params: Promise<{ id: string }> };

export default async function EditCentrePage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser();
  const centre = getCentre(getDb(), id);
  if (!centre) notFound();
  assertCanEditCentresIn(user, centre.provinceCode, "/centres/[id]/edit", id);
  const t = await getTranslations();
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/centres/${id}`}>{centre.name}</Link> /
      </p>
      <h1>{t("centres.edit")}</h1>
      <CentreForm
        {...centreFormOptions(centre.provinceCode)}
        initial={{ ...centre, targetIds: centre.targets.map((target) => target.id) }}
      />
    </>
  );
}
