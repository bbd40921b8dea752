import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { milestoneEditForm } from "@/lib/use-cases/centres/centre-forms";
import { MilestoneForm } from "@/app/(app)/centres/_components/milestone-form";

type Props = { params: Promise<{ id: string }> };

export default async function EditMilestonePage({ params }: Props) {
  const { id } = await params;
  const milestone = await pageData("/milestones/[id]/edit", milestoneEditForm, { id });
  const t = await getTranslations();
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
