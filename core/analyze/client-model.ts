/**
 * The purchase models over all clients and each client's scores (SPEC §7, §7a): BG/NBD and
 * MBG/NBD are both fitted, with x = purchase days − 1, t_x = last − first purchase day and
 * T = asOf − first purchase day, in days; the model used scores every client — P(alive), the
 * purchase days expected in the next 90 days, and the value expected in the next 12 months
 * (expected purchase days in 365 days × the Gamma-Gamma value of a purchase day).
 *
 * Which model: `bgnbd` or `mbgnbd` when asked for; `auto` takes MBG/NBD, which does not call a
 * one-time buyer certainly alive (BG/NBD does: every lost one-off client would show P(alive) 100 %).
 * A model whose fit is not informative (too few repeaters, no sign of anyone leaving, no optimum)
 * gives no scores: P(alive) and the expected values stay empty and `skipped` says why; the
 * attempted parameters are kept, so the report can show what the data do say.
 *
 * Gamma-Gamma is fitted on the clients whose repeat purchase days have a positive mean value; a
 * client whose repeat days do not (a loss-making client under the profit measure) gets no expected
 * value — never the population mean. A client without a repeat day gets the population mean value
 * of a purchase day (Fader & Hardie 2013).
 */
import type { BgnbdSummary, GammaGammaSummary, ModelKind, ModelResults, ModelSkipped, ModelWhy } from './analysis.js';
import { firstPurchaseDay, lastPurchaseDay, measureScale, purchaseCount, purchaseValuesOf, type Facts } from './facts.js';
import { bgnbd, conditionalExpectedAverageValue, fitGammaGamma, mbgnbd, type BgnbdFamily, type NbdFitResult } from '../model/index.js';

export const EXPECTED_HORIZON_DAYS = 90;
export const VALUE_HORIZON_DAYS = 365;

export interface ClientModel {
  results: ModelResults;
  pAlive: (number | null)[];
  expected90: (number | null)[];
  expectedValue12m: (number | null)[];
}

const FAMILIES: Record<'bgnbd' | 'mbgnbd', BgnbdFamily> = { bgnbd, mbgnbd };

export function fitClientModel(facts: Facts, kind: ModelKind): ClientModel {
  const clients = facts.names.length;
  const empty = (results: ModelResults): ClientModel => ({
    results,
    pAlive: new Array(clients).fill(null),
    expected90: new Array(clients).fill(null),
    expectedValue12m: new Array(clients).fill(null),
  });
  if (kind === 'none') {
    return empty({ used: null, why: 'disabled', bgnbd: null, mbgnbd: null, gammaGamma: null, skipped: { code: 'disabled' } });
  }
  const data = recencyFrequency(facts);
  const fits = { bgnbd: summaryOf('bgnbd', bgnbd.fit(data)), mbgnbd: summaryOf('mbgnbd', mbgnbd.fit(data)) };
  const chosen = kind === 'auto' ? 'mbgnbd' : kind;
  const why: ModelWhy = kind === 'auto' ? 'auto-mbgnbd' : 'requested';
  const { summary: params, skipped } = fits[chosen];
  if (skipped || !params) {
    return empty({ used: null, why: 'not-informative', bgnbd: fits.bgnbd.summary, mbgnbd: fits.mbgnbd.summary, gammaGamma: null, skipped });
  }
  const family = FAMILIES[chosen];
  const zbar = repeatDayMeans(facts, data.clients);
  const spend = fitGammaGamma({ x: data.x, zbar });
  const pAlive: (number | null)[] = new Array(clients).fill(null);
  const expected90: (number | null)[] = new Array(clients).fill(null);
  const expectedValue12m: (number | null)[] = new Array(clients).fill(null);
  for (let k = 0; k < data.clients.length; k++) {
    const c = data.clients[k];
    const [x, tx, T] = [data.x[k], data.tx[k], data.T[k]];
    pAlive[c] = finiteOrNull(family.pAlive(params, x, tx, T));
    expected90[c] = finiteOrNull(family.conditionalExpected(params, EXPECTED_HORIZON_DAYS, x, tx, T));
    const spendsPositively = x === 0 || zbar[k] > 0;
    if (spend.ok && spendsPositively) {
      const days = family.conditionalExpected(params, VALUE_HORIZON_DAYS, x, tx, T);
      expectedValue12m[c] = finiteOrNull(days * conditionalExpectedAverageValue(spend.params, x, zbar[k]));
    }
  }
  const gammaGamma: GammaGammaSummary | null = spend.ok ? { ...spend.params, logLikelihood: spend.logLikelihood, clients: spend.clients } : null;
  return {
    results: { used: chosen, why, bgnbd: fits.bgnbd.summary, mbgnbd: fits.mbgnbd.summary, gammaGamma, skipped: null },
    pAlive,
    expected90,
    expectedValue12m,
  };
}

/** A fit as the analysis reports it: its parameters (attempted ones when not informative) and its verdict. */
function summaryOf(kind: 'bgnbd' | 'mbgnbd', fit: NbdFitResult): { summary: BgnbdSummary | null; skipped: ModelSkipped | null } {
  if (fit.ok) {
    const summary: BgnbdSummary = { kind, ...fit.params, logLikelihood: fit.logLikelihood, timeUnit: 'day', converged: fit.converged, iterations: fit.iterations };
    return { summary, skipped: null };
  }
  const skipped: ModelSkipped = { code: fit.code };
  if (!fit.attempt) return { summary: null, skipped };
  const [r, alpha, a, b] = fit.attempt.values;
  return { summary: { kind, r, alpha, a, b, logLikelihood: fit.attempt.logLikelihood, timeUnit: 'day', converged: false, iterations: 0, skipped }, skipped };
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
