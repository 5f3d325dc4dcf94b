/**
 * Repeat-purchase data for the BG/NBD family: per client x (repeat purchases, i.e. purchase days
 * − 1), t_x (time from the first to the last purchase) and T (time from the first purchase to the
 * end of calibration), all in one time unit, optionally with a weight (how many clients the row
 * stands for). `aggregateRepeatData` validates the rows and merges identical (x, t_x, T) triples,
 * so a likelihood costs one pass over the distinct triples instead of one per client. The result
 * is itself repeat data (its distinct triples with their weights) and aggregating it again returns
 * it unchanged, so a caller that fits several models to the same clients aggregates them once.
 *
 * Rules:
 * - A row is used when x is a whole number ≥ 0, 0 ≤ t_x ≤ T, T is finite and the weight is finite
 *   and > 0 (default 1); other rows are counted in `excluded` and left out.
 * - A client with x = 0 has t_x = 0 by definition; any other t_x given for such a row is ignored.
 * - Rows beyond the shortest of the given arrays are counted as excluded.
 * `isClientTriple` is the per-client part of that check and `isHorizon` the check of a prediction
 * horizon t (finite, ≥ 0); the per-client model functions use both.
 *
 * Worked example: x = [0, 2, 2, 0], t_x = [0, 5, 5, 0], T = [10, 9, 9, 10] → two distinct
 * triples, (0, 0, 10) with weight 2 and (2, 5, 9) with weight 2; distinct x [0, 2] with weights
 * [2, 2]; distinct times [0, 5, 9, 10]; clients 4, repeaters 2.
 */

export interface RepeatData {
  x: ArrayLike<number>;
  tx: ArrayLike<number>;
  T: ArrayLike<number>;
  /** Clients each row stands for; default 1 each. */
  weight?: ArrayLike<number>;
}

export interface AggregatedRepeatData extends RepeatData {
  /** The distinct triples as repeat data: x, t_x, T and the weight of each. */
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** Total weight of the used rows. */
  clients: number;
  /** Total weight of the used rows with x > 0. */
  repeaters: number;
  /** Rows left out as invalid. */
  excluded: number;
  /** Σ weight × x and Σ weight × T over the used rows. */
  sumX: number;
  sumT: number;
  /** Distinct x values, ascending, and the total weight at each. */
  xValues: Float64Array;
  xWeight: Float64Array;
  /** Distinct values among all T and t_x, ascending. */
  times: Float64Array;
  /** The distinct triples: index into xValues, index of t_x and of T into times, weight. */
  rowX: Int32Array;
  rowTx: Int32Array;
  rowT: Int32Array;
  rowWeight: Float64Array;
}

interface CleanRows {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  excluded: number;
}

/** x a whole number ≥ 0, T finite ≥ 0, and 0 ≤ t_x ≤ T unless x = 0 (t_x is then ignored). */
export function isClientTriple(x: number, tx: number, T: number): boolean {
  const countOk = Number.isInteger(x) && x >= 0;
  const ageOk = Number.isFinite(T) && T >= 0;
  return countOk && ageOk && (x === 0 || (tx >= 0 && tx <= T));
}

/** A prediction horizon t: finite and ≥ 0. */
export function isHorizon(t: number): boolean {
  return Number.isFinite(t) && t >= 0;
}

function isUsable(x: number, tx: number, T: number, weight: number): boolean {
  return isClientTriple(x, tx, T) && Number.isFinite(weight) && weight > 0;
}

function cleanRows(data: RepeatData): CleanRows {
  const given = Math.max(data.x.length, data.tx.length, data.T.length, data.weight?.length ?? 0);
  const n = Math.min(data.x.length, data.tx.length, data.T.length, data.weight?.length ?? Infinity);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const weight = new Float64Array(n);
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const w = data.weight ? data.weight[i] : 1;
    if (!isUsable(data.x[i], data.tx[i], data.T[i], w)) continue;
    x[kept] = data.x[i];
    tx[kept] = data.x[i] === 0 ? 0 : data.tx[i];
    T[kept] = data.T[i];
    weight[kept] = w;
    kept++;
  }
  return {
    x: x.subarray(0, kept),
    tx: tx.subarray(0, kept),
    T: T.subarray(0, kept),
    weight: weight.subarray(0, kept),
    excluded: given - kept,
  };
}

function distinctSorted(values: Float64Array): Float64Array {
  const sorted = values.sort();
  let count = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[count - 1]) sorted[count++] = sorted[i];
  return sorted.slice(0, count);
}

function isAggregated(data: RepeatData): data is AggregatedRepeatData {
  return 'rowWeight' in data;
}

/** Validates the rows and merges identical triples (see the file comment); aggregated data come back as they are. */
export function aggregateRepeatData(data: RepeatData): AggregatedRepeatData {
  if (isAggregated(data)) return data;
  const rows = cleanRows(data);
  const n = rows.x.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort(
    (i, j) => rows.x[i] - rows.x[j] || rows.tx[i] - rows.tx[j] || rows.T[i] - rows.T[j],
  );
  const allTimes = new Float64Array(2 * n);
  allTimes.set(rows.T);
  allTimes.set(rows.tx, n);
  const times = distinctSorted(allTimes);
  const timeIndex = new Map<number, number>();
  times.forEach((t, k) => timeIndex.set(t, k));

  const xValues: number[] = [];
  const xWeight: number[] = [];
  const rowX: number[] = [];
  const rowTx: number[] = [];
  const rowT: number[] = [];
  const rowWeight: number[] = [];
  let clients = 0;
  let repeaters = 0;
  let sumX = 0;
  let sumT = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const x = rows.x[i];
    const w = rows.weight[i];
    clients += w;
    if (x > 0) repeaters += w;
    sumX += w * x;
    sumT += w * rows.T[i];
    if (xValues.length === 0 || xValues[xValues.length - 1] !== x) {
      xValues.push(x);
      xWeight.push(0);
    }
    xWeight[xWeight.length - 1] += w;
    const previous = k > 0 ? order[k - 1] : -1;
    const same = previous >= 0 && rows.x[previous] === x && rows.tx[previous] === rows.tx[i] && rows.T[previous] === rows.T[i];
    if (same) {
      rowWeight[rowWeight.length - 1] += w;
      continue;
    }
    rowX.push(xValues.length - 1);
    rowTx.push(timeIndex.get(rows.tx[i]) ?? 0);
    rowT.push(timeIndex.get(rows.T[i]) ?? 0);
    rowWeight.push(w);
  }
  const xValuesOut = Float64Array.from(xValues);
  const rowXOut = Int32Array.from(rowX);
  const rowTxOut = Int32Array.from(rowTx);
  const rowTOut = Int32Array.from(rowT);
  const rowWeightOut = Float64Array.from(rowWeight);
  return {
    x: Float64Array.from(rowXOut, (k) => xValuesOut[k]),
    tx: Float64Array.from(rowTxOut, (j) => times[j]),
    T: Float64Array.from(rowTOut, (j) => times[j]),
    weight: rowWeightOut,
    clients,
    repeaters,
    excluded: rows.excluded,
    sumX,
    sumT,
    xValues: xValuesOut,
    xWeight: Float64Array.from(xWeight),
    times,
    rowX: rowXOut,
    rowTx: rowTxOut,
    rowT: rowTOut,
    rowWeight: rowWeightOut,
  };
}
