/**
 * When the client's own rhythm says it should buy next (SPEC §7a `nextPurchase`), and how many
 * days it is late against that.
 *
 * - nextPurchase = last purchase day + cadence (the median of its latest gaps, SPEC §6), rounded to
 *   the nearest day (a half day rounds up); unknown (null) when the cadence is unknown (fewer than
 *   3 purchase days).
 * - daysOverdue = asOf − nextPurchase when that is positive, 0 when the next purchase is still due
 *   (today or later), null without a nextPurchase.
 *
 * Worked example: last purchase 2026-03-01, cadence 21.5 days → next purchase 2026-03-23 (day
 * + 22); as of 2026-03-31 → 8 days overdue; as of 2026-03-20 → 0.
 */
import type { Day } from '../basics/calendar.js';

export function nextPurchaseDay(lastPurchase: Day | null, cadenceDays: number | null): Day | null {
  if (lastPurchase === null || cadenceDays === null) return null;
  return Math.round(lastPurchase + cadenceDays);
}

export function daysOverdue(nextPurchase: Day | null, asOf: Day): number | null {
  return nextPurchase === null ? null : Math.max(0, asOf - nextPurchase);
}
