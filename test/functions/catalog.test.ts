import { describe, expect, it } from 'vitest';
import { serialFromDay, dayFromYmd } from '../../core/basics/calendar.js';
import { catalog, runFunction } from '../../core/functions/index.js';
import { LANGS, words } from '../../core/i18n/index.js';
import type { Cell } from '../../core/read/types.js';

const serial = (y: number, m: number, d: number) => serialFromDay(dayFromYmd(y, m, d));
const column = (values: Cell[]): Cell[][] => values.map((v) => [v]);

describe('function catalog', () => {
  it('has every function of SPEC §9 with described arguments', () => {
    expect(catalog.map((f) => f.name)).toEqual([
      'CHURNSIGNAL',
      'CHURNSIGNALS',
      'ABCXYZ',
      'ABCCLASS',
      'XYZCLASS',
      'VALUETIERS',
      'CADENCE',
      'CONVERSION',
      'PALIVE',
    ]);
    for (const f of catalog) for (const a of f.arguments) for (const lang of LANGS) expect(words(lang).functions.argument[a.word]).toBeTruthy();
  });

  it('CHURNSIGNAL: purchase every 30 days, then silence → at-risk, then lost (status worked example)', () => {
    const dates = column([serial(2025, 1, 1), serial(2025, 1, 31), serial(2025, 3, 2), serial(2025, 4, 1), '', '']);
    const amounts = column([100, 100, '1 000,00', 50, null, '']);
    const last = dayFromYmd(2025, 4, 1);
    expect(runFunction('CHURNSIGNAL', [dates, amounts, [[serialFromDay(last + 45)]]])).toEqual({ ok: true, value: 'active' });
    expect(runFunction('CHURNSIGNAL', [dates, amounts, [[serialFromDay(last + 46)]]])).toEqual({ ok: true, value: 'at-risk' });
    expect(runFunction('CHURNSIGNAL', [dates, amounts, '2025-07-01'])).toEqual({ ok: true, value: 'lost' });
  });

  it('CHURNSIGNAL: errors name the argument and position, and asOf is required', () => {
    expect(runFunction('CHURNSIGNAL', [column(['31.02.2025']), column([1]), serial(2025, 5, 1)])).toMatchObject({
      ok: false,
      code: 'bad-argument',
      message: 'dates, item 1: "31.02.2025" is not a date',
    });
    expect(runFunction('CHURNSIGNAL', [column([serial(2025, 1, 1)]), column([1])])).toMatchObject({ ok: false, code: 'bad-argument' });
    expect(runFunction('CHURNSIGNAL', [column([serial(2025, 1, 1), 3]), column([1]), serial(2025, 5, 1)])).toMatchObject({
      ok: false,
      message: expect.stringContaining('same size'),
    });
    expect(runFunction('CHURNSIGNAL', [column([serial(2025, 1, 1)]), column([-5]), serial(2025, 2, 1)])).toMatchObject({
      ok: false,
      code: 'not-enough-history',
    });
  });

  it('ABCXYZ spills ranked clients: value, share, class (worked 50/30/15/5; one June sale → series of 7 months, cv √6 → Z)', () => {
    const clients = column(['a', 'b', 'c', 'd']);
    const dates = column(Array(4).fill(serial(2025, 6, 15)));
    const result = runFunction('ABCXYZ', [clients, dates, column([15, 50, 5, 30]), serial(2025, 12, 31)]);
    const cv = expect.closeTo(Math.sqrt(6), 12);
    expect(result.ok && result.value).toEqual([
      ['b', 50, 0.5, 'A', cv, 'Z'],
      ['d', 30, 0.3, 'A', cv, 'Z'],
      ['a', 15, 0.15, 'B', cv, 'Z'],
      ['c', 5, 0.05, 'C', cv, 'Z'],
    ]);
  });

  it('ABCCLASS and XYZCLASS class single values', () => {
    expect(runFunction('ABCCLASS', [15, [[50], [30], [15], [5]]])).toEqual({ ok: true, value: 'B' });
    expect(runFunction('ABCCLASS', [30, [[50, 30, 15, 5]]])).toEqual({ ok: true, value: 'A' });
    expect(runFunction('ABCCLASS', [15, [[50], [30], [15], [5]], 0.9])).toEqual({ ok: true, value: 'A' });
    expect(runFunction('ABCCLASS', [0, [[1]]])).toEqual({ ok: true, value: '' });
    expect(runFunction('XYZCLASS', [[[10, 0, 20, 10]]])).toEqual({ ok: true, value: 'Y' });
    expect(runFunction('XYZCLASS', [[[10, null, 20, 10]], 0.1, 0.25])).toEqual({ ok: true, value: 'Z' });
    expect(runFunction('XYZCLASS', [[[10, 12]]])).toEqual({ ok: true, value: 'N' });
  });

  it('VALUETIERS ranks former values 60/25/10/5 → gold, gold, silver, bronze', () => {
    const result = runFunction('VALUETIERS', [column(['a', 'b', 'c', 'd']), column(Array(4).fill(serial(2025, 3, 1))), column([10, 60, 5, 25])]);
    expect(result.ok && result.value).toEqual([
      ['b', 60, 'gold'],
      ['d', 25, 'gold'],
      ['a', 10, 'silver'],
      ['c', 5, 'bronze'],
    ]);
  });

  it('CADENCE and CONVERSION follow their worked examples', () => {
    const d0 = serial(2025, 1, 1);
    expect(runFunction('CADENCE', [column([d0, d0 + 10, d0 + 10, d0 + 30])])).toEqual({ ok: true, value: 15 });
    expect(runFunction('CADENCE', [column([d0, d0 + 10])])).toMatchObject({ ok: false, code: 'not-enough-history' });
    expect(runFunction('CONVERSION', [column([d0 + 10, d0 + 50, d0 + 100]), column([d0 + 20, d0 + 200])])).toEqual({ ok: true, value: 1 / 3 });
    expect(runFunction('CONVERSION', [column([d0 + 10]), column([d0 + 45]), 40])).toEqual({ ok: true, value: 1 });
  });

  it('PALIVE says why when there is too little history for the model', () => {
    const result = runFunction('PALIVE', [column(['a', 'b']), column([serial(2025, 1, 1), serial(2025, 2, 1)]), column([1, 1])]);
    expect(result).toMatchObject({ ok: false, code: 'not-enough-history' });
  });

  it('CHURNSIGNALS spills status, signals, recency, cadence, last purchase, the next purchase due and days overdue', () => {
    const dates = column([serial(2025, 1, 1), serial(2025, 1, 31), serial(2025, 3, 2), serial(2025, 12, 20)]);
    const result = runFunction('CHURNSIGNALS', [column(['a', 'a', 'a', 'b']), dates, column([1, 1, 1, 1])]);
    expect(result.ok && result.value).toEqual([
      // a: every 30 days, last on 2 March → next due 1 April, 263 days overdue on 20 December.
      ['a', 'lost', 'overdue', dayFromYmd(2025, 12, 20) - dayFromYmd(2025, 3, 2), 30, serial(2025, 3, 2), serial(2025, 4, 1), 263],
      ['b', 'new', '', 0, null, serial(2025, 12, 20), null, null],
    ]);
  });

  it('reads money to exact cents as the readers do, so a sale and its return net to zero (1.005 → 1.01)', () => {
    const d = serial(2025, 6, 15);
    const tiers = runFunction('VALUETIERS', [column(['a', 'a', 'b']), column([d, d, d]), column([1.005, 0.005, 1.01])]);
    // 1.005 → 101 cents and 0.005 → 1 cent: a has 1.02; Math.round(x * 100) would have given 1.00 + 0.01.
    expect(tiers.ok && tiers.value).toEqual([
      ['a', 1.02, 'gold'],
      ['b', 1.01, 'gold'],
    ]);
    const netted = runFunction('ABCXYZ', [column(['a', 'a', 'b']), column([d, d, d]), column([2.675, -2.675, 5]), serial(2025, 12, 31)]);
    expect(netted.ok && (netted.value as unknown[][]).map((row) => row[0])).toEqual(['b']);
  });

  it('breaks ties between equal values in code-point order of the client, as the report does', () => {
    const d = serial(2025, 6, 15);
    // UTF-16 order puts the emoji (a surrogate pair, 0xD83D…) before 'ｚ' (0xFF5A); code points put U+FF5A first.
    const clients = column(['😀 Smile Ltd', 'ｚ Wide Ltd']);
    const tiers = runFunction('VALUETIERS', [clients, column([d, d]), column([10, 10])]);
    expect(tiers.ok && (tiers.value as unknown[][]).map((row) => row[0])).toEqual(['ｚ Wide Ltd', '😀 Smile Ltd']);
    const ranked = runFunction('ABCXYZ', [clients, column([d, d]), column([10, 10]), serial(2025, 12, 31)]);
    expect(ranked.ok && (ranked.value as unknown[][]).map((row) => row[0])).toEqual(['ｚ Wide Ltd', '😀 Smile Ltd']);
  });

  it('words its errors in the language it is asked in', () => {
    const dates = column(['когда-то']);
    expect(runFunction('CHURNSIGNAL', [dates, column([1]), serial(2025, 5, 1)], 'ru')).toEqual({
      ok: false,
      code: 'bad-argument',
      message: 'dates, элемент 1: «когда-то» — не дата',
    });
    expect(runFunction('CADENCE', [column([serial(2025, 1, 1)])], 'ru')).toEqual({ ok: false, code: 'not-enough-history', message: 'Для ритма нужно не меньше 3 дней покупок.' });
    expect(runFunction('NOPE', [], 'ru')).toMatchObject({ message: 'Неизвестная функция NOPE' });
  });

  it('reads the empty cells older Excel builds pass as 0 as blank (office-js#4702, #5262), not as "0 is not a date"', () => {
    const dates = [serial(2025, 1, 1), serial(2025, 1, 31), serial(2025, 3, 2), serial(2025, 12, 20)];
    const filled = [column(['a', 'a', 'a', 'b']), column(dates), column([1, 1, 1, 1])];
    const padded = filled.map((range) => [...range, [0], [0], [0]]);
    const expected = runFunction('CHURNSIGNALS', filled);
    expect(expected.ok).toBe(true);
    expect(runFunction('CHURNSIGNALS', padded)).toEqual(expected);
    expect(runFunction('ABCXYZ', [...padded, serial(2025, 12, 31)])).toEqual(runFunction('ABCXYZ', [...filled, serial(2025, 12, 31)]));
    expect(runFunction('CHURNSIGNAL', [column([...dates, 0, 0]), column([1, 1, 1, 1, 0, 0]), serial(2026, 1, 1)])).toEqual({ ok: true, value: 'active' });
    expect(runFunction('CADENCE', [column([...dates.slice(0, 3), 0, 0])])).toEqual({ ok: true, value: 30 });
    expect(runFunction('CONVERSION', [column([dates[0], 0]), column([dates[1], 0])])).toEqual({ ok: true, value: 1 });
    // A 0 date beside a real amount is a mistake in the data, and is still said so.
    expect(runFunction('CHURNSIGNALS', [column(['a', 'a']), column([dates[0], 0]), column([1, 5])])).toMatchObject({
      ok: false,
      message: 'dates, item 2: "0" is not a date',
    });
  });

  it('reads and writes serial dates of a 1904 workbook when told (1,462 less for the same day)', () => {
    const in1904 = (y: number, m: number, d: number) => serial(y, m, d) - 1462;
    const clients = column(['a', 'a', 'a', 'b']);
    const dates = column([in1904(2025, 1, 1), in1904(2025, 1, 31), in1904(2025, 3, 2), in1904(2025, 12, 20)]);
    // asOf as text is the same day in any workbook: the serials must be read in the workbook's system.
    const result = runFunction('CHURNSIGNALS', [clients, dates, column([1, 1, 1, 1]), '2025-12-31'], 'en', { date1904: true });
    expect(result.ok && result.value).toEqual([
      ['a', 'lost', 'overdue', dayFromYmd(2025, 12, 31) - dayFromYmd(2025, 3, 2), 30, in1904(2025, 3, 2), in1904(2025, 4, 1), dayFromYmd(2025, 12, 31) - dayFromYmd(2025, 4, 1)],
      ['b', 'new', '', 11, null, in1904(2025, 12, 20), null, null],
    ]);
    const two = column([in1904(2025, 1, 1), in1904(2025, 1, 31)]);
    expect(runFunction('CHURNSIGNAL', [two, column([1, 1]), '2025-02-15'], 'en', { date1904: true })).toEqual({ ok: true, value: 'new' });
    expect(runFunction('CHURNSIGNAL', [two, column([1, 1]), '2025-02-15'])).toEqual({ ok: true, value: 'lost' });
  });

  it('holds option arguments to the same rules as the command line and the panel', () => {
    const d = serial(2025, 6, 15);
    expect(runFunction('ABCXYZ', [column(['a']), column([d]), column([1]), serial(2025, 12, 31), 121])).toEqual({
      ok: false,
      code: 'bad-argument',
      message: 'periods must be a whole number from 1 to 120',
    });
    expect(runFunction('ABCCLASS', [5, column([5, 10]), 0.9, 0.8])).toEqual({ ok: false, code: 'bad-argument', message: 'b must be a number above 0.9 and at most 1' });
    expect(runFunction('XYZCLASS', [column([1, 2, 3]), 0.5, 0.4])).toMatchObject({ ok: false, message: 'y must be a number above 0.5' });
    expect(runFunction('CONVERSION', [column([d]), column([d]), 0])).toMatchObject({ ok: false, message: 'days must be a whole number of at least 1' });
  });
});
