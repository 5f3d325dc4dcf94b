import { describe, expect, it } from 'vitest';
import { checkOptions, periodsRule, satisfies } from '../../core/options/check-options.js';
import { PERIODS_LIMIT } from '../../core/options/choices.js';

describe('checkOptions', () => {
  it('accepts the defaults and fills in what was not given', () => {
    const checked = checkOptions({ periods: 8 });
    expect(checked.ok && checked.options.periods).toBe(8);
    expect(checked.ok && checked.options.abc).toEqual({ a: 0.8, b: 0.95 });
  });

  it('limits the window to ten years of the period kind', () => {
    expect(PERIODS_LIMIT).toEqual({ month: 120, quarter: 40, week: 520 });
    expect(checkOptions({ period: 'month', periods: 120 }).ok).toBe(true);
    expect(checkOptions({ period: 'month', periods: 121 })).toEqual({ ok: false, problem: { option: 'periods', rule: periodsRule('month') } });
    expect(checkOptions({ period: 'quarter', periods: 41 })).toMatchObject({ ok: false, problem: { option: 'periods' } });
    expect(checkOptions({ period: 'week', periods: 520 }).ok).toBe(true);
    expect(checkOptions({ periods: 2.5 })).toMatchObject({ ok: false, problem: { option: 'periods' } });
  });

  it('names the first option out of its rule', () => {
    expect(checkOptions({ abc: { a: 0.9, b: 0.85 } })).toEqual({ ok: false, problem: { option: 'abc.b', rule: { kind: 'between', min: 0.9, max: 1, maxInclusive: true } } });
    expect(checkOptions({ tiers: { gold: 1 } })).toMatchObject({ ok: false, problem: { option: 'tiers.gold' } });
    expect(checkOptions({ xyz: { x: 1, y: 0.5 } })).toMatchObject({ ok: false, problem: { option: 'xyz.y' } });
    expect(checkOptions({ status: { riskFactor: 3, lostFactor: 2 } })).toMatchObject({ ok: false, problem: { option: 'status.lostFactor' } });
    expect(checkOptions({ status: { newDays: 0 } })).toMatchObject({ ok: false, problem: { option: 'status.newDays' } });
    expect(checkOptions({ measure: 'margin' as never })).toMatchObject({ ok: false, problem: { option: 'measure', rule: { kind: 'oneOf' } } });
    expect(checkOptions({ asOf: 1.5 })).toMatchObject({ ok: false, problem: { option: 'asOf' } });
  });

  it('takes a currency code or none, and no currency at all (the input decides)', () => {
    for (const currency of ['RUB', 'USD', 'EUR', 'GBP', 'none'] as const) expect(checkOptions({ currency }).ok).toBe(true);
    const absent = checkOptions({});
    expect(absent.ok && absent.options.currency).toBeUndefined();
    expect(checkOptions({ currency: 'rub' as never })).toEqual({
      ok: false,
      problem: { option: 'currency', rule: { kind: 'oneOf', choices: ['RUB', 'USD', 'EUR', 'GBP', 'none'], optional: true } },
    });
    expect(checkOptions({ currency: 'KZT' as never })).toMatchObject({ ok: false, problem: { option: 'currency' } });
  });

  it('tells whether a value keeps a rule', () => {
    expect(satisfies(1, { kind: 'between', min: 0.5, max: 1, maxInclusive: true })).toBe(true);
    expect(satisfies(1, { kind: 'between', min: 0.5, max: 1, maxInclusive: false })).toBe(false);
    expect(satisfies(Number.POSITIVE_INFINITY, { kind: 'above', than: 0 })).toBe(false);
    expect(satisfies('week', { kind: 'oneOf', choices: ['month', 'week'] })).toBe(true);
  });
});
