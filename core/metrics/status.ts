/**
 * Cadence, recency and status of a client as of a date (SPEC §6).
 *
 * For purchase days d1 < … < dn (days on which the client's lines sum to a positive amount):
 * - cadence = median of the last min(n−1, 12) gaps between purchase days; unknown when n < 3;
 * - risk limit = riskFactor (1.5) × cadence, lost limit = max(lostFactor (3) × cadence,
 *   minLostDays (60)); with unknown cadence risk limit = silenceDays (90) and lost limit =
 *   2 × silenceDays (180);
 * - status, first rule that holds: lost if recency > lost limit; at-risk if recency > risk limit;
 *   new if asOf − d1 < newDays (90); otherwise active. No purchase day → no status.
 *
 * Worked example: purchase days 0, 30, 60, 90 (cadence 30), asOf 140: recency 50 > 45 (risk
 * limit) and ≤ 90 (lost limit = max(90, 60)) → at-risk. asOf 181 → recency 91 > 90 → lost.
 */
import type { Status } from '../analyze/analysis.js';

export interface StatusRules {
  riskFactor: number;
  lostFactor: number;
  minLostDays: number;
  silenceDays: number;
  newDays: number;
}

export const DEFAULT_STATUS_RULES: StatusRules = {
  riskFactor: 1.5,
  lostFactor: 3,
  minLostDays: 60,
  silenceDays: 90,
  newDays: 90,
};

/** How many of the latest gaps the cadence looks at. */
export const CADENCE_GAPS = 12;
/** Reused by `cadence` so the quarterly KPIs (a cadence per client per quarter) do not allocate. */
const GAP_SCRATCH = new Float64Array(CADENCE_GAPS);

/**
 * Median of the last min(count − 1, 12) gaps among the first `count` sorted purchase days
 * (all of them by default); null when count < 3.
 */
export function cadence(days: ArrayLike<number>, count: number = days.length): number | null {
  if (count < 3) return null;
  const gaps = Math.min(count - 1, CADENCE_GAPS);
  const values = GAP_SCRATCH.subarray(0, gaps);
  for (let k = 0; k < gaps; k++) values[k] = days[count - 1 - k] - days[count - 2 - k];
  values.sort();
  const mid = gaps >> 1;
  return gaps % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

export interface StatusResult {
  status: Status;
  recencyDays: number;
  cadenceDays: number | null;
  riskLimit: number;
  lostLimit: number;
}

/**
 * Status of a client as of `asOf` from its sorted purchase days, using the first `count` of them
 * (the ones on or before asOf); null when there is none.
 */
export function statusAt(
  days: ArrayLike<number>,
  asOf: number,
  rules: StatusRules = DEFAULT_STATUS_RULES,
  count: number = days.length,
): StatusResult | null {
  if (count === 0) return null;
  const cadenceDays = cadence(days, count);
  const recencyDays = asOf - days[count - 1];
  const riskLimit = cadenceDays === null ? rules.silenceDays : rules.riskFactor * cadenceDays;
  const lostLimit =
    cadenceDays === null ? 2 * rules.silenceDays : Math.max(rules.lostFactor * cadenceDays, rules.minLostDays);
  let status: Status = 'active';
  if (recencyDays > lostLimit) status = 'lost';
  else if (recencyDays > riskLimit) status = 'at-risk';
  else if (asOf - days[0] < rules.newDays) status = 'new';
  return { status, recencyDays, cadenceDays, riskLimit, lostLimit };
}

/** Number of sorted days that are ≤ limit (binary search). */
export function countUpTo(days: ArrayLike<number>, limit: number, length: number = days.length): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
