import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getCentre } from "@/db/centres";
import { requireUser } from "@/lib/auth/current-user";
import { assertCanEditCentresIn } from "@/lib/auth/guards";
import { MilestoneForm } from "../../../_components/milestone-form";

type Props = { params: Promise<{ id: string }> };

export default async function NewMilestonePage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser();
  const centre = getCentre(getDb(), id);
  if (!centre) notFound();
  assertCanEditCentresIn(user, centre.provinceCode, "/centres/[id]/milestones/new", id);
  const t = await getTranslations();
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/centres/${id}`}>{centre.name}</Link> /
      </p>
      <h1>{t("milestones.new")}</h1>
      <MilestoneForm initial={{ centreId: id, title: "", category: "planning", weight: 1, plannedDate: "", evidenceRequired: false }} />
    </>
  );
}
