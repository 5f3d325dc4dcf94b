/**
 * Per-client sums over one window (SPEC §2): the measure, amount and quantity of the lines dated
 * in it, its purchase days, its orders, the per-period series XYZ needs, and the value per
 * product that movement needs. Computed in one pass over each client's lines in the window (they
 * are in day order, so the first is found by bisection and the pass stops after the last).
 *
 * Orders are distinct documents whose lines in the window sum to a positive amount where a
 * document column is mapped, otherwise purchase days.
 *
 * The value per product is kept as columns (ProductValues) rather than a map per client: a
 * million lines add to it once each, with one array lookup instead of a map's get and set.
 *
 * Worked example: monthly window Jan–Mar, client lines (Jan 5, 100), (Jan 20, 50), (Mar 2, 30)
 * → value 180, series [150, 0, 30], purchase days 3, orders 3 (no document column).
 */
import { periodEnd, periodOf, type Window } from '../basics/calendar.js';
import type { Facts } from './facts.js';
import type { ClientProducts } from '../metrics/movement.js';

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
  /** Per client, the measure of each product it bought in the window. */
  products: ProductValues;
}

/**
 * Per client, the products of its lines in the window in the order first met and the measure of
 * each: client c's are `product[i]` with `value[i]` for i from `start[c]` to `start[c + 1]` − 1
 * (none for every client when the facts have no products). Values are added in line order.
 *
 * Example: client 0's lines (product 4, 10), (product 2, 5), (product 4, 1), client 1's none →
 * start [0, 2, 2], product [4, 2], value [11, 5].
 */
export interface ProductValues {
  start: Int32Array;
  product: Int32Array;
  value: Float64Array;
}

/** Client c's products in the window, as views of the columns. */
export function clientProducts(products: ProductValues, c: number): ClientProducts {
  const from = products.start[c];
  const to = products.start[c + 1];
  return { product: products.product.subarray(from, to), value: products.value.subarray(from, to) };
}

export function windowFacts(facts: Facts, window: Window): WindowFacts {
  const clients = facts.names.length;
  const periods = window.lastPeriod - window.firstPeriod + 1;
  const periodOfDay = periodLookup(window);
  const wf: Omit<WindowFacts, 'products'> = {
    window,
    periods,
    value: new Float64Array(clients),
    amount: new Float64Array(clients),
    quantity: new Float64Array(clients),
    purchaseDays: new Int32Array(clients),
    orders: new Int32Array(clients),
    series: new Float64Array(clients * periods),
    purchased: new Uint8Array(clients * periods),
  };
  const documents = documentSums(facts);
  const products = new ProductSums(facts.productNames.length, clients);
  for (let c = 0; c < clients; c++) {
    let lastDocument = -1;
    const linesEnd = facts.lineStart[c + 1];
    for (let k = firstFrom(facts.lineDay, facts.lineStart[c], linesEnd, window.from); k < linesEnd && facts.lineDay[k] <= window.to; k++) {
      const day = facts.lineDay[k];
      const v = facts.lineMeasure[k];
      wf.value[c] += v;
      wf.amount[c] += facts.lineAmount[k];
      wf.quantity[c] += facts.lineQuantity[k];
      wf.series[c * periods + periodOfDay[day - window.from]] += v;
      const doc = facts.lineDocument[k];
      if (documents && doc >= 0) {
        documents[doc] += facts.lineAmount[k];
        if (doc > lastDocument) lastDocument = doc;
      }
      if (facts.lineProduct[k] >= 0) products.add(c, facts.lineProduct[k], v);
    }
    products.end(c);
    const purchasesEnd = facts.purchaseStart[c + 1];
    for (let p = firstFrom(facts.purchaseDay, facts.purchaseStart[c], purchasesEnd, window.from); p < purchasesEnd && facts.purchaseDay[p] <= window.to; p++) {
      const day = facts.purchaseDay[p];
      wf.purchaseDays[c]++;
      wf.purchased[c * periods + periodOfDay[day - window.from]] = 1;
    }
    wf.orders[c] = documents ? takePositive(documents, lastDocument) : wf.purchaseDays[c];
  }
  return { ...wf, products: products.finish() };
}

/** The first index in from … to − 1 whose day is on or after `day` (to when none); the days are in order. */
function firstFrom(days: Int32Array, from: number, to: number, day: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

/** ProductValues grown client by client (clients in order, each one's lines in order). */
class ProductSums {
  private readonly start: Int32Array;
  private product = new Int32Array(1024);
  private value = new Float64Array(1024);
  private length = 0;
  /** Per product: the client whose entry `at` holds, and where that entry is. */
  private readonly owner: Int32Array;
  private readonly at: Int32Array;

  constructor(products: number, clients: number) {
    this.start = new Int32Array(clients + 1);
    this.owner = new Int32Array(products).fill(-1);
    this.at = new Int32Array(products);
  }

  add(client: number, product: number, value: number): void {
    if (this.owner[product] === client) {
      this.value[this.at[product]] += value;
      return;
    }
    if (this.length === this.product.length) this.grow();
    this.owner[product] = client;
    this.at[product] = this.length;
    this.product[this.length] = product;
    this.value[this.length++] = value;
  }

  /** Client c's lines are all added. */
  end(client: number): void {
    this.start[client + 1] = this.length;
  }

  finish(): ProductValues {
    return { start: this.start, product: this.product.subarray(0, this.length), value: this.value.subarray(0, this.length) };
  }

  private grow(): void {
    const product = new Int32Array(this.product.length * 2);
    product.set(this.product);
    this.product = product;
    const value = new Float64Array(this.value.length * 2);
    value.set(this.value);
    this.value = value;
  }
}

/**
 * One client's document sums in the window, by the document's number within the client
 * (Facts.lineDocument), added in line order; null when no line has a document. Sized for the
 * client with the most documents and cleared after each client (`takePositive`).
 */
function documentSums(facts: Facts): Float64Array | null {
  let most = -1;
  for (let k = 0; k < facts.lineDocument.length; k++) if (facts.lineDocument[k] > most) most = facts.lineDocument[k];
  return most < 0 ? null : new Float64Array(most + 1);
}

/** How many of the sums 0 … last are positive (a document with no line in the window sums to 0); clears them. */
function takePositive(sums: Float64Array, last: number): number {
  let count = 0;
  for (let doc = 0; doc <= last; doc++) {
    if (sums[doc] > 0) count++;
    sums[doc] = 0;
  }
  return count;
}
