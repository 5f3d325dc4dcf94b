import { describe, expect, it } from 'vitest';
import { CURRENCY_SIGNS, moneyCurrency, reportCurrency } from '../../core/options/currency.js';
import { parseNumber, type NumberShape } from '../../core/read/parse-number.js';

describe('reportCurrency', () => {
  it('takes the one currency the input showed when none was chosen', () => {
    expect(reportCurrency(undefined, ['RUB'])).toBe('RUB');
    expect(reportCurrency(undefined, ['USD'])).toBe('USD');
  });

  it('shows none when the input showed none, or more than one', () => {
    expect(reportCurrency(undefined, [])).toBeNull();
    expect(reportCurrency(undefined, ['RUB', 'USD'])).toBeNull();
  });

  it('follows the choice over what the input showed', () => {
    expect(reportCurrency('EUR', ['RUB'])).toBe('EUR');
    expect(reportCurrency('GBP', [])).toBe('GBP');
    expect(reportCurrency('none', ['RUB'])).toBeNull();
  });

  it('reads a decided analysis option; absent is none', () => {
    expect(moneyCurrency({ currency: 'RUB' })).toBe('RUB');
    expect(moneyCurrency({ currency: 'none' })).toBeNull();
    expect(moneyCurrency({})).toBeNull();
  });

  it('writes each currency with a sign the reader reads back as that currency', () => {
    for (const [code, sign] of Object.entries(CURRENCY_SIGNS)) {
      const shape: NumberShape = { evidence: null, alternative: Number.NaN, currency: null };
      expect(parseNumber(`12 345,67 ${sign}`, shape)).toBe(12345.67);
      expect(shape.currency).toBe(code);
    }
  });
});
