import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { newMilestoneForm } from "@/lib/use-cases/centres/centre-forms";
import { MilestoneForm } from "../../../_components/milestone-form";

type Props = { params: Promise<{ id: string }> };

export default async function NewMilestonePage({ params }: Props) {
  const { id } = await params;
  const { centreId, centreName } = await pageData("/centres/[id]/milestones/new", newMilestoneForm, { id });
  const t = await getTranslations();
  return (
    <>
      <p className="breadcrumb">
        <Link href={`/centres/${centreId}`}>{centreName}</Link> /
      </p>
      <h1>{t("milestones.new")}</h1>
      <MilestoneForm initial={{ centreId, title: "", category: "planning", weight: 1, plannedDate: "", evidenceRequired: false }} />
    </>
  );
}
