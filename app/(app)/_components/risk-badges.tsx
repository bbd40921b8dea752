import { useTranslations } from "next-intl";
import type { DeliveryLevel } from "@/lib/domain/engine";
import type { FlagState } from "@/lib/domain/risk/flag-review";
import type { RiskSeverity } from "@/lib/domain/risk/types";

export function SeverityBadge({ severity }: { severity: RiskSeverity }) {
  const t = useTranslations("risk");
  return <span className={`badge sev sev-${severity}`}>{t(`severity.${severity}`)}</span>;
}

export function LevelBadge({ level }: { level: DeliveryLevel }) {
  const t = useTranslations("risk");
  return (
    <span className={`badge sev sev-${level}`} data-level={level}>
      {t(`level.${level}`)}
    </span>
  );
}

export function FlagStateBadge({ state }: { state: FlagState }) {
  const t = useTranslations("risk");
  const text =
    state.state === "returned"
      ? t("states.returned", { because: t(`returnedBecause.${state.because}`) })
      : state.state === "dismissed" || state.state === "justified"
        ? state.until
          ? t("states.suppressedUntil", { state: t(`states.${state.state}`), date: state.until })
          : t(`states.${state.state}`)
        : t(`states.${state.state}`);
  return <span className={`badge flag-state flag-state-${state.state}`}>{text}</span>;
}
