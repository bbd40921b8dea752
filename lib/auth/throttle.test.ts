import { describe, expect, it } from "vitest";
import { accountWaitUntil, addressWaitUntil, decideLogin, type AttemptRecord, type LoginOutcome } from "./throttle";

const at = (hhmmss: string) => new Date(`2026-11-27T${hhmmss}Z`);

/** Attempts in the order given, ids 1, 2, 3…: [time, outcome]. */
function attempts(...list: [string, LoginOutcome][]): AttemptRecord[] {
  return list.map(([time, outcome], i) => ({ id: i + 1, at: at(time), outcome }));
}

/** n failures one minute apart from 10:00:00. */
function failures(n: number, outcome: LoginOutcome = "bad_credentials"): [string, LoginOutcome][] {
  return Array.from({ length: n }, (_, i) => [`10:${String(i).padStart(2, "0")}:00`, outcome]);
}

describe("accountWaitUntil", () => {
  it("lets four failures pass", () => {
    expect(accountWaitUntil(attempts(...failures(4)), at("10:03:30"))).toBeNull();
  });

  // The nth failure (minute n-1) starts a wait of 1, 2, 4, 8, then 15 minutes (16 capped), from that failure.
  it.each([
    [5, "10:04:30", "10:05:00"],
    [6, "10:05:30", "10:07:00"],
    [7, "10:06:30", "10:10:00"],
    [8, "10:07:30", "10:15:00"],
    [9, "10:08:30", "10:23:00"],
    [10, "10:09:30", "10:24:00"],
  ])("after %i failures, asked at %s, waits until %s", (n, now, until) => {
    expect(accountWaitUntil(attempts(...failures(n)), at(now))).toEqual(at(until));
  });

  it("allows again once the wait is over: never a permanent lockout", () => {
    expect(accountWaitUntil(attempts(...failures(5)), at("10:05:00"))).toBeNull();
    expect(accountWaitUntil(attempts(...failures(10)), at("10:24:00"))).toBeNull();
  });

  it("starts afresh after a success", () => {
    expect(accountWaitUntil(attempts(...failures(5), ["10:06:00", "success"]), at("10:06:30"))).toBeNull();
    // Four after the success still pass; the fifth after it waits again.
    const after = attempts(...failures(5), ["10:06:00", "success"], ...failures(5).map(([t, o]) => [t.replace("10:0", "10:1"), o] as [string, LoginOutcome]));
    expect(accountWaitUntil(after, at("10:14:10"))).toEqual(at("10:15:00"));
  });

  it("forgets failures older than 15 minutes", () => {
    // Nine failures 10:00–10:08 wait 15 min from 10:08. At 10:15:00 the 10:00 one has left the window:
    // eight remain, a wait of 8 minutes from 10:08.
    expect(accountWaitUntil(attempts(...failures(9)), at("10:14:59"))).toEqual(at("10:23:00"));
    expect(accountWaitUntil(attempts(...failures(9)), at("10:15:00"))).toEqual(at("10:16:00"));
  });

  it("counts pending checks, but not throttled, inactive or invalid attempts", () => {
    expect(accountWaitUntil(attempts(...failures(5, "pending")), at("10:04:30"))).toEqual(at("10:05:00"));
    for (const outcome of ["throttled", "inactive", "invalid_input"] as const) {
      expect(accountWaitUntil(attempts(...failures(4), ...failures(20, outcome)), at("10:04:30"))).toBeNull();
    }
  });

  it("orders by insertion, not by the clock, to find the last success", () => {
    // Same millisecond: the success was stored after the failures, so it resets them.
    const same = [1, 2, 3, 4, 5].map((id) => ({ id, at: at("10:00:00"), outcome: "bad_credentials" as const }));
    expect(accountWaitUntil([...same, { id: 6, at: at("10:00:00"), outcome: "success" }], at("10:00:30"))).toBeNull();
    expect(accountWaitUntil([{ id: 0, at: at("10:00:00"), outcome: "success" }, ...same], at("10:00:30"))).toEqual(at("10:01:00"));
  });
});

describe("addressWaitUntil", () => {
  // Failures every 10 seconds from 10:00:00.
  const times = (n: number) => Array.from({ length: n }, (_, i) => new Date(at("10:00:00").getTime() + i * 10_000));

  it("lets 29 failures pass with a limit of 30", () => {
    expect(addressWaitUntil(times(29), at("10:05:00"), 30)).toBeNull();
  });

  it("at 30 waits until the oldest leaves the 15-minute window", () => {
    expect(addressWaitUntil(times(30), at("10:05:00"), 30)).toEqual(at("10:15:00"));
  });

  it("at 31 waits until the second oldest leaves", () => {
    expect(addressWaitUntil(times(31), at("10:05:10"), 30)).toEqual(at("10:15:10"));
  });

  it("ignores failures outside the window", () => {
    expect(addressWaitUntil(times(30), at("10:15:00"), 30)).toBeNull();
  });
});

describe("decideLogin", () => {
  const addressFailures = Array.from({ length: 5 }, () => at("10:00:00"));

  it("allows when neither limit is reached", () => {
    expect(decideLogin({ accountAttempts: attempts(...failures(4)), addressFailures, now: at("10:04:00"), addressMaxFailures: 30 })).toEqual({ allowed: true });
  });

  it("names the limit with the later wait", () => {
    expect(decideLogin({ accountAttempts: attempts(...failures(5)), addressFailures, now: at("10:04:30"), addressMaxFailures: 30 })).toEqual({
      allowed: false,
      until: at("10:05:00"),
      scope: "account",
    });
    expect(decideLogin({ accountAttempts: attempts(...failures(5)), addressFailures, now: at("10:04:30"), addressMaxFailures: 5 })).toEqual({
      allowed: false,
      until: at("10:15:00"),
      scope: "address",
    });
  });
});
