/**
 * The purchase-model library: BG/NBD, MBG/NBD and Pareto/NBD (who is still a client, how much
 * they will buy), the Gamma-Gamma spend model, the covariance of fitted parameters, and the
 * special functions and optimizer behind them.
 *
 * Typical use (SPEC §7): build x, t_x, T in days per client, `bgnbd.fit(data)`, then per client
 * `bgnbd.pAlive(params, x, tx, T)` and `bgnbd.conditionalExpected(params, 90, x, tx, T)`. Fits
 * return `{ ok: false, code, message }` instead of throwing; per-client functions return NaN for
 * invalid input. To treat the three count models alike (the backtest, `--model auto`), use
 * `COUNT_MODEL[kind]` (count-model.ts: params by name, the same fit outcomes, `covariance`), and
 * `clientIntervals(model, params, covariance)` for 90 % intervals per client and `valueIntervals` for
 * the expected value's (intervals.ts).
 *
 * Worked example: on the CDNOW sample in weeks, `bgnbd.fit` gives r = 0.2426, α = 4.4135,
 * a = 0.7929, b = 2.4258; client (x = 2, t_x = 30.43, T = 38.86) has P(alive) 0.7266.
 */
export { digamma, gammaSign, hyp2f1, logBeta, logGamma } from './special.js';
export { minimize, minimizeSmooth, type MinimizeOptions, type MinimizeResult, type SmoothMinimizeOptions } from './optimize.js';
export { aggregateRepeatData, isClientTriple, type AggregatedRepeatData, type RepeatData } from './repeat-data.js';
export type { FitFailure, FitFailureCode } from './fit-positive.js';
export {
  MIN_CLIENTS,
  MIN_DROPOUT,
  MIN_REPEATERS,
  isValidNbdParams,
  type BgnbdFamily,
  type NbdFitOptions,
  type NbdFitResult,
  type NbdFitSuccess,
  type NbdParams,
} from './nbd-fit.js';
export {
  bgnbd,
  bgnbdConditionalExpected,
  bgnbdExpected,
  bgnbdLogLikelihood,
  bgnbdPAlive,
  bgnbdProbNPurchases,
  fitBgnbd,
} from './bgnbd.js';
export {
  fitParetoNbd,
  isValidParetoParams,
  paretonbd,
  paretoNbdConditionalExpected,
  paretoNbdExpected,
  paretoNbdLogLikelihood,
  paretoNbdPAlive,
  type ParetoFitOptions,
  type ParetoFitResult,
  type ParetoFitSuccess,
  type ParetoParams,
} from './paretonbd.js';
export { inversePositiveDefinite, observedCovariance } from './covariance.js';
export {
  clientIntervals,
  conditionalExpectedInterval,
  normalQuantile,
  pAliveInterval,
  valueIntervals,
  type ClientIntervals,
  type Interval,
  type ValueIntervals,
} from './intervals.js';
export { fitMbgnbd, mbgnbd, mbgnbdConditionalExpected, mbgnbdExpected, mbgnbdLogLikelihood, mbgnbdPAlive } from './mbgnbd.js';
export {
  COUNT_MODEL,
  COUNT_MODELS,
  type CountFitOptions,
  type CountFitResult,
  type CountFitSuccess,
  type CountModel,
  type CountModelKind,
  type CountParams,
} from './count-model.js';
export {
  MIN_SPENDERS,
  conditionalExpectedAverageValue,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  type GammaGammaFitOptions,
  type GammaGammaFitResult,
  type GammaGammaFitSuccess,
  type GammaGammaParams,
  type SpendData,
} from './gammagamma.js';
