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
import { getEngine, flagsInScope, subjectNames } from "@/app/_lib/engine";
import { FlagTable } from "../../_components/flag-table";
import { LevelBadge } from "../../_components/risk-badges";
import { RollUpSummary } from "../../_components/roll-up-summary";
import { TargetProgressTable } from "../../_components/target-progress-table";

type Props = { params: Promise<{ code: string }> };

/** Flags shown on the province page, most severe first; the flag list has the rest. */
const PAGE_FLAGS = 30;

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
  // Every figure below comes from the engine, computed from approved data only.
  const engine = getEngine();
  const flags = flagsInScope(engine, user, code);

  return (
    <>
      <p className="breadcrumb">
        <Link href="/provinces">{t("provinces.title")}</Link> /
      </p>
      <h1>
        {localName(locale, province)} <span className="muted">{code}</span>
      </h1>

      <RollUpSummary completion={engine.completion.provinces[code]!} targets={engine.targetRollUp.provinces[code]!} flags={flags} />

      <section aria-labelledby="flags-heading">
        <div className="section-head">
          <h2 id="flags-heading">{t("risk.title")}</h2>
          <Link href={`/flags?province=${code}`}>{t("risk.allFlags")}</Link>
        </div>
        <FlagTable items={flags} names={subjectNames(flags, locale)} caption={t("risk.title")} limit={PAGE_FLAGS} moreHref={`/flags?province=${code}`} />
      </section>

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
          <TargetProgressTable
            caption={t("province.targets")}
            editHref={canAdminister(user) ? (id) => `/admin/targets/${id}` : undefined}
            rows={targets.map((target) => ({ ...target, result: engine.targets.get(target.id)! }))}
          />
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
                <th scope="col" className="num">
                  {t("progress.completion")}
                </th>
                <th scope="col">{t("risk.computedLevel")}</th>
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
                  <td className="num">{formatNumber(engine.centres.get(c.id)!.completionPct, locale, 1)}%</td>
                  <td>
                    <LevelBadge level={engine.centres.get(c.id)!.computedLevel} />
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
