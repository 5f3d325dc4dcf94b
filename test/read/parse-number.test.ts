import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyWord, parseNumber, type NumberShape } from '../../core/read/parse-number.js';

describe('parseNumber', () => {
  it('takes number cells as they are and refuses NaN, Infinity and non-numbers', () => {
    expect(parseNumber(12.5)).toBe(12.5);
    expect(parseNumber(-3)).toBe(-3);
    expect(parseNumber(Number.NaN)).toBeNull();
    expect(parseNumber(Number.POSITIVE_INFINITY)).toBeNull();
    expect(parseNumber(true)).toBeNull();
    expect(parseNumber(new Date(0))).toBeNull();
    expect(parseNumber(null)).toBeNull();
    expect(parseNumber(undefined)).toBeNull();
  });

  it.each([
    ['12 345,67', 12345.67],
    ['12,345.67', 12345.67],
    ['12.345,67', 12345.67],
    ['1 234 руб.', 1234],
    ['$1,234.00', 1234],
    ['€ 5', 5],
    ['1234,5 р.', 1234.5],
    ['(120.00)', -120],
    ['-120', -120],
    ['120-', -120],
    ['−120', -120],
    ['+7', 7],
    ['1\u00a0234,50', 1234.5],
    ['1\u202f234,50', 1234.5],
    ['₽ 1 000', 1000],
    ['1000 ₽', 1000],
    ['1 000 RUB', 1000],
    ['USD 2,500.75', 2500.75],
    ['EUR 3,5', 3.5],
    ['£10', 10],
    ['-$5', -5],
    ['$-5', -5],
    ['($1,234.00)', -1234],
    ['1 234 567,89 руб', 1234567.89],
    ['1.234.567,89', 1234567.89],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ["1'234.50", 1234.5],
    ['  42  ', 42],
    ['1.5E+05', 150000],
    ['2.55', 2.55],
    ['.5', 0.5],
    ['5.', 5],
    ['007', 7],
    ['1000 РУБ.', 1000],
    ['300 рублей', 300],
  ])('reads %j as %d', (text, expected) => {
    expect(parseNumber(text)).toBe(expected);
  });

  it.each([
    ['12 345,67 ₽', 12345.67, 'RUB'],
    ['1 234 руб.', 1234, 'RUB'],
    ['300 рублей', 300, 'RUB'],
    ['1234,5 р.', 1234.5, 'RUB'],
    ['1 000 RUR', 1000, 'RUB'],
    ['$1,234.00', 1234, 'USD'],
    ['($1,234.00)', -1234, 'USD'],
    ['USD 2,500.75', 2500.75, 'USD'],
    ['€ 5', 5, 'EUR'],
    ['3,5 eur', 3.5, 'EUR'],
    ['£10', 10, 'GBP'],
    ['$5 USD', 5, 'USD'],
    ['12 345,67', 12345.67, null],
    ['-12', -12, null],
  ])('says which currency %j writes: %d in %s', (text, value, currency) => {
    const shape: NumberShape = { evidence: null, alternative: Number.NaN, currency: 'GBP' };
    expect(parseNumber(text, shape)).toBe(value);
    expect(shape.currency).toBe(currency);
  });

  it('refuses two different currencies around one number, and a number cell has none', () => {
    const shape: NumberShape = { evidence: null, alternative: Number.NaN, currency: null };
    expect(parseNumber('$5 €', shape)).toBeNull();
    expect(parseNumber('₽ 5 USD', shape)).toBeNull();
    expect(shape.currency).toBeNull();
    parseNumber('5 ₽', shape);
    parseNumber(1234.5, shape);
    expect(shape.currency).toBeNull();
  });

  it('reads a currency word alone, by the same words', () => {
    expect(currencyWord('руб.')).toBe('RUB');
    expect(currencyWord(' USD ')).toBe('USD');
    expect(currencyWord('€')).toBe('EUR');
    expect(currencyWord('шт')).toBeNull();
    expect(currencyWord('')).toBeNull();
  });

  it('decides the ambiguous separators like an analyst', () => {
    expect(parseNumber('1,234')).toBe(1234);
    expect(parseNumber('-1,234')).toBe(-1234);
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber('12,34')).toBe(12.34);
    expect(parseNumber('0,123')).toBe(0.123);
    expect(parseNumber('1234,567')).toBe(1234.567);
    expect(parseNumber('1 234,567')).toBe(1234.567);
    expect(parseNumber('1.234')).toBe(1.234);
    expect(parseNumber('1,234.5')).toBe(1234.5);
  });

  it.each(['', '   ', 'abc', '12abc', '5%', '12,5 %', '1 2', '1,23,456', '1.2.3,4', '--5', '(-5)', '(5', '5)', '-', '.', '1,2,3', '$', 'руб.', 'N/A', '#DIV/0!', '12.5 kg', '1e', 'Infinity', '0x10'])(
    'refuses %j',
    (text) => {
      expect(parseNumber(text)).toBeNull();
    },
  );

  it('gives every plain decimal the same double as Number()', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 3 }), (units, places) => {
        const text = (units / 10 ** places).toFixed(places);
        expect(parseNumber(text)).toBe(Number(text));
        expect(parseNumber(text.replace('.', ','))).toBe(places === 3 && Math.abs(units) >= 1000 && Math.abs(units) < 1e6 ? Number(text.replace('.', '')) : Number(text));
      }),
    );
  });

  it('never throws and never turns garbage into 0', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const value = parseNumber(text);
        if (value !== null) expect(Number.isFinite(value)).toBe(true);
        if (!/\d/.test(text)) expect(value).toBeNull();
      }),
    );
  });
});
