import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { chinaDateTime, chinaToday } from "@/lib/domain/china-time";
import { getCentre } from "@/db/centres";
import { getProvince } from "@/db/provinces";
import { getCalendar } from "@/db/calendars";
import { listUpdatesOfCentre } from "@/db/updates";
import { centreApprovedHistory, centreUpdateEvents } from "@/db/centre-history";
import { flagHistory } from "@/db/flag-reviews";
import { asOfCutoff } from "@/lib/domain/as-of";
import { isEnterpriseLead } from "@/lib/domain/credit-code";
import { periodContaining, periodLabel } from "@/lib/domain/periods";
import { requireUser } from "@/lib/auth/current-user";
import { assertCanReadProvince } from "@/lib/auth/guards";
import { cityName } from "@/lib/domain/cities";
import { canEditCentresIn } from "@/lib/domain/permissions";
import { localeOrDefault, localName } from "@/lib/i18n/locale";
import { DemoBadge } from "@/app/_components/demo-badge";
import { listConfidenceRatings } from "@/db/confidence";
import { formatNumber, formatYuan } from "@/lib/domain/format";
import { canReview } from "@/lib/domain/update-workflow";
import { withFlagStates } from "@/lib/domain/risk/flag-review";
import { getEngine, subjectNames } from "@/lib/use-cases/engine";
import { readAsOf, withAsOf, type SearchParams } from "@/app/_lib/as-of";
import { AsOfNotice, AsOfPicker } from "../../_components/as-of-picker";
import { flagHref, FlagTable } from "../../_components/flag-table";
import { MilestoneTimeline } from "../../_components/milestone-timeline";
import { CentreIndicators } from "../_components/centre-indicators";
import { ExportLinks } from "../../_components/export-links";
import { INDICATORS } from "@/lib/export/tables/centre";
import { LevelBadge } from "../../_components/risk-badges";
import { ConfidenceForm } from "../_components/confidence-form";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

/**
 * A centre's dashboard: standing, milestone timeline, indicator charts over its approved periods, flags
 * with their review history, ratings, milestones and the update history (who submitted, who approved).
 * With "as of", the figures as they stood then; the editing controls stay with the current view.
 */
export default async function CentrePage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser();
  const db = getDb();
  const centre = getCentre(db, id);
  if (!centre) notFound();
  assertCanReadProvince(user, centre.provinceCode, "/centres/[id]", id);
  const province = getProvince(db, centre.provinceCode);
  const t = await getTranslations();
  const locale = localeOrDefault(await getLocale());

  const list = (items: string[]) => items.join(locale === "zh" ? "、" : ", ");
  const asOfView = readAsOf(await searchParams);
  const { asOf } = asOfView;
  // Editing belongs to the current view, not to a view of the past.
  const canEdit = canEditCentresIn(user, centre.provinceCode) && asOf === undefined;
  const cutoff = asOf === undefined ? undefined : asOfCutoff(asOf);
  // Only approved figures count: progress as last approved (by the cutoff), not as drafted.
  const history = centreApprovedHistory(db, id, cutoff);
  const approved = history.milestoneProgress;
  const centreMilestones = centre.milestones.filter((m) => cutoff === undefined || m.createdAt < cutoff);
  const centreUpdates = listUpdatesOfCentre(db, id);
  const events = centreUpdateEvents(db, id, cutoff);
  const engine = await getEngine(asOf);
  const computed = engine.centres.get(id);
  if (!computed) {
    // Registered after the "as of" day: nothing to show as of then.
    return (
      <>
        <h1>{centre.name}</h1>
        <div className="dashboard-bar">
          <AsOfNotice view={asOfView} today={engine.today} />
          <AsOfPicker view={asOfView} />
        </div>
        <p className="empty">{t("centreDashboard.notYetRegistered", { date: asOf ?? engine.today })}</p>
      </>
    );
  }
  const flags = withFlagStates(computed.flags, engine.reviews, engine.today);
  const reviewHistory = flags.flatMap(({ flag }) => flagHistory(db, flag.key).filter((r) => cutoff === undefined || r.at < cutoff).map((r) => ({ ...r, flag })));
  reviewHistory.sort((a, b) => b.at.localeCompare(a.at));
  const enterprise = isEnterpriseLead(centre.leadInstitution, centre.leadCreditCode);
  // Ratings made by the day shown; a new rating belongs to the current view.
  const ratings = listConfidenceRatings(db, id).filter((r) => cutoff === undefined || r.at < cutoff);
  const latestRating = ratings[0];
  const exportPath = `/centres/${id}/export`;
  const currentPeriod = periodContaining(chinaToday(), getCalendar(db, centre.provinceCode).cadence);

  return (
    <>
      <p className="breadcrumb">
        <Link href="/provinces">{t("provinces.title")}</Link> /{" "}
        <Link href={withAsOf(`/provinces/${centre.provinceCode}`, asOf)}>{province ? localName(locale, province) : centre.provinceCode}</Link> /
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
        <AsOfNotice view={asOfView} today={engine.today} />
        <AsOfPicker view={asOfView} />
      </div>

      <dl className="details">
        <dt>{t("centres.status")}</dt>
        <dd>
          <span className={`status status-${computed.status}`}>{t(`centreStatuses.${computed.status}`)}</span>
        </dd>
        <dt>{t("centres.city")}</dt>
        <dd>
          {cityName(centre.cityCode) ?? centre.cityCode} <span className="muted">{centre.cityCode}</span>
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
        <dd>{centre.targets.length ? list(centre.targets.map((target) => target.title)) : "—"}</dd>
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
        <FlagTable items={flags} names={subjectNames(flags, locale)} caption={t("risk.title")} showSuppressed />
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
            today={engine.today}
            todayLabel={asOf ? t("centreDashboard.asOfLine", { date: asOf }) : undefined}
            milestones={centreMilestones.map((m) => ({
              id: m.id,
              title: m.title,
              weight: m.weight,
              plannedDate: m.plannedDate,
              progress: approved.get(m.id)?.progress ?? m.progress,
              actualCompletionDate: approved.get(m.id)?.actualCompletionDate ?? m.actualCompletionDate,
            }))}
          />
        )}
      </section>

      <section aria-labelledby="indicators-heading">
        <h2 id="indicators-heading">{t("centreDashboard.indicators")}</h2>
        <p className="muted small">{t("centreDashboard.indicatorsNote", { count: history.periods.length })}</p>
        {history.periods.length > 0 && (
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
          periods={history.periods}
          budgetYuan={centre.plannedBudgetYuan}
          startDate={centre.startDate}
          plannedCompletionDate={centre.plannedCompletionDate}
          conversionThreshold={enterprise ? engine.thresholds.conversion.enterpriseRate : engine.thresholds.conversion.rate}
          idleAmberBelowPercent={engine.thresholds.duplicate.idleUtilizationAmberBelowPercent}
        />
      </section>

      <section aria-labelledby="confidence-heading" id="confidence">
        <h2 id="confidence-heading">{t("confidence.title")}</h2>
        <p className="muted">{t("confidence.lead")}</p>
        {canReview(user, centre.provinceCode) && asOf === undefined && <ConfidenceForm centreId={id} />}
        {ratings.length === 0 ? (
          <p className="empty">{t("confidence.noHistory")}</p>
        ) : (
          <table className="data-table" data-testid="rating-history">
            <caption className="visually-hidden">{t("confidence.history")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("confidence.at")}</th>
                <th scope="col">{t("confidence.rating")}</th>
                <th scope="col">{t("confidence.computedThen")}</th>
                <th scope="col">{t("confidence.narrative")}</th>
                <th scope="col">{t("confidence.by")}</th>
              </tr>
            </thead>
            <tbody>
              {ratings.map((r) => (
                <tr key={r.id}>
                  <td className="date">{chinaDateTime(r.at)}</td>
                  <td>
                    <LevelBadge level={r.rating} />
                  </td>
                  <td>
                    <LevelBadge level={r.computedLevel} /> <span className="muted small">{formatNumber(r.computedCompletionPct, locale, 1)}%</span>
                  </td>
                  <td className="pre-wrap">{r.narrative}</td>
                  <td>{r.actorName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="milestones-heading">
        <div className="section-head">
          <h2 id="milestones-heading">{t("milestones.title")}</h2>
          {canEdit && (
            <Link className="button" href={`/centres/${id}/milestones/new`}>
              {t("milestones.new")}
            </Link>
          )}
        </div>
        {centreMilestones.length === 0 ? (
          <p className="empty">{t("milestones.none")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("milestones.name")}</th>
                <th scope="col">{t("milestones.category")}</th>
                <th scope="col" className="num">
                  {t("milestones.weight")}
                </th>
                <th scope="col">{t("milestones.plannedDate")}</th>
                <th scope="col">{t("milestones.progress")}</th>
                <th scope="col">{t("milestones.actualDate")}</th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">{t("common.actions")}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {centreMilestones.map((m) => (
                <tr key={m.id}>
                  <td>
                    {m.title}
                    {m.evidenceRequired && <span className="badge">{t("milestones.evidenceRequired")}</span>}
                  </td>
                  <td>{t(`milestoneCategories.${m.category}`)}</td>
                  <td className="num">{m.weight}</td>
                  <td className="date">{m.plannedDate}</td>
                  <td>
                    <progress max={100} value={approved.get(m.id)?.progress ?? m.progress} aria-label={t("milestones.progressOf", { title: m.title })} />{" "}
                    {approved.get(m.id)?.progress ?? m.progress}%
                  </td>
                  <td className="date">{approved.get(m.id)?.actualCompletionDate ?? m.actualCompletionDate ?? "—"}</td>
                  {canEdit && (
                    <td>
                      <Link href={`/milestones/${m.id}/edit`} aria-label={t("milestones.editNamed", { title: m.title })}>
                        {t("common.edit")}
                      </Link>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="updates-heading">
        <div className="section-head">
          <h2 id="updates-heading">{t("updates.history")}</h2>
          {canEdit && (
            <Link className="button" href={`/centres/${id}/updates/${currentPeriod.code}`}>
              {t("updates.openPeriod", { period: periodLabel(currentPeriod.code, locale) })}
            </Link>
          )}
        </div>
        {asOf ? null : centreUpdates.length === 0 ? (
          <p className="empty">{t("updates.noneYet")}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("reviews.period")}</th>
                <th scope="col">{t("updates.status")}</th>
                <th scope="col">{t("updates.submittedAt")}</th>
                <th scope="col">{t("updates.approvedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {centreUpdates.map((u) => (
                <tr key={u.id}>
                  <td>
                    <Link href={`/centres/${id}/updates/${u.period}`}>{periodLabel(u.period, locale)}</Link>
                  </td>
                  <td>{t(`updateStatuses.${u.status}`)}</td>
                  <td className="date">{u.submittedAt?.slice(0, 10) ?? "—"}</td>
                  <td className="date">{u.approvedAt?.slice(0, 10) ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="section-head">
          <h3>{t("centreDashboard.events")}</h3>
          {events.length > 0 && <ExportLinks path={exportPath} params={{ asOf, table: "history" }} table={t("centreDashboard.events")} />}
        </div>
        {events.length === 0 ? (
          <p className="empty">{t("centreDashboard.noEvents")}</p>
        ) : (
          <table className="data-table compact" data-testid="update-events">
            <caption className="visually-hidden">{t("centreDashboard.events")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("confidence.at")}</th>
                <th scope="col">{t("reviews.period")}</th>
                <th scope="col">{t("centreDashboard.action")}</th>
                <th scope="col">{t("confidence.by")}</th>
                <th scope="col">{t("centreDashboard.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="date">{chinaDateTime(e.at)}</td>
                  <td>{periodLabel(e.period, locale)}</td>
                  <td>{t(`audit.actions.${e.action}`)}</td>
                  <td>{e.actorName ?? "—"}</td>
                  <td className="pre-wrap">{e.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
