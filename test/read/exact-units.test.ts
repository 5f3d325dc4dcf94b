import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountFromQuantityPrice, toCents, toThousandths } from '../../core/read/exact-units.js';

describe('toCents', () => {
  it('rounds half away from zero on the decimal as written', () => {
    expect(toCents(1.005)).toBe(101);
    expect(toCents(-1.005)).toBe(-101);
    expect(toCents(0.125)).toBe(13);
    expect(toCents(2.675)).toBe(268);
    expect(toCents(1.004)).toBe(100);
    expect(toCents(12345.67)).toBe(1234567);
    expect(toCents(0.1 + 0.2)).toBe(30);
  });

  it('gives 0, not −0, for tiny negatives', () => {
    expect(Object.is(toCents(-0.001), 0)).toBe(true);
    expect(Object.is(toCents(-0), 0)).toBe(true);
  });

  it('refuses values it cannot hold exactly', () => {
    expect(toCents(Number.NaN)).toBeNull();
    expect(toCents(Number.POSITIVE_INFINITY)).toBeNull();
    expect(toCents(1e300)).toBeNull();
  });

  it('makes a sale and its full return net to exactly zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 4 }), (units, places) => {
        const value = Number((units / 10 ** places).toFixed(places));
        expect(toCents(value)! + toCents(-value)!).toBe(0);
      }),
    );
  });

  it('agrees with exact decimal rounding for values written with up to 3 decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), (thousandths) => {
        const text = (thousandths / 1000).toFixed(3);
        const sign = thousandths < 0 ? -1 : 1;
        const abs = Math.abs(thousandths);
        const expected = sign * (Math.floor(abs / 10) + (abs % 10 >= 5 ? 1 : 0));
        expect(toCents(Number(text))).toBe(expected === 0 ? 0 : expected);
      }),
    );
  });
});

describe('toThousandths', () => {
  it('keeps three decimals of a quantity', () => {
    expect(toThousandths(6)).toBe(6000);
    expect(toThousandths(1.2345)).toBe(1235);
    expect(toThousandths(-2.5)).toBe(-2500);
    expect(toThousandths(0.0005)).toBe(1);
  });
});

describe('amountFromQuantityPrice', () => {
  it('rounds once, after multiplying', () => {
    expect(amountFromQuantityPrice(3, 0.165)).toBe(50);
    expect(amountFromQuantityPrice(6, 2.55)).toBe(1530);
    expect(amountFromQuantityPrice(-12, 0.29)).toBe(-348);
    expect(amountFromQuantityPrice(1.5, 3.333)).toBe(500);
    expect(amountFromQuantityPrice(80995, 2.08)).toBe(16846960);
  });
});
