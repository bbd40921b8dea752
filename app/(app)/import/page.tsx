import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { localeOrDefault } from "@/lib/i18n/locale";
import { importPage } from "@/lib/use-cases/import/import-page";
import { ImportForm } from "./_components/import-form";

export async function generateMetadata() {
  return { title: (await getTranslations("import"))("title") };
}

/** Staff import into their province, administrators anywhere; reviewers only read. */
export default async function ImportPage() {
  const { periods, defaultPeriod } = await pageData("/import", importPage, { locale: localeOrDefault(await getLocale()) });
  const t = await getTranslations("import");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <ImportForm periods={periods} defaultPeriod={defaultPeriod} />
    </>
  );
}
