/**
 * One interface for the three count models — BG/NBD, MBG/NBD and Pareto/NBD — so a caller (the
 * backtest, `--model auto`) can fit, score and compare them without knowing which is which.
 *
 * Definition: `COUNT_MODEL[kind]` gives the model's parameter names (BG/NBD and MBG/NBD: r, α,
 * a, b; Pareto/NBD: r, α, s, β), its never-throwing maximum-likelihood fit (repeat-fit.ts: ok
 * with `params` keyed by those names and the covariance of the estimates in that order, or a
 * FitFailure with code too-few-repeaters | did-not-converge | no-dropout and the attempted
 * optimum), and its per-client functions with the same arguments as the models' own:
 * `logLikelihood(params, data)`, `pAlive(params, x, t_x, T)`,
 * `conditionalExpected(params, t, x, t_x, T)` (expected repeat purchases in (T, T + t]) and
 * `expected(params, t)` (E[X(t)], a new client's expected repeat purchases in its first t).
 * Every function here is the model's own function; this file only renames the parameters.
 *
 * Edge cases: a parameter missing from `params`, or not finite and > 0, gives NaN, as does
 * invalid client data. A `start` in the fit options is read by name; a missing name falls back
 * to the model's default start for that parameter's scale (fit-positive.ts).
 *
 * Worked example: `COUNT_MODEL.paretonbd.fit(cdnowWeeks)` → params { r: 0.5533, alpha: 10.578,
 * s: 0.6062, beta: 11.668 }, and `COUNT_MODEL.paretonbd.pAlive(params, 26, 30.86, 31)` ≈ 0.998;
 * `COUNT_MODEL.bgnbd.fit(cdnowWeeks)` → { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 }.
 */
import { bgnbdConditionalExpected, bgnbdExpected, bgnbdLogLikelihood, bgnbdPAlive, fitBgnbd } from './bgnbd.js';
import type { FitFailure } from './fit-positive.js';
import { fitMbgnbd, mbgnbdConditionalExpected, mbgnbdExpected, mbgnbdLogLikelihood, mbgnbdPAlive } from './mbgnbd.js';
import type { NbdFitOptions, NbdFitResult, NbdParams } from './nbd-fit.js';
import {
  fitParetoNbd,
  paretoNbdConditionalExpected,
  paretoNbdExpected,
  paretoNbdLogLikelihood,
  paretoNbdPAlive,
  type ParetoFitResult,
  type ParetoParams,
} from './paretonbd.js';
import type { ModelFitSuccess } from './repeat-fit.js';
import type { RepeatData } from './repeat-data.js';

export const COUNT_MODELS = ['bgnbd', 'mbgnbd', 'paretonbd'] as const;
export type CountModelKind = (typeof COUNT_MODELS)[number];

/** Parameters by name (see `CountModel.paramNames`). */
export type CountParams = Record<string, number>;

export interface CountFitOptions {
  /** Start of the search by parameter name (default: the model's own). */
  start?: CountParams;
  /** Cap on likelihood evaluations per optimizer. */
  maxEvaluations?: number;
}

export type CountFitSuccess = ModelFitSuccess<CountParams>;

export type CountFitResult = CountFitSuccess | FitFailure;

export interface CountModel {
  kind: CountModelKind;
  paramNames: readonly string[];
  fit(data: RepeatData, options?: CountFitOptions): CountFitResult;
  logLikelihood(params: CountParams, data: RepeatData): number;
  pAlive(params: CountParams, x: number, tx: number, T: number): number;
  conditionalExpected(params: CountParams, t: number, x: number, tx: number, T: number): number;
  expected(params: CountParams, t: number): number;
}

const NBD_NAMES = ['r', 'alpha', 'a', 'b'] as const;
const PARETO_NAMES = ['r', 'alpha', 's', 'beta'] as const;

/** The named parameters (NaN where one is missing). */
function pick<K extends string>(names: readonly K[], params: CountParams): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const name of names) out[name] = params[name] ?? NaN;
  return out;
}

function widen(fit: NbdFitResult | ParetoFitResult): CountFitResult {
  return fit.ok ? { ...fit, params: { ...fit.params } } : fit;
}

function nbdModel(
  kind: 'bgnbd' | 'mbgnbd',
  fit: (data: RepeatData, options?: NbdFitOptions) => NbdFitResult,
  logLikelihood: (params: NbdParams, data: RepeatData) => number,
  pAlive: (params: NbdParams, x: number, tx: number, T: number) => number,
  conditionalExpected: (params: NbdParams, t: number, x: number, tx: number, T: number) => number,
  expected: (params: NbdParams, t: number) => number,
): CountModel {
  return {
    kind,
    paramNames: NBD_NAMES,
    fit: (data, options = {}) =>
      widen(fit(data, { start: options.start && pick(NBD_NAMES, options.start), maxEvaluations: options.maxEvaluations })),
    logLikelihood: (params, data) => logLikelihood(pick(NBD_NAMES, params), data),
    pAlive: (params, x, tx, T) => pAlive(pick(NBD_NAMES, params), x, tx, T),
    conditionalExpected: (params, t, x, tx, T) => conditionalExpected(pick(NBD_NAMES, params), t, x, tx, T),
    expected: (params, t) => expected(pick(NBD_NAMES, params), t),
  };
}

const paretoModel: CountModel = {
  kind: 'paretonbd',
  paramNames: PARETO_NAMES,
  fit: (data, options = {}) =>
    widen(fitParetoNbd(data, { start: options.start && (pick(PARETO_NAMES, options.start) as ParetoParams), maxEvaluations: options.maxEvaluations })),
  logLikelihood: (params, data) => paretoNbdLogLikelihood(pick(PARETO_NAMES, params), data),
  pAlive: (params, x, tx, T) => paretoNbdPAlive(pick(PARETO_NAMES, params), x, tx, T),
  conditionalExpected: (params, t, x, tx, T) => paretoNbdConditionalExpected(pick(PARETO_NAMES, params), t, x, tx, T),
  expected: (params, t) => paretoNbdExpected(pick(PARETO_NAMES, params), t),
};

export const COUNT_MODEL: Record<CountModelKind, CountModel> = {
  bgnbd: nbdModel('bgnbd', fitBgnbd, bgnbdLogLikelihood, bgnbdPAlive, bgnbdConditionalExpected, bgnbdExpected),
  mbgnbd: nbdModel('mbgnbd', fitMbgnbd, mbgnbdLogLikelihood, mbgnbdPAlive, mbgnbdConditionalExpected, mbgnbdExpected),
  paretonbd: paretoModel,
};
