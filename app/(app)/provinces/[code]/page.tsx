import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { listCentresOfProvince } from "@/db/centres";
import { getProvince } from "@/db/provinces";
import { listTargets } from "@/db/targets";
import { requireUser } from "@/lib/auth/current-user";
import { assertCanReadProvince } from "@/lib/auth/guards";
import { cityName } from "@/lib/domain/cities";
import { formatNumber, formatYuan } from "@/lib/domain/format";
import { canAdminister, canEditCentresIn } from "@/lib/domain/permissions";
import { localeOrDefault, localName } from "@/lib/i18n/locale";
import { DemoBadge } from "@/app/_components/demo-badge";

type Props = { params: Promise<{ code: string }> };

export default async function ProvincePage({ params }: Props) {
  const { code } = await params;
  const user = await requireUser();
  const db = getDb();
  const province = getProvince(db, code);
  if (!province) notFound();
  assertCanReadProvince(user, code, "/provinces/[code]");
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());
  const targets = listTargets(db, code);
  const centres = listCentresOfProvince(db, code);

  return (
    <>
      <p className="breadcrumb">
        <Link href="/provinces">{t("provinces.title")}</Link> /
      </p>
      <h1>
        {localName(locale, province)} <span className="muted">{code}</span>
      </h1>

      <section aria-labelledby="targets-heading">
        <div className="section-head">
          <h2 id="targets-heading">{t("province.targets")}</h2>
          {canAdminister(user) && (
            <Link className="button" href={`/admin/targets/new?province=${code}`}>
              {t("targets.new")}
            </Link>
          )}
        </div>
        {targets.length === 0 ? (
          <p className="empty">{t("province.noTargets")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("targets.title")}</th>
                <th scope="col">{t("targets.kind")}</th>
                <th scope="col" className="num">
                  {t("targets.targetValue")}
                </th>
                <th scope="col">{t("targets.deadline")}</th>
                <th scope="col">{t("targets.source")}</th>
              </tr>
            </thead>
            <tbody>
              {targets.map((target) => (
                <tr key={target.id}>
                  <td>
                    {canAdminister(user) ? <Link href={`/admin/targets/${target.id}`}>{target.title}</Link> : target.title}{" "}
                    <DemoBadge isDemo={target.isDemo} />
                  </td>
                  <td>{t(`targetKinds.${target.kind}`)}</td>
                  <td className="num">
                    {formatNumber(target.targetValue, locale)} {target.unit}
                  </td>
                  <td className="date">{target.deadline}</td>
                  <td>
                    <span className={`badge badge-source-${target.sourceStatus}`}>{t(`sourceStatuses.${target.sourceStatus}`)}</span>{" "}
                    <span className="muted small">{target.sourceDocument}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="centres-heading">
        <div className="section-head">
          <h2 id="centres-heading">{t("province.centres")}</h2>
          {canEditCentresIn(user, code) && (
            <Link className="button" href={`/centres/new?province=${code}`}>
              {t("centres.new")}
            </Link>
          )}
        </div>
        {centres.length === 0 ? (
          <p className="empty">{t("province.noCentres")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("centres.name")}</th>
                <th scope="col">{t("centres.city")}</th>
                <th scope="col">{t("centres.focusTags")}</th>
                <th scope="col" className="num">
                  {t("centres.plannedBudget")}
                </th>
                <th scope="col">{t("centres.plannedCompletion")}</th>
                <th scope="col">{t("centres.status")}</th>
              </tr>
            </thead>
            <tbody>
              {centres.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/centres/${c.id}`}>{c.name}</Link> <DemoBadge isDemo={c.isDemo} />
                    <div className="muted small">{c.leadInstitution}</div>
                  </td>
                  <td className="nowrap">{cityName(c.cityCode) ?? c.cityCode}</td>
                  <td>{c.focusTags.map((tag) => t(`focusTags.${tag}`)).join(locale === "zh" ? "、" : ", ")}</td>
                  <td className="num">{formatYuan(c.plannedBudgetYuan, locale)}</td>
                  <td className="date">{c.plannedCompletionDate}</td>
                  <td>
                    <span className={`status status-${c.status}`}>{t(`centreStatuses.${c.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
