import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { provincesPage } from "@/lib/use-cases/dashboards/provinces-page";
import { messageKey } from "@/lib/i18n/translator";

export async function generateMetadata() {
  return { title: (await getTranslations("provinces"))("title") };
}

export default async function ProvincesPage() {
  // The query itself is scoped: a provincial user never receives other provinces' rows.
  const { rows } = await pageData("/provinces", provincesPage, {});
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <>
      <h1>{t("provinces.title")}</h1>
      <p className="lead">{t("provinces.intro", { count: rows.length })}</p>
      <table className="data-table">
        <caption className="visually-hidden">{t("provinces.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("provinces.code")}</th>
            <th scope="col">{t("provinces.name")}</th>
            <th scope="col">{t("provinces.type")}</th>
            <th scope="col" className="num">
              {t("provinces.targets")}
            </th>
            <th scope="col" className="num">
              {t("provinces.centres")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.code}>
              <td>
                <code>{p.code}</code>
              </td>
              <td>
                <Link href={`/provinces/${p.code}`}>{locale === "zh" ? p.nameZh : p.nameEn}</Link>{" "}
                <span className="muted" lang={locale === "zh" ? "en" : "zh-CN"}>
                  {locale === "zh" ? p.nameEn : p.nameZh}
                </span>
              </td>
              <td>{t(messageKey(`provinceTypes.${p.type}`))}</td>
              <td className="num">{p.targetCount}</td>
              <td className="num">{p.centreCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
