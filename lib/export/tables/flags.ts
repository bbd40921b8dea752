import type { FlagState, ReviewedFlag } from "@/lib/domain/risk/flag-review";
import type { RiskFlag } from "@/lib/domain/risk/types";
import type { ExportCell, Translate } from "../table";

/** Names of flag subjects, as the flag table on the pages gets them. */
export interface FlagSubjectNames {
  centres: ReadonlyMap<string, string>;
  targets: ReadonlyMap<string, string>;
  provinces: ReadonlyMap<string, string>;
}

/** The review state in words, as the pages' state badge says it. */
export function flagStateText(t: Translate, state: FlagState): string {
  if (state.state === "returned") return t("risk.states.returned", { because: t(`risk.returnedBecause.${state.because}`) });
  if ((state.state === "dismissed" || state.state === "justified") && state.until) {
    return t("risk.states.suppressedUntil", { state: t(`risk.states.${state.state}`), date: state.until });
  }
  return t(`risk.states.${state.state}`);
}

function subjectText(flag: RiskFlag, names: FlagSubjectNames): string {
  const lookup = flag.subject.kind === "target" ? names.targets : flag.subject.kind === "province" ? names.provinces : names.centres;
  return flag.subject.ids.map((id) => lookup.get(id) ?? id).join(" / ");
}

/** The flag table's columns: severity, rule, subject, explanation in the reader's language, review state, and the flag's key. */
export function flagRows(t: Translate, locale: "zh" | "en", items: readonly ReviewedFlag[], names: FlagSubjectNames): { header: string[]; rows: ExportCell[][] } {
  return {
    header: [t("risk.columns.severity"), t("risk.columns.rule"), t("risk.columns.subject"), t("risk.columns.explanation"), t("risk.columns.state"), t("export.columns.flagKey")],
    rows: items.map(({ flag, state }) => [
      t(`risk.severity.${flag.severity}`),
      t(`risk.codes.${flag.code}`),
      subjectText(flag, names),
      flag.explanation[locale],
      flagStateText(t, state),
      flag.key,
    ]),
  };
}
