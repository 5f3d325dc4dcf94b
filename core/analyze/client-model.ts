/**
 * Fits the BG/NBD (or MBG/NBD) model over all clients and scores each one (SPEC §7): with
 * x = purchase days − 1, t_x = last − first purchase day and T = asOf − first purchase day, in
 * days. Reports P(alive) and the expected purchase days in the next 90 days per client; when the
 * data cannot support a fit, both stay empty and `skipped` says why.
 */
import type { BgnbdSummary, ModelKind, ModelSkipped } from './analysis.js';
import { firstPurchaseDay, lastPurchaseDay, measureScale, purchaseCount, purchaseValuesOf, type Facts } from './facts.js';
import { bgnbd, conditionalExpectedAverageValue, fitGammaGamma, mbgnbd, type BgnbdFamily } from '../model/index.js';

export const EXPECTED_HORIZON_DAYS = 90;
export const VALUE_HORIZON_DAYS = 365;
/**
 * Below this mean dropout probability per repeat purchase, E[p] = a / (a + b), the fit says that
 * nobody leaves (seen on Online Retail and Superstore: a ≈ 1e-7): P(alive) would be 100 % for
 * clients silent for a year, so the model is reported as not informative instead.
 */
export const MIN_DROPOUT = 1e-4;

export interface ClientModel {
  summary: BgnbdSummary | null;
  skipped: ModelSkipped | null;
  pAlive: (number | null)[];
  expected90: (number | null)[];
  expectedValue12m: (number | null)[];
}

export function fitClientModel(facts: Facts, kind: ModelKind): ClientModel {
  const clients = facts.names.length;
  const empty = (skipped: ModelSkipped): ClientModel => ({
    summary: null,
    skipped,
    pAlive: new Array(clients).fill(null),
    expected90: new Array(clients).fill(null),
    expectedValue12m: new Array(clients).fill(null),
  });
  if (kind === 'none') return empty({ code: 'disabled' });
  const data = recencyFrequency(facts);
  const family: BgnbdFamily = kind === 'mbgnbd' ? mbgnbd : bgnbd;
  const fit = family.fit(data);
  if (!fit.ok) return empty({ code: fit.code });
  if (fit.params.a / (fit.params.a + fit.params.b) < MIN_DROPOUT) {
    return empty({ code: 'no-dropout' });
  }
  const pAlive: (number | null)[] = new Array(clients).fill(null);
  const expected90: (number | null)[] = new Array(clients).fill(null);
  const expectedValue12m: (number | null)[] = new Array(clients).fill(null);
  const zbar = repeatDayMeans(facts, data.clients);
  const spend = fitGammaGamma({ x: data.x, zbar });
  for (let k = 0; k < data.clients.length; k++) {
    const c = data.clients[k];
    if (spend.ok) {
      const days = family.conditionalExpected(fit.params, VALUE_HORIZON_DAYS, data.x[k], data.tx[k], data.T[k]);
      const dayValue = conditionalExpectedAverageValue(spend.params, zbar[k] > 0 ? data.x[k] : 0, zbar[k]);
      expectedValue12m[c] = finiteOrNull(days * dayValue);
    }
    pAlive[c] = finiteOrNull(family.pAlive(fit.params, data.x[k], data.tx[k], data.T[k]));
    expected90[c] = finiteOrNull(family.conditionalExpected(fit.params, EXPECTED_HORIZON_DAYS, data.x[k], data.tx[k], data.T[k]));
  }
  return {
    summary: {
      kind,
      ...fit.params,
      logLikelihood: fit.logLikelihood,
      timeUnit: 'day',
      converged: fit.converged,
      iterations: fit.iterations,
    },
    skipped: null,
    pAlive,
    expected90,
    expectedValue12m,
  };
}

/**
 * Gamma-Gamma's z̄ per client: the mean value (in the measure's units) of its repeat purchase
 * days — every purchase day but the first, as in Fader & Hardie (2013); 0 without repeats.
 */
function repeatDayMeans(facts: Facts, rows: Int32Array): Float64Array {
  const scale = measureScale(facts.measure);
  return Float64Array.from(rows, (c) => {
    const values = purchaseValuesOf(facts, c);
    let sum = 0;
    for (let p = 1; p < values.length; p++) sum += values[p];
    return values.length > 1 ? sum / (values.length - 1) / scale : 0;
  });
}

/** (x, t_x, T) in days for every client with a purchase day, and which client each row is. */
function recencyFrequency(facts: Facts): { clients: Int32Array; x: Float64Array; tx: Float64Array; T: Float64Array } {
  const rows: number[] = [];
  facts.names.forEach((_, c) => {
    if (purchaseCount(facts, c) > 0) rows.push(c);
  });
  const x = new Float64Array(rows.length);
  const tx = new Float64Array(rows.length);
  const T = new Float64Array(rows.length);
  rows.forEach((c, k) => {
    const first = firstPurchaseDay(facts, c)!;
    const last = lastPurchaseDay(facts, c)!;
    x[k] = purchaseCount(facts, c) - 1;
    tx[k] = last - first;
    T[k] = facts.asOf - first;
  });
  return { clients: Int32Array.from(rows), x, tx, T };
}

/** A score the model could not compute (NaN at extreme parameters) is left empty, never NaN. */
function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
