import { getTranslations } from "next-intl/server";

/** Every invented record says so wherever it is shown. */
export async function DemoBadge({ isDemo }: { isDemo: boolean }) {
  if (!isDemo) return null;
  const t = await getTranslations("common");
  return <span className="badge badge-demo">{t("demo")}</span>;
}
