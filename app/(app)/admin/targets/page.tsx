import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { pageData } from "@/lib/adapters/page";
import { formatNumber } from "@/lib/domain/format";
import { localeOrDefault, localName } from "@/lib/i18n/locale";
import { targetsPage } from "@/lib/use-cases/admin/targets-page";
import { DemoBadge } from "@/app/_components/demo-badge";

type Props = { searchParams: Promise<{ province?: string }> };

export async function generateMetadata() {
  return { title: (await getTranslations("targets"))("pageTitle") };
}

export default async function TargetsPage({ searchParams }: Props) {
  const { provinces, selected, targets } = await pageData("/admin/targets", targetsPage, { province: (await searchParams).province });
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const names = new Map(provinces.map((p) => [p.code, localName(locale, p)]));
  return (
    <>
      <div className="section-head">
        <h1>{t("targets.pageTitle")}</h1>
        <Link className="button" href={selected ? `/admin/targets/new?province=${selected}` : "/admin/targets/new"}>
          {t("targets.new")}
        </Link>
      </div>
      <form className="filters" method="get">
        <label htmlFor="province-filter">{t("targets.province")}</label>
        <select id="province-filter" name="province" defaultValue={selected ?? ""}>
          <option value="">{t("common.all")}</option>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {localName(locale, p)}
            </option>
          ))}
        </select>
        <button type="submit">{t("common.filter")}</button>
      </form>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("targets.province")}</th>
            <th scope="col">{t("targets.title")}</th>
            <th scope="col">{t("targets.kind")}</th>
            <th scope="col" className="num">
              {t("targets.targetValue")}
            </th>
            <th scope="col">{t("targets.deadline")}</th>
            <th scope="col">{t("targets.sourceStatus")}</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((target) => (
            <tr key={target.id}>
              <td>{names.get(target.provinceCode)}</td>
              <td>
                <Link href={`/admin/targets/${target.id}`}>{target.title}</Link> <DemoBadge isDemo={target.isDemo} />
              </td>
              <td>{t(`targetKinds.${target.kind}`)}</td>
              <td className="num">
                {formatNumber(target.targetValue, locale)} {target.unit}
              </td>
              <td className="date">{target.deadline}</td>
              <td>
                <span className={`badge badge-source-${target.sourceStatus}`}>{t(`sourceStatuses.${target.sourceStatus}`)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
