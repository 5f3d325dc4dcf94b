/**
 * Aggregate once (SPEC §2): the accepted sales lines up to asOf, grouped by client and sorted by
 * day, in flat typed arrays; and each client's purchase days with their values. Every metric
 * reads these arrays instead of the raw records.
 *
 * - Clients are numbered 0…n−1 in code-point order of name.
 * - Lines of client c are the indices lineStart[c] … lineStart[c+1]−1, in day order (lines of the
 *   same day keep their input order).
 * - A purchase day is a date on which the client's lines sum to a positive amount (returns and
 *   credit notes never make one); its value is the measure summed over that day's lines. A day of
 *   zero-priced lines only (free goods, samples: no line below zero, sum exactly zero) is a
 *   purchase day too — CDNOW has such first purchases and the published model counts them.
 *
 * Worked example: lines (A, day 5, +100), (A, day 5, −100), (A, day 9, +40), (B, day 1, +10) →
 * names [A, B]; A has lines on days 5, 5, 9 but one purchase day (9, value 40); B has day 1.
 */
import { compareCodePoints } from '../basics/compare.js';
import type { Measure } from './analysis.js';
import type { SalesColumns, TextColumn } from '../read/sales-columns.js';
import type { Day } from '../read/types.js';
import { countUpTo } from '../metrics/status.js';
import { formerValue } from '../metrics/tiers.js';

export interface Facts {
  asOf: Day;
  measure: Measure;
  names: string[];
  lineStart: Int32Array;
  lineDay: Int32Array;
  /** Integer cents. */
  lineAmount: Float64Array;
  /** The measure in its integer unit (cents or thousandths). */
  lineMeasure: Float64Array;
  /** Integer thousandths; 0 where the line has no quantity. */
  lineQuantity: Float64Array;
  /** Index into productNames, −1 when none. */
  lineProduct: Int32Array;
  /** Number of the line's document among its client's documents, −1 when none. */
  lineDocument: Int32Array;
  productNames: string[];
  purchaseStart: Int32Array;
  purchaseDay: Int32Array;
  purchaseValue: Float64Array;
  /** Manager, region and industry of each client's latest line (null when not mapped or empty). */
  manager: (string | null)[];
  region: (string | null)[];
  industry: (string | null)[];
}

/** How many purchase days client c has. */
export function purchaseCount(facts: Facts, c: number): number {
  return facts.purchaseStart[c + 1] - facts.purchaseStart[c];
}

/** Client c's purchase days, in order (a view, not a copy). */
export function purchaseDaysOf(facts: Facts, c: number): Int32Array {
  return facts.purchaseDay.subarray(facts.purchaseStart[c], facts.purchaseStart[c + 1]);
}

/** The measure of each of client c's purchase days (a view, not a copy). */
export function purchaseValuesOf(facts: Facts, c: number): Float64Array {
  return facts.purchaseValue.subarray(facts.purchaseStart[c], facts.purchaseStart[c + 1]);
}

/** Client c's first purchase day, or null when it has none (only returns). */
export function firstPurchaseDay(facts: Facts, c: number): Day | null {
  return purchaseCount(facts, c) > 0 ? facts.purchaseDay[facts.purchaseStart[c]] : null;
}

/** Client c's last purchase day, or null when it has none. */
export function lastPurchaseDay(facts: Facts, c: number): Day | null {
  return purchaseCount(facts, c) > 0 ? facts.purchaseDay[facts.purchaseStart[c + 1] - 1] : null;
}

/** Client c's lines: their days and their measure, in day order (views, not copies). */
export function linesOf(facts: Facts, c: number): { days: Int32Array; measure: Float64Array } {
  const from = facts.lineStart[c];
  const to = facts.lineStart[c + 1];
  return { days: facts.lineDay.subarray(from, to), measure: facts.lineMeasure.subarray(from, to) };
}

/**
 * Client c's formerValue (metrics/tiers.ts) as of day `end`: its measure over the year up to its
 * last purchase on or before `end`; 0 when it bought nothing by then. With `end` on or after its
 * last purchase this is the value its tier is ranked on today; the development KPIs ask for it at
 * the end of the previous window. Example: purchases of 100 on day 100 and 50 on day 400 → 150 as of
 * day 400 or later (day 100 is within the 365 days up to day 400), 100 as of days 100–399, 0 before
 * day 100; with the first purchase on day 10 instead, 50 as of day 400 (day 10 is 390 days before).
 */
export function formerValueAt(facts: Facts, c: number, end: Day): number {
  const days = purchaseDaysOf(facts, c);
  const count = countUpTo(days, end);
  if (count === 0) return 0;
  const lines = linesOf(facts, c);
  return formerValue(lines.days, lines.measure, days[count - 1]);
}

/** Divisor from the measure's integer unit to display units. */
export function measureScale(measure: Measure): number {
  return measure === 'quantity' ? 1000 : 100;
}

/** Groups the lines dated on or before asOf into Facts (later lines are left out). */
export function buildFacts(sales: SalesColumns, asOf: Day, measure: Measure): Facts {
  const used = linesUpTo(sales.day, asOf);
  const n = used.length;
  const { names, clientOf } = numberClients(sales.client, used);
  const day = used.length === sales.length ? sales.day : gather(sales.day, used);
  const lineStart = new Int32Array(names.length + 1);
  for (let i = 0; i < n; i++) lineStart[clientOf[i] + 1]++;
  for (let c = 0; c < names.length; c++) lineStart[c + 1] += lineStart[c];
  const order = sortByClientAndDay(day, clientOf, lineStart);

  const line = used.length === sales.length ? order : gather(used, order);
  const lineDay = gather(sales.day, line);
  const lineAmount = gatherNumbers(sales.amount, line);
  const measured = measure === 'amount' ? sales.amount : sales[measure];
  const lineMeasure = measured === sales.amount ? lineAmount.slice() : measured ? gatherNumbers(measured, line) : new Float64Array(n);
  const purchases = purchaseDays(lineStart, lineDay, lineAmount, lineMeasure);
  const latest = (field: 'manager' | 'region' | 'industry') => {
    const column = sales[field];
    return names.map((_, c) => {
      if (!column || lineStart[c + 1] === lineStart[c]) return null;
      const id = column.ids[line[lineStart[c + 1] - 1]];
      return id >= 0 ? column.texts[id] : null;
    });
  };
  const product = sales.product;
  const lineProduct = product ? gather(product.ids, line) : new Int32Array(n).fill(-1);
  let withProduct = false;
  for (let k = 0; k < n && !withProduct; k++) withProduct = lineProduct[k] >= 0;
  return {
    asOf,
    measure,
    names,
    lineStart,
    lineDay,
    lineAmount,
    lineMeasure,
    lineQuantity: sales.quantity ? gatherNumbers(sales.quantity, line) : new Float64Array(n),
    lineProduct,
    lineDocument: sales.document ? documentsByClient(sales.document, line, lineStart) : new Int32Array(n).fill(-1),
    productNames: withProduct && product ? [...product.texts] : [],
    ...purchases,
    manager: latest('manager'),
    region: latest('region'),
    industry: latest('industry'),
  };
}

/** Indices of the lines dated on or before asOf (all of them, without a copy of the test, when none is later). */
function linesUpTo(days: Int32Array, asOf: Day): Int32Array {
  let count = 0;
  for (let i = 0; i < days.length; i++) if (days[i] <= asOf) count++;
  const used = new Int32Array(count);
  for (let i = 0, k = 0; i < days.length; i++) if (days[i] <= asOf) used[k++] = i;
  return used;
}

/** source[index[k]] for every k (one loop per array type, so each stays monomorphic). */
function gather(source: Int32Array, index: Int32Array): Int32Array {
  const target = new Int32Array(index.length);
  for (let k = 0; k < index.length; k++) target[k] = source[index[k]];
  return target;
}

/** source[index[k]] for every k; NaN (an empty or unreadable optional number) read as 0. */
function gatherNumbers(source: Float64Array, index: Int32Array): Float64Array {
  const target = new Float64Array(index.length);
  for (let k = 0; k < index.length; k++) {
    const value = source[index[k]];
    target[k] = value === value ? value : 0;
  }
  return target;
}

/** Document numbers per line, unique within each client (−1 when none): orders are per client. */
function documentsByClient(documents: TextColumn, line: Int32Array, lineStart: Int32Array): Int32Array {
  const ids = new Int32Array(line.length).fill(-1);
  const owner = new Int32Array(documents.texts.length).fill(-1);
  const local = new Int32Array(documents.texts.length);
  for (let c = 0; c + 1 < lineStart.length; c++) {
    let next = 0;
    for (let k = lineStart[c]; k < lineStart[c + 1]; k++) {
      const document = documents.ids[line[k]];
      if (document < 0) continue;
      if (owner[document] !== c) {
        owner[document] = c;
        local[document] = next++;
      }
      ids[k] = local[document];
    }
  }
  return ids;
}

/** Client numbers in code-point order of name, and the client number of each used line. */
function numberClients(clients: TextColumn, used: Int32Array): { names: string[]; clientOf: Int32Array } {
  const seen = new Uint8Array(clients.texts.length);
  for (let k = 0; k < used.length; k++) seen[clients.ids[used[k]]] = 1;
  const ids = [];
  for (let id = 0; id < seen.length; id++) if (seen[id]) ids.push(id);
  const names = ids.map((id) => clients.texts[id]).sort(compareCodePoints);
  const rank = new Map(names.map((name, r) => [name, r]));
  const rankOfId = new Int32Array(clients.texts.length).fill(-1);
  for (const id of ids) rankOfId[id] = rank.get(clients.texts[id])!;
  const clientOf = new Int32Array(used.length);
  for (let k = 0; k < used.length; k++) clientOf[k] = rankOfId[clients.ids[used[k]]];
  return { names, clientOf };
}

/**
 * Line indices sorted by (client, day), stable: a counting sort by day, then the day-sorted lines
 * dealt into their clients' places (`lineStart`, the start of each client's lines), which keeps
 * them in day order within each client.
 */
function sortByClientAndDay(days: Int32Array, clientOf: Int32Array, lineStart: Int32Array): Int32Array {
  const n = days.length;
  if (n === 0) return new Int32Array(0);
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    if (days[i] < minDay) minDay = days[i];
    if (days[i] > maxDay) maxDay = days[i];
  }
  const dayStart = new Int32Array(maxDay - minDay + 2);
  for (let i = 0; i < n; i++) dayStart[days[i] - minDay + 1]++;
  for (let b = 1; b < dayStart.length; b++) dayStart[b] += dayStart[b - 1];
  const byDay = new Int32Array(n);
  for (let i = 0; i < n; i++) byDay[dayStart[days[i] - minDay]++] = i;
  const next = lineStart.slice(0, lineStart.length - 1);
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const i = byDay[k];
    order[next[clientOf[i]]++] = i;
  }
  return order;
}

/** Each client's purchase days (days whose amount sums to > 0) and their measure values. */
function purchaseDays(
  lineStart: Int32Array,
  lineDay: Int32Array,
  lineAmount: Float64Array,
  lineMeasure: Float64Array,
): { purchaseStart: Int32Array; purchaseDay: Int32Array; purchaseValue: Float64Array } {
  const clients = lineStart.length - 1;
  const purchaseStart = new Int32Array(clients + 1);
  const days = new Int32Array(lineDay.length);
  const values = new Float64Array(lineDay.length);
  let count = 0;
  for (let c = 0; c < clients; c++) {
    let k = lineStart[c];
    while (k < lineStart[c + 1]) {
      const day = lineDay[k];
      let amount = 0;
      let value = 0;
      let negative = false;
      for (; k < lineStart[c + 1] && lineDay[k] === day; k++) {
        amount += lineAmount[k];
        value += lineMeasure[k];
        negative ||= lineAmount[k] < 0;
      }
      if (amount > 0 || (amount === 0 && !negative)) {
        days[count] = day;
        values[count] = value;
        count++;
      }
    }
    purchaseStart[c + 1] = count;
  }
  return { purchaseStart, purchaseDay: days.slice(0, count), purchaseValue: values.slice(0, count) };
}
