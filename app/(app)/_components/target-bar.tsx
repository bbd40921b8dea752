import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/domain/format";
import type { TargetStanding } from "@/lib/domain/progress";

export interface TargetBarProps {
  /** Progress from baseline to target, % (may pass 100 or fall below 0); null when unmeasured. */
  progressPct: number | null;
  /** Progress planned by today, %. */
  plannedPct: number | null;
  label: string;
  standing: TargetStanding;
  forecastText?: React.ReactNode;
}

// Same mapping as the target table's standing badge: the badge repeats the standing in words.
const STANDING_LEVEL: Record<TargetStanding, string> = { met: "green", on_track: "green", at_risk: "amber", unmeasured: "none" };

const clampPct = (value: number) => Math.min(Math.max(value, 0), 100);

/**
 * One target's progress as a bar: the fill is the actual share of the target (drawn up to 100 %,
 * with "exceeded" in words beyond it), the upright tick is the share planned by today. Fill colour
 * and pattern follow the standing (Okabe–Ito; behind schedule is also striped), and every figure is
 * in the text under the bar and in the bar's accessible name.
 */
export function TargetBar({ progressPct, plannedPct, label, standing, forecastText }: TargetBarProps) {
  const t = useTranslations("charts.target");
  const tStanding = useTranslations("targetStandings");
  const locale = useLocale() === "en" ? "en" : "zh";
  const pct = (value: number) => formatNumber(value, locale, 1);
  const actualText =
    progressPct === null
      ? t("noActual")
      : progressPct > 100
        ? t("exceeded", { pct: pct(progressPct) })
        : progressPct === 100
          ? t("reached", { pct: pct(progressPct) })
          : t("actual", { pct: pct(progressPct) });
  const plannedText = plannedPct === null ? t("noPlanned") : t("planned", { pct: pct(plannedPct) });
  const standingText = tStanding(standing);
  return (
    <div className={`target-bar standing-bar-${standing}`}>
      <div className="target-bar-head">
        <span className="target-bar-label">{label}</span>
        <span className={`badge standing standing-${STANDING_LEVEL[standing]}`}>{standingText}</span>
      </div>
      <div className="target-bar-track" role="img" aria-label={t("aria", { label, actual: actualText, planned: plannedText, standing: standingText })}>
        {progressPct !== null && <span className={`target-bar-fill fill-${standing}`} style={{ width: `${clampPct(progressPct)}%` }} />}
        {progressPct !== null && progressPct > 100 && <span className="target-bar-over">+</span>}
        {plannedPct !== null && <span className="target-bar-plan" style={{ left: `${clampPct(plannedPct)}%` }} />}
      </div>
      <p className="target-bar-values">
        <span>{actualText}</span>
        <span>
          <span className="plan-key" aria-hidden="true" />
          {plannedText}
        </span>
      </p>
      {forecastText && <p className="target-bar-forecast small">{forecastText}</p>}
    </div>
  );
}
