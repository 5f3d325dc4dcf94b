import { describe, expect, it } from 'vitest';
import { fitBgnbd } from '../../core/model/bgnbd.js';
import { COUNT_MODEL, COUNT_MODELS } from '../../core/model/count-model.js';
import { clientIntervals } from '../../core/model/intervals.js';
import { fitMbgnbd } from '../../core/model/mbgnbd.js';
import { simulateBgnbd } from './simulate.js';

// 10,000 simulated clients over two years of days. The timing is printed, never asserted.
const TRUE = { r: 0.8, alpha: 25, a: 1.2, b: 3 };
const clients = simulateBgnbd(TRUE, 10_000, 730, 42);

describe('fitting 10,000 clients', () => {
  it('recovers the simulated BG/NBD parameters', () => {
    const started = performance.now();
    const fit = fitBgnbd(clients);
    const elapsed = performance.now() - started;
    console.log(`BG/NBD fit of 10,000 clients: ${elapsed.toFixed(1)} ms, ${fit.ok ? fit.iterations : '-'} iterations`);
    expect(fit).toMatchObject({ ok: true, converged: true, clients: 10_000 });
    if (!fit.ok) return;
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      expect(Math.abs(fit.params[key] / TRUE[key] - 1), key).toBeLessThan(0.1);
    }
  });

  it('fits MBG/NBD to the same clients', () => {
    const started = performance.now();
    const fit = fitMbgnbd(clients);
    console.log(`MBG/NBD fit of 10,000 clients: ${(performance.now() - started).toFixed(1)} ms`);
    expect(fit).toMatchObject({ ok: true, converged: true });
  });

  it('fits all three count models and scores every client with its 90 % intervals', () => {
    for (const kind of COUNT_MODELS) {
      const model = COUNT_MODEL[kind];
      const started = performance.now();
      const fit = model.fit(clients);
      const fitted = performance.now();
      expect(fit).toMatchObject({ ok: true, clients: 10_000 });
      if (!fit.ok) continue;
      let finite = 0;
      for (let i = 0; i < clients.x.length; i++) {
        finite += Number(Number.isFinite(model.pAlive(fit.params, clients.x[i], clients.tx[i], clients.T[i])));
        finite += Number(Number.isFinite(model.conditionalExpected(fit.params, 365, clients.x[i], clients.tx[i], clients.T[i])));
      }
      const scored = performance.now();
      const intervals = clientIntervals(model, fit.params, fit.covariance)!;
      for (let i = 0; i < clients.x.length; i++) {
        const alive = intervals.pAlive(clients.x[i], clients.tx[i], clients.T[i]);
        const expected = intervals.conditionalExpected(365, clients.x[i], clients.tx[i], clients.T[i]);
        finite += Number(alive.low <= alive.high && alive.high <= 1 && expected.low <= expected.high);
      }
      const ended = performance.now();
      console.log(
        `${kind} on 10,000 clients: fit ${(fitted - started).toFixed(0)} ms, P(alive) + E[Y(365)] ${(scored - fitted).toFixed(0)} ms, ` +
          `both intervals ${(ended - scored).toFixed(0)} ms`,
      );
      expect(finite).toBe(30_000);
    }
  });
});
