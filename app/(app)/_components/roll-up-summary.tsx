import { useLocale, useTranslations } from "next-intl";
import { formatNumber } from "@/lib/domain/format";
import type { CompletionRollUp, TargetRollUp } from "@/lib/domain/progress";
import { isSuppressed, type ReviewedFlag } from "@/lib/domain/risk/flag-review";

/** Open flags (not standing dismissals) by severity. */
export function openFlagCounts(flags: readonly ReviewedFlag[]) {
  const open = flags.filter((f) => !isSuppressed(f.state));
  return { red: open.filter((f) => f.flag.severity === "red").length, amber: open.filter((f) => f.flag.severity === "amber").length };
}

/** The headline figures of a scope (a province or the country), as plain labelled numbers. */
export function RollUpSummary({ completion, targets, flags }: { completion: CompletionRollUp; targets: TargetRollUp; flags: readonly ReviewedFlag[] }) {
  const t = useTranslations("progress");
  const locale = useLocale() === "en" ? "en" : "zh";
  const pct = (value: number | null) => (value === null ? "—" : `${formatNumber(value, locale, 1)}%`);
  const counts = openFlagCounts(flags);
  return (
    <dl className="summary" data-testid="roll-up">
      <div>
        <dt>{t("meanCompletion")}</dt>
        <dd data-testid="mean-completion">{pct(completion.meanPct)}</dd>
        <dd className="muted small">{t("centresCounted", { count: completion.centres })}</dd>
      </div>
      <div>
        <dt>{t("budgetWeightedCompletion")}</dt>
        <dd>{pct(completion.budgetWeightedPct)}</dd>
      </div>
      <div>
        <dt>{t("targetsHeading")}</dt>
        <dd>{t("targetCounts", { met: targets.met, onTrack: targets.onTrack, atRisk: targets.atRisk, red: targets.red, unmeasured: targets.unmeasured, total: targets.targets })}</dd>
      </div>
      <div>
        <dt>{t("openFlags")}</dt>
        <dd>
          <span className="badge sev sev-red">{t("redCount", { count: counts.red })}</span>{" "}
          <span className="badge sev sev-amber">{t("amberCount", { count: counts.amber })}</span>
        </dd>
      </div>
    </dl>
  );
}
