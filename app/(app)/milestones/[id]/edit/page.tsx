import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getMilestoneWithProvince } from "@/db/milestones";
import { requireUser } from "@/lib/auth/current-user";
import { assertCanEditCentresIn } from "@/lib/auth/guards";
import { MilestoneForm } from "@/app/(app)/centres/_components/milestone-form";

type Props = { params: Promise<{ id: string }> };

export default async function EditMilestonePage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser();
  const stored = getMilestoneWithProvince(getDb(), id);
  if (!stored) notFound();
  assertCanEditCentresIn(user, stored.provinceCode, "/milestones/[id]/edit", id);
  const t = await getTranslations();
  const { milestone } = stored;
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/centres/${milestone.centreId}`}>{t("milestones.backToCentre")}</Link> /
      </p>
      <h1>{t("milestones.edit")}</h1>
      <MilestoneForm initial={milestone} />
    </>
  );
}
