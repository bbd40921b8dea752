// Flags as work: what reviewers did about a flag, and what that means for it today. A flag is
// recomputed from the data on every request; reviews are kept by its stable key. A dismissal (or a
// duplicate judged justified) hides the flag until it expires or the flag's numbers get worse.

import { riskCodeRow } from "@/lib/registry/risk-codes";
import { severityRank, type RiskFlag, type RiskSeverity } from "./types";

export const FLAG_ACTIONS = ["acknowledged", "dismissed", "reopened", "justified", "merge_planned", "confirmed_duplicate"] as const;
export type FlagAction = (typeof FLAG_ACTIONS)[number];

/** Outcomes only a duplicate-construction flag can take (from its side-by-side comparison). */
export const DUPLICATE_OUTCOMES = ["justified", "merge_planned", "confirmed_duplicate"] as const satisfies readonly FlagAction[];

export interface FlagReview {
  action: FlagAction;
  /** The flag as it was when reviewed: the yardstick for "worse". */
  severity: RiskSeverity;
  values: Record<string, number | string | null>;
  /** Last day a dismissal or justification holds (inclusive); null when it has none. */
  expiresOn: string | null;
}

export type FlagState =
  | { state: "open" }
  | { state: "returned"; because: "expired" | "worsened" }
  | { state: "acknowledged" | "merge_planned" | "confirmed_duplicate" }
  | { state: "dismissed" | "justified"; until: string | null };

/** Whether `current` is worse than the flag as it was reviewed: more severe, or a figure its rule lists (`worseWhen`) moved the wrong way. */
export function flagWorsened(reviewed: Pick<FlagReview, "severity" | "values">, current: RiskFlag): boolean {
  if (severityRank(current.severity) < severityRank(reviewed.severity)) return true;
  return riskCodeRow(current.code).worseWhen.some(([field, direction]) => {
    const before = reviewed.values[field];
    const now = current.values[field];
    if (typeof before !== "number" || typeof now !== "number") return false;
    return direction === "higher" ? now > before + 1e-9 : now < before - 1e-9;
  });
}

/** The state of a flag on `today`, given its latest review (undefined when never reviewed). */
export function flagState(flag: RiskFlag, latest: FlagReview | undefined, today: string): FlagState {
  if (latest === undefined || latest.action === "reopened") return { state: "open" };
  if (latest.action === "dismissed" || latest.action === "justified") {
    if (latest.expiresOn !== null && today > latest.expiresOn) return { state: "returned", because: "expired" };
    if (flagWorsened(latest, flag)) return { state: "returned", because: "worsened" };
    return { state: latest.action, until: latest.expiresOn };
  }
  return { state: latest.action };
}

/** Hidden from the default lists: a standing dismissal or justification. */
export function isSuppressed(state: FlagState): boolean {
  return state.state === "dismissed" || state.state === "justified";
}

/** Which actions a reviewer may take on a flag in this state (the duplicate outcomes only on duplicate flags). */
export function availableFlagActions(flag: Pick<RiskFlag, "code">, state: FlagState): FlagAction[] {
  const actions: FlagAction[] = [];
  if (state.state !== "acknowledged") actions.push("acknowledged");
  if (!isSuppressed(state)) actions.push("dismissed");
  if (flag.code === "duplicate_construction") actions.push(...DUPLICATE_OUTCOMES.filter((o) => o !== state.state));
  if (state.state !== "open" && state.state !== "returned") actions.push("reopened");
  return actions;
}

export interface ReviewedFlag {
  flag: RiskFlag;
  state: FlagState;
}

/** Each flag with its state on `today` from the latest reviews by key, order kept. */
export function withFlagStates(flags: readonly RiskFlag[], latestReviews: ReadonlyMap<string, FlagReview>, today: string): ReviewedFlag[] {
  return flags.map((flag) => ({ flag, state: flagState(flag, latestReviews.get(flag.key), today) }));
}
