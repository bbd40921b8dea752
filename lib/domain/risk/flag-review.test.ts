import { describe, expect, it } from "vitest";
import { availableFlagActions, flagState, flagWorsened, isSuppressed, withFlagStates, type FlagAction, type FlagReview, type FlagState } from "./flag-review";
import { makeFlag, type RiskCode, type RiskFlag, type RiskSeverity } from "./types";

const flag = (code: RiskCode, severity: RiskSeverity, values: RiskFlag["values"] = {}, id = "c1"): RiskFlag =>
  makeFlag(code, severity, { kind: "centre", ids: [id] }, values, { zh: "", en: "" });

const review = (action: FlagAction, severity: RiskSeverity, values: FlagReview["values"] = {}, expiresOn: string | null = null): FlagReview => ({
  action,
  severity,
  values,
  expiresOn,
});

describe("flagWorsened", () => {
  it.each([
    // [reviewed severity, current severity, worse?]
    ["amber", "red", true],
    ["info", "amber", true],
    ["info", "red", true],
    ["amber", "amber", false],
    ["red", "amber", false], // less severe is not worse
    ["red", "red", false],
  ] as const)("severity %s → %s: %s", (before, now, worse) => {
    expect(flagWorsened({ severity: before, values: {} }, flag("low_conversion", now))).toBe(worse);
  });

  // Each listed figure, moved the wrong way by a clear step, by the smallest step past the 1e-9
  // tolerance, not at all, within the tolerance, and the right way.
  it.each([
    // [code, field, before, now, worse?]
    ["duplicate_construction", "jaccard", 0.5, 0.6, true], // higher overlap is worse
    ["duplicate_construction", "jaccard", 0.5, 0.5, false],
    ["duplicate_construction", "jaccard", 0.5, 0.5 + 1e-10, false], // inside the tolerance
    ["duplicate_construction", "jaccard", 0.5, 0.5 + 1e-8, true],
    ["duplicate_construction", "jaccard", 0.6, 0.5, false],
    ["scattered_resources", "share", 0.6, 0.75, true],
    ["scattered_resources", "share", 0.75, 0.6, false],
    ["scattered_resources", "share", 0.6, 0.6, false],
    ["scattered_resources", "largestCount", 3, 4, true],
    ["scattered_resources", "largestCount", 4, 3, false],
    ["scattered_resources", "largestCount", 3, 3, false],
    ["low_conversion", "rate", 0.05, 0.04, true], // lower rate is worse
    ["low_conversion", "rate", 0.05, 0.05 - 1e-10, false],
    ["low_conversion", "rate", 0.05, 0.05, false],
    ["low_conversion", "rate", 0.04, 0.05, false],
    ["schedule_slippage", "scheduleIndex", 0.8, 0.7, true],
    ["schedule_slippage", "scheduleIndex", 0.8, 0.8, false],
    ["schedule_slippage", "scheduleIndex", 0.7, 0.8, false],
    ["schedule_slippage", "daysLate", 10, 11, true],
    ["schedule_slippage", "daysLate", 10, 10, false],
    ["schedule_slippage", "daysLate", 11, 10, false],
    ["overdue_milestone", "progress", 50, 40, true], // progress taken back
    ["overdue_milestone", "progress", 50, 50, false],
    ["overdue_milestone", "progress", 40, 50, false],
    ["overdue_milestone", "daysOverdue", 10, 40, false], // grows every day: not listed
    ["funding_under_execution", "executedShare", 0.4, 0.3, true],
    ["funding_under_execution", "executedShare", 0.4, 0.4, false],
    ["funding_under_execution", "executedShare", 0.3, 0.4, false],
    ["stale_reporting", "missedCount", 1, 2, true],
    ["stale_reporting", "missedCount", 1, 1, false],
    ["stale_reporting", "missedCount", 2, 1, false],
    ["stale_reporting", "oldestDaysOverdue", 5, 50, false], // not listed
  ] as const)("%s: %s %s → %s is worse: %s", (code, field, before, now, worse) => {
    expect(flagWorsened({ severity: "amber", values: { [field]: before } }, flag(code, "amber", { [field]: now }))).toBe(worse);
  });

  it("is worse when one of two listed figures moved the wrong way, whatever the other did", () => {
    const reviewed = { severity: "amber" as const, values: { scheduleIndex: 0.8, daysLate: 10 } };
    expect(flagWorsened(reviewed, flag("schedule_slippage", "amber", { scheduleIndex: 0.85, daysLate: 12 }))).toBe(true);
    expect(flagWorsened(reviewed, flag("schedule_slippage", "amber", { scheduleIndex: 0.75, daysLate: 5 }))).toBe(true);
    expect(flagWorsened(reviewed, flag("schedule_slippage", "amber", { scheduleIndex: 0.85, daysLate: 5 }))).toBe(false);
  });

  it("is worse on severity even when the figures improved", () => {
    expect(flagWorsened({ severity: "amber", values: { rate: 0.05 } }, flag("low_conversion", "red", { rate: 0.06 }))).toBe(true);
  });

  it.each([
    ["figure missing when reviewed", {}, { rate: 0.01 }],
    ["figure missing now", { rate: 0.05 }, {}],
    ["figure null when reviewed", { rate: null }, { rate: 0.01 }],
    ["figure null now", { rate: 0.05 }, { rate: null }],
    ["figure a string", { rate: "0.05" }, { rate: "0.01" }],
    ["figure changed type", { daysLate: null }, { daysLate: 30 }],
  ] as const)("cannot judge a %s: not worse", (_, before, now) => {
    const code: RiskCode = "daysLate" in before ? "schedule_slippage" : "low_conversion";
    expect(flagWorsened({ severity: "amber", values: before }, flag(code, "amber", now))).toBe(false);
  });
});

describe("flagState", () => {
  const current = flag("low_conversion", "amber", { rate: 0.1 });

  it.each([
    ["never reviewed", undefined, { state: "open" }],
    ["reopened", review("reopened", "amber"), { state: "open" }],
    ["acknowledged", review("acknowledged", "amber"), { state: "acknowledged" }],
    ["merge_planned", review("merge_planned", "amber"), { state: "merge_planned" }],
    ["confirmed_duplicate", review("confirmed_duplicate", "amber"), { state: "confirmed_duplicate" }],
    ["dismissed without expiry", review("dismissed", "amber", { rate: 0.1 }), { state: "dismissed", until: null }],
    ["justified without expiry", review("justified", "amber", { rate: 0.1 }), { state: "justified", until: null }],
  ] as const)("%s → %o", (_, latest, expected) => {
    expect(flagState(current, latest, "2026-11-27")).toEqual(expected);
  });

  // expiresOn is the last day the dismissal holds (inclusive).
  it.each([
    ["dismissed", "2026-11-26", { state: "dismissed", until: "2026-12-31" }],
    ["dismissed", "2026-12-31", { state: "dismissed", until: "2026-12-31" }], // today == expiresOn: still holds
    ["dismissed", "2027-01-01", { state: "returned", because: "expired" }], // the day after
    ["justified", "2026-12-31", { state: "justified", until: "2026-12-31" }],
    ["justified", "2027-01-01", { state: "returned", because: "expired" }],
  ] as const)("%s until 2026-12-31, on %s → %o", (action, today, expected) => {
    expect(flagState(current, review(action, "amber", { rate: 0.1 }, "2026-12-31"), today)).toEqual(expected);
  });

  it.each([
    ["dismissed", "amber", { rate: 0.12 }], // the rate fell from 12% to 10%
    ["dismissed", "info", { rate: 0.1 }], // severity went up from info to amber
    ["justified", "amber", { rate: 0.12 }],
  ] as const)("a %s flag that got worse returns (reviewed %s %o)", (action, severity, values) => {
    expect(flagState(current, review(action, severity, values, "2026-12-31"), "2026-11-27")).toEqual({ state: "returned", because: "worsened" });
  });

  it("calls an expired and worsened dismissal expired (expiry is checked first)", () => {
    expect(flagState(current, review("dismissed", "amber", { rate: 0.12 }, "2026-11-26"), "2026-11-27")).toEqual({ state: "returned", because: "expired" });
  });

  it("keeps a dismissal when the flag improved", () => {
    expect(flagState(current, review("dismissed", "red", { rate: 0.05 }, null), "2026-11-27")).toEqual({ state: "dismissed", until: null });
  });

  it("keeps an acknowledgement even when the flag got worse (only suppression returns)", () => {
    expect(flagState(current, review("acknowledged", "info", { rate: 0.5 }), "2026-11-27")).toEqual({ state: "acknowledged" });
  });
});

describe("isSuppressed", () => {
  it.each([
    [{ state: "open" }, false],
    [{ state: "returned", because: "expired" }, false],
    [{ state: "returned", because: "worsened" }, false],
    [{ state: "acknowledged" }, false],
    [{ state: "merge_planned" }, false],
    [{ state: "confirmed_duplicate" }, false],
    [{ state: "dismissed", until: null }, true],
    [{ state: "dismissed", until: "2026-12-31" }, true],
    [{ state: "justified", until: null }, true],
  ] as const satisfies readonly (readonly [FlagState, boolean])[])("%o → %s", (state, suppressed) => {
    expect(isSuppressed(state)).toBe(suppressed);
  });
});

describe("availableFlagActions", () => {
  const open: FlagState = { state: "open" };
  const returned: FlagState = { state: "returned", because: "expired" };
  const acknowledged: FlagState = { state: "acknowledged" };
  const dismissed: FlagState = { state: "dismissed", until: null };
  const justified: FlagState = { state: "justified", until: "2027-06-30" };
  const mergePlanned: FlagState = { state: "merge_planned" };
  const confirmed: FlagState = { state: "confirmed_duplicate" };

  it.each([
    // Any other rule: no duplicate outcomes.
    ["low_conversion", open, ["acknowledged", "dismissed"]],
    ["low_conversion", returned, ["acknowledged", "dismissed"]],
    ["low_conversion", acknowledged, ["dismissed", "reopened"]],
    ["low_conversion", dismissed, ["acknowledged", "reopened"]],
    ["stale_reporting", open, ["acknowledged", "dismissed"]],
    ["scattered_resources", open, ["acknowledged", "dismissed"]],
    // Duplicate construction: the three outcomes, less the one it is in.
    ["duplicate_construction", open, ["acknowledged", "dismissed", "justified", "merge_planned", "confirmed_duplicate"]],
    ["duplicate_construction", returned, ["acknowledged", "dismissed", "justified", "merge_planned", "confirmed_duplicate"]],
    ["duplicate_construction", acknowledged, ["dismissed", "justified", "merge_planned", "confirmed_duplicate", "reopened"]],
    ["duplicate_construction", dismissed, ["acknowledged", "justified", "merge_planned", "confirmed_duplicate", "reopened"]],
    ["duplicate_construction", justified, ["acknowledged", "merge_planned", "confirmed_duplicate", "reopened"]],
    ["duplicate_construction", mergePlanned, ["acknowledged", "dismissed", "justified", "confirmed_duplicate", "reopened"]],
    ["duplicate_construction", confirmed, ["acknowledged", "dismissed", "justified", "merge_planned", "reopened"]],
  ] as const)("%s in %o → %o", (code, state, actions) => {
    expect(availableFlagActions({ code }, state)).toEqual(actions);
  });
});

describe("withFlagStates", () => {
  it("pairs each flag with its state by key, in the order given", () => {
    const a = flag("low_conversion", "amber", { rate: 0.1 }, "a");
    const b = flag("stale_reporting", "red", { missedCount: 2 }, "b");
    const c = flag("overdue_milestone", "amber", { progress: 50 }, "c");
    const reviews = new Map<string, FlagReview>([
      [b.key, review("dismissed", "red", { missedCount: 2 }, "2026-12-31")],
      [c.key, review("acknowledged", "amber")],
      ["low_conversion|nobody", review("dismissed", "amber")], // a review of a flag no longer raised
    ]);
    expect(withFlagStates([c, a, b], reviews, "2026-11-27")).toEqual([
      { flag: c, state: { state: "acknowledged" } },
      { flag: a, state: { state: "open" } },
      { flag: b, state: { state: "dismissed", until: "2026-12-31" } },
    ]);
  });

  it("returns nothing for no flags", () => {
    expect(withFlagStates([], new Map(), "2026-11-27")).toEqual([]);
  });
});
