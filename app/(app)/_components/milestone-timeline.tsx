import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/domain/format";
import { milestoneStanding, positionPct, quarterTicks, timelineDomain, type MilestoneStanding } from "./milestone-timeline-scale";

export interface TimelineMilestone {
  id: string;
  title: string;
  weight: number;
  plannedDate: string;
  actualCompletionDate: string | null;
  /** Approved progress, 0–100. */
  progress: number;
}

export interface MilestoneTimelineProps {
  caption: string;
  /** Today, or the as-of day being viewed (YYYY-MM-DD). */
  today: string;
  /** Label of the day line; "今日 / Today" unless given (e.g. "截至 2026-09-30"). */
  todayLabel?: string;
  milestones: readonly TimelineMilestone[];
}

type T = ReturnType<typeof useTranslations<"charts">>;

function statusText(t: T, m: TimelineMilestone, s: MilestoneStanding, pct: string): string {
  switch (s.state) {
    case "done":
      if (s.daysLate === null) return t("timeline.doneNoDate");
      if (s.daysLate > 0) return t("timeline.doneLate", { date: m.actualCompletionDate!, days: s.daysLate });
      if (s.daysLate < 0) return t("timeline.doneEarly", { date: m.actualCompletionDate!, days: -s.daysLate });
      return t("timeline.doneOnTime", { date: m.actualCompletionDate! });
    case "overdue":
      return t("timeline.overdue", { days: s.daysLate!, progress: pct });
    case "in_progress":
      return t("timeline.inProgress", { progress: pct });
  }
}

/**
 * A Gantt-like view of a centre's milestones, drawn on the server with CSS: a hollow diamond at each
 * planned date, a filled circle at the completion date, a hatched segment for the slip (to the
 * completion date, or to today while overdue) with the days as text, and a dotted line for today.
 * Every fact is also in the row's text and in the data table below.
 */
export function MilestoneTimeline({ caption, today, todayLabel, milestones }: MilestoneTimelineProps) {
  const t = useTranslations("charts");
  const locale = useLocale() === "en" ? "en" : "zh";
  const dates = milestones.flatMap((m) => [m.plannedDate, ...(m.actualCompletionDate ? [m.actualCompletionDate] : [])]);
  const domain = timelineDomain([...dates, today]);
  if (milestones.length === 0 || domain === null) {
    return (
      <figure className="chart timeline">
        <figcaption className="chart-caption">{caption}</figcaption>
        <p className="empty">{t("timeline.empty")}</p>
      </figure>
    );
  }
  const dayLabel = todayLabel ?? t("timeline.today");
  const todayPct = positionPct(today, domain);
  const ticks = quarterTicks(domain);
  const rows = milestones.map((m) => {
    const standing = milestoneStanding(m, today);
    const pct = formatNumber(m.progress, locale, 1);
    return { m, standing, pct, status: statusText(t, m, standing, pct) };
  });
  return (
    <figure className="chart timeline">
      <figcaption className="chart-caption">{caption}</figcaption>
      <ul className="chart-legend timeline-legend">
        <li>
          <span className="mark-planned" aria-hidden="true" /> {t("timeline.legendPlanned")}
        </li>
        <li>
          <span className="mark-actual" aria-hidden="true" /> {t("timeline.legendActual")}
        </li>
        <li>
          <span className="mark-slip-key" aria-hidden="true" /> {t("timeline.legendSlip")}
        </li>
        <li>
          <span className="mark-today-key" aria-hidden="true" /> {dayLabel} {today}
        </li>
      </ul>
      <div className="timeline-axis" aria-hidden="true">
        <div className="timeline-track">
          {ticks.map((tick, i) => (
            <span key={tick.date} className="timeline-tick" style={{ left: `${tick.pct}%` }}>
              Q{tick.quarter}
              {(i === 0 || tick.quarter === 1) && <span className="timeline-year">{t("timeline.year", { year: tick.year })}</span>}
            </span>
          ))}
          <span className="timeline-today-label" style={{ left: `${todayPct}%` }}>
            {dayLabel}
          </span>
        </div>
      </div>
      <ol className="timeline-rows">
        {rows.map(({ m, standing, status }) => {
          const planned = positionPct(m.plannedDate, domain);
          const slipEnd = standing.slipTo === null ? null : positionPct(standing.slipTo, domain);
          const early = standing.daysLate !== null && standing.daysLate < 0;
          const segmentEnd = Math.max(planned, slipEnd ?? planned);
          return (
            <li key={m.id} className={`timeline-row state-${standing.state}`}>
              <div className="timeline-label">
                <span className="timeline-title">{m.title}</span>
                <span className="muted small">
                  {t("timeline.weight", { weight: formatNumber(m.weight, locale) })} · {t("timeline.plannedOn", { date: m.plannedDate })}
                </span>
              </div>
              <div className="timeline-track" aria-hidden="true">
                <span className="timeline-today" style={{ left: `${todayPct}%` }} />
                {ticks.map((tick) => (
                  <span key={tick.date} className="timeline-gridline" style={{ left: `${tick.pct}%` }} />
                ))}
                {slipEnd !== null && (
                  <span
                    className={early ? "timeline-slip early" : "timeline-slip"}
                    style={{ left: `${Math.min(planned, slipEnd)}%`, width: `${Math.abs(slipEnd - planned)}%` }}
                  />
                )}
                <span className="mark-planned" style={{ left: `${planned}%` }} />
                {standing.state === "done" && m.actualCompletionDate && <span className="mark-actual" style={{ left: `${positionPct(m.actualCompletionDate, domain)}%` }} />}
                {standing.daysLate !== null && standing.daysLate !== 0 && (
                  // Past three quarters of the width the label sits left of the segment, so it stays inside.
                  <span className={segmentEnd > 75 ? "timeline-days flip" : "timeline-days"} style={segmentEnd > 75 ? { right: `${100 - Math.min(planned, slipEnd ?? planned)}%` } : { left: `${segmentEnd}%` }}>
                    {early ? t("timeline.early", { days: -standing.daysLate }) : t("timeline.late", { days: standing.daysLate })}
                  </span>
                )}
              </div>
              <div className="timeline-status">{status}</div>
            </li>
          );
        })}
      </ol>
      <details className="chart-data">
        <summary>{t("dataTable")}</summary>
        <table className="data-table compact">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("timeline.columns.milestone")}</th>
              <th scope="col" className="num">
                {t("timeline.columns.weight")}
              </th>
              <th scope="col">{t("timeline.columns.planned")}</th>
              <th scope="col">{t("timeline.columns.actual")}</th>
              <th scope="col" className="num">
                {t("timeline.columns.progress")}
              </th>
              <th scope="col">{t("timeline.columns.status")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ m, pct, status }) => (
              <tr key={m.id}>
                <th scope="row">{m.title}</th>
                <td className="num">{formatNumber(m.weight, locale)}</td>
                <td className="date">{m.plannedDate}</td>
                <td className="date">{m.actualCompletionDate ?? "—"}</td>
                <td className="num">{pct}%</td>
                <td>{status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
