/**
 * Per-client sums over one window (SPEC §2): the measure, amount and quantity of the lines dated
 * in it, its purchase days, its orders, the per-period series XYZ needs, and the value per
 * product that movement needs. Computed in one pass over the lines of Facts.
 *
 * Orders are distinct documents whose lines in the window sum to a positive amount where a
 * document column is mapped, otherwise purchase days.
 *
 * Worked example: monthly window Jan–Mar, client lines (Jan 5, 100), (Jan 20, 50), (Mar 2, 30)
 * → value 180, series [150, 0, 30], purchase days 3, orders 3 (no document column).
 */
import { periodEnd, periodOf, type Window } from '../basics/calendar.js';
import type { Facts } from './facts.js';

export interface WindowFacts {
  window: Window;
  periods: number;
  value: Float64Array;
  amount: Float64Array;
  quantity: Float64Array;
  purchaseDays: Int32Array;
  orders: Int32Array;
  /** clients × periods, row-major: the measure per period. */
  series: Float64Array;
  /** clients × periods: 1 where the client has a purchase day in the period. */
  purchased: Uint8Array;
  /** Per client: product index → measure in the window (only clients with product lines). */
  productValue: (Map<number, number> | null)[];
}

export function windowFacts(facts: Facts, window: Window, withProducts: boolean): WindowFacts {
  const clients = facts.names.length;
  const periods = window.lastPeriod - window.firstPeriod + 1;
  const periodOfDay = periodLookup(window);
  const wf: WindowFacts = {
    window,
    periods,
    value: new Float64Array(clients),
    amount: new Float64Array(clients),
    quantity: new Float64Array(clients),
    purchaseDays: new Int32Array(clients),
    orders: new Int32Array(clients),
    series: new Float64Array(clients * periods),
    purchased: new Uint8Array(clients * periods),
    productValue: new Array(clients).fill(null),
  };
  const hasDocuments = facts.lineDocument.some((d) => d >= 0);
  for (let c = 0; c < clients; c++) {
    const documents = hasDocuments ? new Map<number, number>() : null;
    for (let k = facts.lineStart[c]; k < facts.lineStart[c + 1]; k++) {
      const day = facts.lineDay[k];
      if (day < window.from || day > window.to) continue;
      const v = facts.lineMeasure[k];
      wf.value[c] += v;
      wf.amount[c] += facts.lineAmount[k];
      wf.quantity[c] += facts.lineQuantity[k];
      wf.series[c * periods + periodOfDay[day - window.from]] += v;
      if (documents && facts.lineDocument[k] >= 0) {
        const doc = facts.lineDocument[k];
        documents.set(doc, (documents.get(doc) ?? 0) + facts.lineAmount[k]);
      }
      if (withProducts && facts.lineProduct[k] >= 0) addProduct(wf, c, facts.lineProduct[k], v);
    }
    for (let p = facts.purchaseStart[c]; p < facts.purchaseStart[c + 1]; p++) {
      const day = facts.purchaseDay[p];
      if (day < window.from || day > window.to) continue;
      wf.purchaseDays[c]++;
      wf.purchased[c * periods + periodOfDay[day - window.from]] = 1;
    }
    wf.orders[c] = documents ? countPositive(documents) : wf.purchaseDays[c];
  }
  return wf;
}

/** Offset of each day of the window → 0-based period within the window. */
function periodLookup(window: Window): Int32Array {
  const lookup = new Int32Array(window.to - window.from + 1);
  let period = 0;
  let periodEnds = -1;
  for (let day = window.from; day <= window.to; day++) {
    if (day > periodEnds) {
      const index = periodOf(day, window.kind);
      period = index - window.firstPeriod;
      periodEnds = periodEnd(index, window.kind);
    }
    lookup[day - window.from] = period;
  }
  return lookup;
}

function addProduct(wf: WindowFacts, client: number, product: number, value: number): void {
  let map = wf.productValue[client];
  if (!map) wf.productValue[client] = map = new Map();
  map.set(product, (map.get(product) ?? 0) + value);
}

function countPositive(sums: Map<number, number>): number {
  let count = 0;
  for (const sum of sums.values()) if (sum > 0) count++;
  return count;
}
