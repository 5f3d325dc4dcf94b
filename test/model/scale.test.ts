import { describe, expect, it } from 'vitest';
import { fitBgnbd } from '../../core/model/bgnbd.js';
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
});
