/**
 * The five signs of a leaving client (SPEC §6), each a small pure rule. A client can have several.
 *
 * - overdue: status is at-risk or lost.
 * - requests-without-orders: ≥ 3 requests dated after the last purchase day (and ≤ asOf).
 * - unresponsive: the last 3 contact attempts after the last purchase day were all unanswered.
 * - volume-drop: status not lost; at least 3 + 3 purchase days; the mean value of the last 3
 *   purchase days ≤ 50 % of the mean of the (up to 12) purchase days before them.
 * - complaint: a complaint dated within the last 90 days (asOf − day < 90) with no purchase day
 *   after it.
 *
 * Worked example (volume-drop): purchase-day values 100, 120, 80, 100, 40, 50, 60 → recent mean
 * 50, earlier mean 100 → 50 ≤ 0.5 × 100 → volume-drop.
 */
import type { Status } from '../analyze/analysis.js';

export const REQUESTS_WITHOUT_ORDERS = 3;
export const UNANSWERED_ATTEMPTS = 3;
export const DROP_RECENT_DAYS = 3;
export const DROP_EARLIER_DAYS = 12;
export const DROP_SHARE = 0.5;
export const COMPLAINT_DAYS = 90;

export function isOverdue(status: Status | null): boolean {
  return status === 'at-risk' || status === 'lost';
}

/** Requests (days, any order) after the last purchase day and on or before asOf. */
export function requestsWithoutOrders(requestDays: readonly number[], lastPurchase: number, asOf: number): boolean {
  let count = 0;
  for (const day of requestDays) if (day > lastPurchase && day <= asOf) count++;
  return count >= REQUESTS_WITHOUT_ORDERS;
}

/** Contact attempts as (day, answered), sorted by day; attempts on the same day keep input order. */
export function isUnresponsive(
  attempts: readonly { day: number; answered: boolean }[],
  lastPurchase: number,
  asOf: number,
): boolean {
  const after = attempts.filter((a) => a.day > lastPurchase && a.day <= asOf);
  if (after.length < UNANSWERED_ATTEMPTS) return false;
  return after.slice(-UNANSWERED_ATTEMPTS).every((a) => !a.answered);
}

/** Values of the client's purchase days in day order (all of them up to asOf). */
export function isVolumeDrop(dayValues: ArrayLike<number>, status: Status | null): boolean {
  if (status === 'lost') return false;
  const means = dayValueMeans(dayValues);
  return means !== null && means.earlier > 0 && means.recent <= DROP_SHARE * means.earlier;
}

/**
 * The two means volume-drop compares: the last 3 purchase days and the (up to 12) before them;
 * null with fewer than 3 + 3 purchase days.
 */
export function dayValueMeans(dayValues: ArrayLike<number>): { recent: number; earlier: number } | null {
  const n = dayValues.length;
  if (n < DROP_RECENT_DAYS + 3) return null;
  const earlierFrom = Math.max(0, n - DROP_RECENT_DAYS - DROP_EARLIER_DAYS);
  return { recent: mean(dayValues, n - DROP_RECENT_DAYS, n), earlier: mean(dayValues, earlierFrom, n - DROP_RECENT_DAYS) };
}

/** A complaint within the last 90 days with no purchase day after it. */
export function hasOpenComplaint(complaintDays: readonly number[], lastPurchase: number, asOf: number): boolean {
  return complaintDays.some((day) => day <= asOf && asOf - day < COMPLAINT_DAYS && day >= lastPurchase);
}

function mean(values: ArrayLike<number>, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i];
  return sum / (to - from);
}
