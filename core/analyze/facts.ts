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
import type { Day, SaleLine } from '../read/types.js';

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

/** Divisor from the measure's integer unit to display units. */
export function measureScale(measure: Measure): number {
  return measure === 'quantity' ? 1000 : 100;
}

/** Groups lines dated on or before asOf (the caller has filtered them) into Facts. */
export function buildFacts(lines: readonly SaleLine[], asOf: Day, measure: Measure): Facts {
  const { names, clientOf } = numberClients(lines);
  const columns = readColumns(lines, measure);
  const order = sortByClientAndDay(columns.day, clientOf, names.length);
  const n = order.length;
  const lineStart = new Int32Array(names.length + 1);
  for (let i = 0; i < n; i++) lineStart[clientOf[i] + 1]++;
  for (let c = 0; c < names.length; c++) lineStart[c + 1] += lineStart[c];

  const lineDay = gather(columns.day, order, new Int32Array(n));
  const lineAmount = gather(columns.amount, order, new Float64Array(n));
  const lineMeasure = gather(columns.measure, order, new Float64Array(n));
  const purchases = purchaseDays(lineStart, lineDay, lineAmount, lineMeasure);
  const latest = (field: 'manager' | 'region' | 'industry') =>
    names.map((_, c) => (lineStart[c + 1] > lineStart[c] ? lines[order[lineStart[c + 1] - 1]][field] || null : null));
  return {
    asOf,
    measure,
    names,
    lineStart,
    lineDay,
    lineAmount,
    lineMeasure,
    lineQuantity: gather(columns.quantity, order, new Float64Array(n)),
    lineProduct: gather(columns.product, order, new Int32Array(n)),
    lineDocument: documentsByClient(columns.document, order, lineStart),
    productNames: columns.productNames,
    ...purchases,
    manager: latest('manager'),
    region: latest('region'),
    industry: latest('industry'),
  };
}

/** One sequential pass over the records into flat columns (products numbered as first seen). */
function readColumns(lines: readonly SaleLine[], measure: Measure) {
  const n = lines.length;
  const day = new Int32Array(n);
  const amount = new Float64Array(n);
  const measured = new Float64Array(n);
  const quantity = new Float64Array(n);
  const product = new Int32Array(n);
  const document: (string | undefined)[] = new Array(n);
  const products = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const line = lines[i];
    day[i] = line.day;
    amount[i] = line.amount;
    measured[i] = measureOf(line, measure);
    quantity[i] = line.quantity ?? 0;
    product[i] = line.product ? intern(products, line.product) : -1;
    document[i] = line.document || undefined;
  }
  return { day, amount, measure: measured, quantity, product, document, productNames: [...products.keys()] };
}

function gather<T extends Int32Array | Float64Array>(source: T, order: Int32Array, target: T): T {
  for (let k = 0; k < order.length; k++) target[k] = source[order[k]];
  return target;
}

/** Document numbers per line, unique within each client (−1 when none): orders are per client. */
function documentsByClient(documents: readonly (string | undefined)[], order: Int32Array, lineStart: Int32Array): Int32Array {
  const ids = new Int32Array(order.length).fill(-1);
  const local = new Map<string, number>();
  for (let c = 0; c + 1 < lineStart.length; c++) {
    local.clear();
    let previous: string | undefined;
    let previousId = -1;
    for (let k = lineStart[c]; k < lineStart[c + 1]; k++) {
      const document = documents[order[k]];
      if (document === undefined) continue;
      if (document !== previous) {
        previous = document;
        previousId = intern(local, document);
      }
      ids[k] = previousId;
    }
  }
  return ids;
}

function measureOf(line: SaleLine, measure: Measure): number {
  if (measure === 'amount') return line.amount;
  return (measure === 'profit' ? line.profit : line.quantity) ?? 0;
}

function intern(ids: Map<string, number>, key: string): number {
  let id = ids.get(key);
  if (id === undefined) {
    id = ids.size;
    ids.set(key, id);
  }
  return id;
}

/** Client numbers in code-point order of name, and the client number of each line. */
function numberClients(lines: readonly SaleLine[]): { names: string[]; clientOf: Int32Array } {
  const firstSeen = new Map<string, number>();
  const seenOf = new Int32Array(lines.length);
  let previous: string | undefined;
  let previousId = -1;
  for (let i = 0; i < lines.length; i++) {
    const client = lines[i].client;
    // Exports usually list a client's lines together: skip the hash lookup for a repeat.
    if (client !== previous) {
      previous = client;
      previousId = intern(firstSeen, client);
    }
    seenOf[i] = previousId;
  }
  const names = [...firstSeen.keys()].sort(compareCodePoints);
  const rankOfSeen = new Int32Array(names.length);
  names.forEach((name, rank) => (rankOfSeen[firstSeen.get(name)!] = rank));
  const clientOf = new Int32Array(lines.length);
  for (let i = 0; i < lines.length; i++) clientOf[i] = rankOfSeen[seenOf[i]];
  return { names, clientOf };
}

/** Line indices sorted by (client, day), stable: a counting sort by day, then by client. */
function sortByClientAndDay(days: Int32Array, clientOf: Int32Array, clients: number): Int32Array {
  const n = days.length;
  if (n === 0) return new Int32Array(0);
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < n; i++) {
    if (days[i] < minDay) minDay = days[i];
    if (days[i] > maxDay) maxDay = days[i];
  }
  const byDay = countingSort(n, maxDay - minDay + 1, (i) => days[i] - minDay);
  const byClient = countingSort(n, clients, (k) => clientOf[byDay[k]]);
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = byDay[byClient[k]];
  return order;
}

/** Stable counting sort of 0…n−1 by an integer key in [0, buckets). */
function countingSort(n: number, buckets: number, key: (i: number) => number): Int32Array {
  const start = new Int32Array(buckets + 1);
  const keys = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = key(i);
    start[keys[i] + 1]++;
  }
  for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[start[keys[i]]++] = i;
  return out;
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
  const days: number[] = [];
  const values: number[] = [];
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
        days.push(day);
        values.push(value);
      }
    }
    purchaseStart[c + 1] = days.length;
  }
  return { purchaseStart, purchaseDay: Int32Array.from(days), purchaseValue: Float64Array.from(values) };
}
