import { describe, expect, it } from 'vitest';
import { COUNT_MODEL, type CountModelKind } from '../../core/model/count-model.js';
import { simulateBgnbd, simulateMbgnbd, simulateParetoNbd, type SimulatedClients } from './simulate.js';

// Parameter recovery: data sets of 5,000 clients over two years, simulated from known parameters
// (daily rates a B2B distributor might see) in continuous time (simulate.ts: day counting merges
// same-day purchases and would bias α), fitted, and each estimate compared with the truth in
// standard errors from the fit's covariance, z = (estimate − truth)/se.
// One data set is not enough to judge "within its 95 % interval": with four correlated parameters
// a data set misses somewhere by luck alone about one time in six. So each model gets SETS data
// sets (fixed seeds) and must (a) cover the truth with estimate ± 1.96·se in at least 20 of the
// 4 · SETS = 24 intervals (expected 22.8; fewer than 20 happens by chance well under 5 % of the
// time even with r and α missing together), and (b) show no bias: the mean z of each parameter
// within ±1.2 (its standard deviation over 6 sets is 0.41, so this is ~3 sd). A wrong likelihood,
// gradient or covariance fails both by far.
const SETS = 6;
const NBD = { r: 0.8, alpha: 25, a: 1.2, b: 3 };
const PARETO = { r: 0.8, alpha: 25, s: 0.9, beta: 300 };
const CASES: { kind: CountModelKind; truth: Record<string, number>; simulate: (seed: number) => SimulatedClients }[] = [
  { kind: 'bgnbd', truth: NBD, simulate: (seed) => simulateBgnbd(NBD, 5000, 730, seed, true) },
  { kind: 'mbgnbd', truth: NBD, simulate: (seed) => simulateMbgnbd(NBD, 5000, 730, seed, true) },
  { kind: 'paretonbd', truth: PARETO, simulate: (seed) => simulateParetoNbd(PARETO, 5000, 730, seed, true) },
];

describe('parameter recovery on 5,000 simulated clients', () => {
  it.each(CASES)('$kind: the 95 % intervals cover the truth, without bias', ({ kind, truth, simulate }) => {
    const model = COUNT_MODEL[kind];
    const z: number[][] = [];
    for (let seed = 1; seed <= SETS; seed++) {
      const fit = model.fit(simulate(seed));
      expect(fit).toMatchObject({ ok: true, converged: true, clients: 5000 });
      if (!fit.ok || !fit.covariance) throw new Error(`${kind} seed ${seed}: no covariance`);
      z.push(model.paramNames.map((name, i) => (fit.params[name] - truth[name]) / Math.sqrt(fit.covariance![i][i])));
    }
    const covered = z.flat().filter((v) => Math.abs(v) < 1.96).length;
    expect(covered, `z = ${JSON.stringify(z.map((row) => row.map((v) => +v.toFixed(2))))}`).toBeGreaterThanOrEqual(20);
    model.paramNames.forEach((name, i) => {
      const mean = z.reduce((acc, row) => acc + row[i], 0) / SETS;
      expect(Math.abs(mean), `mean z of ${name}`).toBeLessThan(1.2);
    });
  });
});
