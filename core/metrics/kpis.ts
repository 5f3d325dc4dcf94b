/**
 * Quarterly lost / returned KPIs for the last 8 complete quarters (SPEC §7).
 *
 * For each quarter with end day e (and the previous quarter's end e0), with each client's status
 * computed as of that day from its purchase days up to it:
 * - active: clients whose status at e is new, active or at-risk;
 * - new: clients whose first purchase day is in the quarter;
 * - lost: status lost at e and not lost at e0;
 * - returned: a purchase day in the quarter while the status at e0 was lost;
 * - win-back rate: returned ÷ clients lost at e0 (null when none were lost);
 * - hasData: false for a quarter that ends before the first purchase day of anyone — its zeros
 *   mean "no data", not "no clients".
 *
 * Worked example: a client buying every 30 days until day 100, then again on day 400: lost from
 * day 191 (recency > 90), so "lost" in the quarter containing day 191 and "returned" in the
 * quarter containing day 400.
 */
import type { QuarterKpi, Status } from '../analyze/analysis.js';
import { lastCompletePeriod, periodEnd, periodLabel, periodStart } from '../basics/calendar.js';
import { countUpTo, statusAt, type StatusRules } from './status.js';

export const KPI_QUARTERS = 8;

/** Purchase days of every client, flat: client c owns days[start[c]] … days[start[c+1]−1]. */
export interface PurchaseDays {
  start: Int32Array;
  days: Int32Array;
}

export function quarterlyKpis(
  purchases: PurchaseDays,
  asOf: number,
  rules: StatusRules,
  quarters = KPI_QUARTERS,
): QuarterKpi[] {
  const last = lastCompletePeriod(asOf, 'quarter');
  const indices = Array.from({ length: quarters }, (_, i) => last - quarters + 1 + i);
  const ends = [periodEnd(indices[0] - 1, 'quarter'), ...indices.map((q) => periodEnd(q, 'quarter'))];
  const dataFrom = purchases.days.reduce((min, day) => Math.min(min, day), Infinity);
  const rows = indices.map((q) => ({
    quarter: periodLabel(q, 'quarter'),
    from: periodStart(q, 'quarter'),
    to: periodEnd(q, 'quarter'),
    hasData: periodEnd(q, 'quarter') >= dataFrom,
    active: 0,
    new: 0,
    lost: 0,
    returned: 0,
    lostBefore: 0,
  }));
  const clients = purchases.start.length - 1;
  for (let c = 0; c < clients; c++) {
    const days = purchases.days.subarray(purchases.start[c], purchases.start[c + 1]);
    if (days.length === 0) continue;
    const statuses = ends.map((end) => statusAt(days, end, rules, countUpTo(days, end))?.status ?? null);
    rows.forEach((row, q) => countClient(row, days, statuses[q], statuses[q + 1]));
  }
  return rows.map(({ lostBefore, ...row }) => ({ ...row, winBackRate: lostBefore > 0 ? row.returned / lostBefore : null }));
}

function countClient(
  row: { from: number; to: number; active: number; new: number; lost: number; returned: number; lostBefore: number },
  days: Int32Array,
  before: Status | null,
  after: Status | null,
): void {
  if (after !== null && after !== 'lost') row.active++;
  if (days[0] >= row.from && days[0] <= row.to) row.new++;
  if (after === 'lost' && before !== 'lost') row.lost++;
  if (before === 'lost') {
    row.lostBefore++;
    if (countUpTo(days, row.to) > countUpTo(days, row.from - 1)) row.returned++;
  }
}
