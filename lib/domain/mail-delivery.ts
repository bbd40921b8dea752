// How reminders reach a person's mailbox: each person chooses immediate mail or one daily digest and
// may mute categories (not escalations); a failed send is retried with exponential backoff and, after
// the last attempt, stays on the administrators' mail page as failed instead of vanishing.

import { UNMUTABLE_CATEGORIES, type ReminderCategory } from "./reminders";

export const DELIVERY_MODES = ["immediate", "digest"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export interface DeliveryPreference {
  mode: DeliveryMode;
  muted: readonly ReminderCategory[];
}

/** Digest by default: officials of comparable systems complain of one mail per event. */
export const DEFAULT_PREFERENCE: DeliveryPreference = { mode: "digest", muted: [] };

export function wantsEmail(preference: DeliveryPreference, category: ReminderCategory): boolean {
  return UNMUTABLE_CATEGORIES.includes(category) || !preference.muted.includes(category);
}

/** Retry policy: 2, 4, 8 … minutes after each failure, at most six hours apart, eight attempts in all (the last about 4 hours after the first). */
export interface RetryPolicy {
  firstDelayMinutes: number;
  maxDelayMinutes: number;
  maxAttempts: number;
}
export const RETRY_POLICY: RetryPolicy = { firstDelayMinutes: 2, maxDelayMinutes: 360, maxAttempts: 8 };

/** When to try again after `attempts` failed attempts, or null when the send is given up as failed. */
export function nextAttemptAt(attempts: number, now: Date, policy: RetryPolicy = RETRY_POLICY): string | null {
  if (attempts >= policy.maxAttempts) return null;
  const minutes = Math.min(policy.firstDelayMinutes * 2 ** (attempts - 1), policy.maxDelayMinutes);
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}

/** The Beijing hour of an instant (China keeps UTC+8 all year). */
export function chinaHour(now: Date): number {
  return (now.getUTCHours() + 8) % 24;
}

/** Digests go out once a day from `digestHour` Beijing time, so a day's reminders arrive together in the morning. */
export function digestDue(now: Date, digestHour: number): boolean {
  return chinaHour(now) >= digestHour;
}
