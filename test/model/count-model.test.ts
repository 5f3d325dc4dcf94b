import { describe, expect, it } from 'vitest';
import { bgnbdConditionalExpected, bgnbdExpected, bgnbdPAlive, fitBgnbd } from '../../core/model/bgnbd.js';
import { COUNT_MODEL, COUNT_MODELS, type CountFitResult } from '../../core/model/count-model.js';
import { fitMbgnbd, mbgnbdConditionalExpected, mbgnbdExpected, mbgnbdPAlive } from '../../core/model/mbgnbd.js';
import { fitParetoNbd, paretoNbdConditionalExpected, paretoNbdExpected, paretoNbdPAlive } from '../../core/model/paretonbd.js';
import { hyp2f1 } from '../../core/model/special.js';
import { cdnowSummary } from './cdnow.js';

const summary = cdnowSummary();
const direct = { bgnbd: fitBgnbd(summary), mbgnbd: fitMbgnbd(summary), paretonbd: fitParetoNbd(summary) };
const own = {
  bgnbd: { pAlive: bgnbdPAlive, conditionalExpected: bgnbdConditionalExpected, expected: bgnbdExpected },
  mbgnbd: { pAlive: mbgnbdPAlive, conditionalExpected: mbgnbdConditionalExpected, expected: mbgnbdExpected },
  paretonbd: { pAlive: paretoNbdPAlive, conditionalExpected: paretoNbdConditionalExpected, expected: paretoNbdExpected },
} as const;

function ok(fit: CountFitResult) {
  if (!fit.ok) throw new Error(`fit failed: ${fit.code}`);
  return fit;
}

describe('COUNT_MODEL: one interface for BG/NBD, MBG/NBD and Pareto/NBD', () => {
  it('lists the three kinds with their parameter names', () => {
    expect(COUNT_MODELS).toEqual(['bgnbd', 'mbgnbd', 'paretonbd']);
    expect(COUNT_MODEL.bgnbd.paramNames).toEqual(['r', 'alpha', 'a', 'b']);
    expect(COUNT_MODEL.mbgnbd.paramNames).toEqual(['r', 'alpha', 'a', 'b']);
    expect(COUNT_MODEL.paretonbd.paramNames).toEqual(['r', 'alpha', 's', 'beta']);
    for (const kind of COUNT_MODELS) expect(COUNT_MODEL[kind].kind).toBe(kind);
  });

  it.each(COUNT_MODELS)('%s: fits and scores exactly as the model itself', (kind) => {
    const model = COUNT_MODEL[kind];
    const fit = ok(model.fit(summary));
    const mine = direct[kind];
    expect(mine.ok).toBe(true);
    if (!mine.ok) return;
    expect(fit.params).toEqual({ ...mine.params });
    expect(Object.keys(fit.params)).toEqual(model.paramNames);
    expect(fit.logLikelihood).toBe(mine.logLikelihood);
    expect(fit.logLikelihood).toBeCloseTo(model.logLikelihood(fit.params, summary), 9);
    expect(fit.covariance).toHaveLength(4);
    expect(fit.covariance!.every((row) => row.length === 4 && row.every(Number.isFinite))).toBe(true);
    expect([fit.clients, fit.excluded]).toEqual([2357, 0]);
    const typed = mine.params as never;
    for (const [x, tx, T] of [[0, 0, 38.86], [2, 30.43, 38.86], [26, 30.86, 31]] as const) {
      expect(model.pAlive(fit.params, x, tx, T)).toBe(own[kind].pAlive(typed, x, tx, T));
      expect(model.conditionalExpected(fit.params, 39, x, tx, T)).toBe(own[kind].conditionalExpected(typed, 39, x, tx, T));
    }
    expect(model.expected(fit.params, 52)).toBe(own[kind].expected(typed, 52));
  });

  it.each(COUNT_MODELS)('%s: reads a start by name, and gives NaN for a missing parameter', (kind) => {
    const model = COUNT_MODEL[kind];
    const fitted = ok(model.fit(summary)).params;
    const far = ok(model.fit(summary, { start: Object.fromEntries(model.paramNames.map((n) => [n, fitted[n] * 3])) })).params;
    for (const name of model.paramNames) expect(Math.abs(far[name] / fitted[name] - 1), name).toBeLessThan(1e-4);
    const { r: _dropped, ...withoutR } = fitted;
    expect(model.pAlive(withoutR, 2, 30.43, 38.86)).toBeNaN();
    expect(model.expected(withoutR, 52)).toBeNaN();
    expect(model.logLikelihood(withoutR, summary)).toBeNaN();
  });

  it("gives MBG/NBD's E[X(t)] = b/(a − 1)[1 − (α/(α + t))^r 2F1(r, b + 1; a + b; t/(α + t))]", () => {
    const p = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
    for (const t of [1, 39, 200]) {
      const formula = (p.b / (p.a - 1)) * (1 - (p.alpha / (p.alpha + t)) ** p.r * hyp2f1(p.r, p.b + 1, p.a + p.b, t / (p.alpha + t)));
      expect(COUNT_MODEL.mbgnbd.expected(p, t)).toBeCloseTo(formula, 10);
    }
  });

  it('passes a failure through unchanged', () => {
    for (const kind of COUNT_MODELS) {
      expect(COUNT_MODEL[kind].fit({ x: [1, 0], tx: [1, 0], T: [2, 2] })).toMatchObject({ ok: false, code: 'too-few-repeaters' });
    }
  });
});
