/**
 * Request-to-order conversion (SPEC §7): a request is converted when the client has a purchase
 * day within 30 days on or after it (request day ≤ purchase day ≤ request day + 30).
 *
 * Worked example: requests on days 10, 50, 100; purchase days 20, 200 → day 10 converted (20),
 * 50 not (next purchase 200 > 80), 100 not → 1 of 3, rate 0.333.
 */
import { countUpTo } from './status.js';

export const CONVERSION_DAYS = 30;

export interface ConversionCount {
  requests: number;
  converted: number;
  rate: number | null;
}

/** Whether a request on `day` is followed by a purchase day (sorted) within `days`. */
export function isConverted(day: number, purchaseDays: ArrayLike<number>, days = CONVERSION_DAYS): boolean {
  const before = countUpTo(purchaseDays, day - 1);
  return before < purchaseDays.length && purchaseDays[before] <= day + days;
}

export function conversion(requestDays: readonly number[], purchaseDays: ArrayLike<number>, days = CONVERSION_DAYS): ConversionCount {
  const converted = requestDays.filter((d) => isConverted(d, purchaseDays, days)).length;
  return { requests: requestDays.length, converted, rate: rateOf(converted, requestDays.length) };
}

export function rateOf(converted: number, requests: number): number | null {
  return requests > 0 ? converted / requests : null;
}
