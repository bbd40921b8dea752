import Link from "next/link";
import { useTranslations } from "next-intl";
import { chinaDateTime } from "@/lib/domain/china-time";
import { formatNumber } from "@/lib/domain/format";
import { periodLabel } from "@/lib/domain/periods";
import type { CentrePageData } from "@/lib/use-cases/centres/centre-page";
import { ExportLinks } from "../../_components/export-links";
import { LevelBadge } from "../../_components/risk-badges";
import { ConfidenceForm } from "./confidence-form";
import { messageKey } from "@/lib/i18n/translator";

// The lower sections of a centre's dashboard: its ratings, its milestones and its updates, each as the
// centre page's query returned them (the controls only where the query says the reader may use them).

type Shown = Extract<CentrePageData, { registered: true }>;

export function RatingsSection({ id, canRate, ratings, locale }: { id: string; canRate: boolean; ratings: Shown["ratings"]; locale: "zh" | "en" }) {
  const t = useTranslations();
  return (
  <section aria-labelledby="confidence-heading" id="confidence">
    <h2 id="confidence-heading">{t("confidence.title")}</h2>
    <p className="muted">{t("confidence.lead")}</p>
    {canRate && <ConfidenceForm centreId={id} />}
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
  );
}

export function MilestonesSection({ id, canEdit, milestones: centreMilestones }: { id: string; canEdit: boolean; milestones: Shown["milestones"] }) {
  const t = useTranslations();
  return (
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
                <progress max={100} value={m.progress} aria-label={t("milestones.progressOf", { title: m.title })} />{" "}
                {m.progress}%
              </td>
              <td className="date">{m.actualCompletionDate ?? "—"}</td>
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
  );
}

export function UpdatesSection({ data, asOf, locale, exportPath }: { data: Shown; asOf: string | undefined; locale: "zh" | "en"; exportPath: string }) {
  const t = useTranslations();
  const { centre, canEdit, updates: centreUpdates, events } = data;
  const id = centre.id;
  return (
  <section aria-labelledby="updates-heading">
    <div className="section-head">
      <h2 id="updates-heading">{t("updates.history")}</h2>
      {canEdit && (
        <Link className="button" href={`/centres/${id}/updates/${data.currentPeriod}`}>
          {t("updates.openPeriod", { period: periodLabel(data.currentPeriod, locale) })}
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
              <td>{t(messageKey(`audit.actions.${e.action}`))}</td>
              <td>{e.actorName ?? "—"}</td>
              <td className="pre-wrap">{e.reason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </section>
  );
}
