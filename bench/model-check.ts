/**
 * The speed goal of issue 15 for `npm run bench`: the whole model check — BG/NBD, MBG/NBD and
 * Pareto/NBD fitted on all the data and on the calibration stretch, the backtest's scoring, the
 * choice, the Gamma-Gamma fit and every client's scores with their intervals — on 10,000 clients,
 * timed as `fitClientModel` (core/analyze/client-model.ts) runs it inside `analyze`.
 *
 * The history is generated from a BG/NBD buying process in days, seeded, so every model has a
 * drop-out to find (a history where nobody leaves would skip the fits' hardest part): each client's
 * first purchase falls uniformly in the first two of three years; it buys at an exponential rate
 * with mean 1/45 a day (Gamma r = 1, α = 45 days) and after each purchase leaves with a
 * probability drawn from Beta(1, 3); the value of its purchase days follows the Gamma-Gamma model
 * (Fader & Hardie 2013: Gamma(p = 6, ν) with ν ~ Gamma(q = 3, γ = 500), a mean of 1,500), so the
 * spend model too has clients that differ to find. (With the same spend for everyone the
 * Gamma-Gamma fit runs q and γ toward infinity until its evaluation budget is spent, which alone
 * takes about 0.6 s on 10,000 clients.)
 */
import { buildFacts } from '../core/analyze/facts.js';
import { fitClientModel, type ClientModel } from '../core/analyze/client-model.js';
import { dayFromYmd } from '../core/basics/calendar.js';
import { DEFAULT_STATUS_RULES } from '../core/metrics/status.js';
import { salesColumns } from '../core/read/sales-columns.js';
import type { SaleLine } from '../core/read/types.js';
import { random } from './random.js';

export const MODEL_CHECK_CLIENTS = 10_000;
const AS_OF = dayFromYmd(2026, 6, 30);
const SPAN = 3 * 365;

/** Gamma(shape, 1) for a whole shape: the sum of `shape` exponential draws. */
function gammaWhole(shape: number, next: () => number): number {
  let sum = 0;
  for (let k = 0; k < shape; k++) sum -= Math.log(1 - next());
  return sum;
}

/** The sales lines of `clients` clients bought by the process of the file comment. */
export function modelCheckLines(clients: number): SaleLine[] {
  const next = random(15_015);
  const lines: SaleLine[] = [];
  for (let c = 0; c < clients; c++) {
    const client = `Client ${c + 1}`;
    const rate = -Math.log(1 - next()) / 45;
    const leave = 1 - (1 - next()) ** (1 / 3);
    const nu = gammaWhole(3, next) / 500;
    let day = AS_OF - SPAN + Math.floor(next() * (2 * 365));
    for (;;) {
      lines.push({ row: lines.length + 2, client, day, amount: Math.round((gammaWhole(6, next) / nu) * 100) });
      if (next() < leave) break;
      day += Math.max(1, Math.round(-Math.log(1 - next()) / rate));
      if (day > AS_OF) break;
    }
  }
  return lines;
}

export interface ModelCheckTiming {
  clients: number;
  lines: number;
  /** Wall seconds of each run of the check, in order; the first includes the compilation of the code. */
  seconds: number[];
  used: ClientModel['results']['used'];
}

/** Times the whole check `runs` times on the same facts. */
export function modelCheckBenchmark(runs = 3): ModelCheckTiming {
  const lines = modelCheckLines(MODEL_CHECK_CLIENTS);
  const facts = buildFacts(salesColumns(lines), AS_OF, 'amount');
  const seconds: number[] = [];
  let used: ClientModel['results']['used'] = null;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const model = fitClientModel(facts, { kind: 'auto', rules: DEFAULT_STATUS_RULES, check: true });
    seconds.push((performance.now() - started) / 1000);
    used = model.results.used;
  }
  return { clients: facts.names.length, lines: lines.length, seconds, used };
}
