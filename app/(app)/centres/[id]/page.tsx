import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { chinaDateTime } from "@/lib/domain/china-time";
import { localeOrDefault } from "@/lib/i18n/locale";
import { DemoBadge } from "@/app/_components/demo-badge";
import { formatNumber, formatYuan } from "@/lib/domain/format";
import { pageData } from "@/lib/adapters/page";
import { centrePage } from "@/lib/use-cases/centres/centre-page";
import { readAsOf, withAsOf, type SearchParams } from "@/app/_lib/as-of";
import { AsOfNotice, AsOfPicker } from "../../_components/as-of-picker";
import { flagHref, FlagTable } from "../../_components/flag-table";
import { MilestoneTimeline } from "../../_components/milestone-timeline";
import { CentreIndicators } from "../_components/centre-indicators";
import { ExportLinks } from "../../_components/export-links";
import { INDICATORS } from "@/lib/export/tables/centre";
import { LevelBadge } from "../../_components/risk-badges";
import { MilestonesSection, RatingsSection, UpdatesSection } from "../_components/centre-sections";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

/**
 * A centre's dashboard: standing, milestone timeline, indicator charts over its approved periods, flags
 * with their review history, ratings, milestones and the update history (who submitted, who approved).
 * With "as of", the figures as they stood then; the editing controls stay with the current view.
 */
export default async function CentrePage({ params, searchParams }: Props) {
  const { id } = await params;
  const locale = localeOrDefault(await getLocale());
  const asOfView = readAsOf(await searchParams);
  const { asOf } = asOfView;
  const data = await pageData("/centres/[id]", centrePage, { id, asOf, locale });
  const t = await getTranslations();
  const list = (items: string[]) => items.join(locale === "zh" ? "、" : ", ");
  if (!data.registered) {
    // Registered after the "as of" day: nothing to show as of then.
    return (
      <>
        <h1>{data.centre.name}</h1>
        <div className="dashboard-bar">
          <AsOfNotice view={asOfView} today={data.today} />
          <AsOfPicker view={asOfView} />
        </div>
        <p className="empty">{t("centreDashboard.notYetRegistered", { date: asOf ?? data.today })}</p>
      </>
    );
  }
  const { centre, computed, flags, names, reviewHistory, milestones: centreMilestones, periods, ratings, canEdit, canRate, today } = data;
  const latestRating = ratings[0];
  const exportPath = `/centres/${id}/export`;

  return (
    <>
      <p className="breadcrumb">
        <Link href="/provinces">{t("provinces.title")}</Link> /{" "}
        <Link href={withAsOf(`/provinces/${centre.provinceCode}`, asOf)}>{centre.provinceName}</Link> /
      </p>
      <div className="section-head">
        <h1>
          {centre.name} <DemoBadge isDemo={centre.isDemo} />
        </h1>
        {canEdit && (
          <Link className="button" href={`/centres/${id}/edit`}>
            {t("centres.edit")}
          </Link>
        )}
      </div>
      <div className="dashboard-bar">
        <AsOfNotice view={asOfView} today={today} />
        <AsOfPicker view={asOfView} />
      </div>

      <dl className="details">
        <dt>{t("centres.status")}</dt>
        <dd>
          <span className={`status status-${computed.status}`}>{t(`centreStatuses.${computed.status}`)}</span>
        </dd>
        <dt>{t("centres.city")}</dt>
        <dd>
          {centre.cityName} <span className="muted">{centre.cityCode}</span>
        </dd>
        <dt>{t("centres.leadInstitution")}</dt>
        <dd>
          {centre.leadInstitution}
          {centre.leadCreditCode && <span className="muted"> · {centre.leadCreditCode}</span>}
        </dd>
        <dt>{t("centres.partners")}</dt>
        <dd>{centre.partners.length ? list(centre.partners) : "—"}</dd>
        <dt>{t("centres.focusTags")}</dt>
        <dd>{list(centre.focusTags.map((tag) => t(`focusTags.${tag}`)))}</dd>
        <dt>{t("centres.plannedBudget")}</dt>
        <dd>{formatYuan(centre.plannedBudgetYuan, locale)}</dd>
        <dt>{t("centres.period")}</dt>
        <dd>
          {centre.startDate} – {centre.plannedCompletionDate}
        </dd>
        <dt>{t("centres.contributesTo")}</dt>
        <dd>{centre.targetTitles.length ? list(centre.targetTitles) : "—"}</dd>
      </dl>

      <section aria-labelledby="standing-heading">
        <h2 id="standing-heading">{t("progress.centreHeading")}</h2>
        <dl className="summary">
          <div>
            <dt>{t("progress.completion")}</dt>
            <dd data-testid="centre-completion">{formatNumber(computed.completionPct, locale, 1)}%</dd>
            <dd className="muted small">{t("progress.completionRule")}</dd>
          </div>
          <div>
            <dt>{t("centreDashboard.planned")}</dt>
            <dd data-testid="centre-planned">{formatNumber(computed.plannedCompletionPct, locale, 1)}%</dd>
            <dd className="muted small">{t("centreDashboard.plannedRule")}</dd>
          </div>
          <div>
            <dt>{t("progress.scheduleIndex")}</dt>
            <dd>{computed.scheduleIndex === null ? "—" : formatNumber(computed.scheduleIndex, locale, 2)}</dd>
          </div>
          <div>
            <dt>{t("risk.computedLevel")}</dt>
            <dd>
              <LevelBadge level={computed.computedLevel} />
            </dd>
          </div>
          <div>
            <dt>{t("confidence.latest")}</dt>
            <dd data-testid="latest-rating">
              {latestRating ? <LevelBadge level={latestRating.rating} /> : <span className="muted">{t("confidence.none")}</span>}
              {latestRating && latestRating.rating !== computed.computedLevel && <div className="small warn-text">{t("confidence.differs")}</div>}
            </dd>
          </div>
        </dl>
        <h3>{t("risk.title")}</h3>
        <FlagTable items={flags} names={names} caption={t("risk.title")} showSuppressed />
        <h3>{t("centreDashboard.flagHistory")}</h3>
        {reviewHistory.length === 0 ? (
          <p className="empty">{t("centreDashboard.noFlagHistory")}</p>
        ) : (
          <table className="data-table compact" data-testid="flag-review-history">
            <caption className="visually-hidden">{t("centreDashboard.flagHistory")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("confidence.at")}</th>
                <th scope="col">{t("centreDashboard.flag")}</th>
                <th scope="col">{t("centreDashboard.action")}</th>
                <th scope="col">{t("confidence.by")}</th>
                <th scope="col">{t("centreDashboard.comment")}</th>
              </tr>
            </thead>
            <tbody>
              {reviewHistory.map((r) => (
                <tr key={r.id}>
                  <td className="date">{chinaDateTime(r.at)}</td>
                  <td>
                    <Link href={flagHref(r.flag.key)}>{t(`risk.codes.${r.flag.code}`)}</Link>
                  </td>
                  <td>{t(`risk.review.actions.${r.action}`)}</td>
                  <td>{r.actorName}</td>
                  <td className="pre-wrap">{r.comment}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="timeline-heading">
        <div className="section-head">
          <h2 id="timeline-heading">{t("centreDashboard.timeline")}</h2>
          {centreMilestones.length > 0 && <ExportLinks path={exportPath} params={{ asOf, table: "milestones" }} table={t("centreDashboard.timeline")} />}
        </div>
        {centreMilestones.length === 0 ? (
          <p className="empty">{t("centreDashboard.noTimeline")}</p>
        ) : (
          <MilestoneTimeline
            caption={t("centreDashboard.timelineCaption", { name: centre.name })}
            today={today}
            todayLabel={asOf ? t("centreDashboard.asOfLine", { date: asOf }) : undefined}
            milestones={centreMilestones.map((m) => ({
              id: m.id,
              title: m.title,
              weight: m.weight,
              plannedDate: m.plannedDate,
              progress: m.progress,
              actualCompletionDate: m.actualCompletionDate,
            }))}
          />
        )}
      </section>

      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t("centreDashboard.indicators")}</h2>
        <p className="muted small">{t("centreDashboard.indicatorsNote", { count: periods.length })}</p>
        {periods.length > 0 && (
          <ul className="plain button-row no-print">
            {INDICATORS.map((indicator) => (
              <li key={indicator}>
                {t(`centreCharts.${indicator}`)} <ExportLinks path={exportPath} params={{ asOf, table: indicator }} table={t(`centreCharts.${indicator}`)} />
              </li>
            ))}
          </ul>
        )}
        <CentreIndicators
          locale={locale}
          periods={periods}
          budgetYuan={centre.plannedBudgetYuan}
          startDate={centre.startDate}
          plannedCompletionDate={centre.plannedCompletionDate}
          conversionThreshold={data.conversionThreshold}
          idleAmberBelowPercent={data.idleAmberBelowPercent}
        />
      </section>

      <RatingsSection id={id} canRate={canRate} ratings={ratings} locale={locale} />

      <MilestonesSection id={id} canEdit={canEdit} milestones={centreMilestones} />

      <UpdatesSection data={data} asOf={asOf} locale={locale} exportPath={exportPath} />
    </>
  );
}
