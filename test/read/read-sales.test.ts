import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { readSales } from '../../core/read/read-sales.js';
import { saleLines } from '../../core/read/sales-columns.js';
import type { Cell, Grid, ReadOptions, ReadResult, SaleLine } from '../../core/read/types.js';
import { readEverywhere } from './every-reader.js';

const d = (y: number, m: number, day: number) => dayFromYmd(y, m, day);

/** The read of a grid by every reader (they must agree), its lines as SaleLine objects. */
async function ok(grid: Grid, options?: ReadOptions): Promise<Omit<ReadResult<unknown>, 'records'> & { records: SaleLine[] }> {
  const outcome = await readEverywhere(grid, options);
  if (!outcome.ok) throw new Error(`expected a read, got ${outcome.code}`);
  return { ...outcome, records: saleLines(outcome.records) };
}

describe('readSales on a 1C report', () => {
  // Sheet rows are numbered as Excel shows them: grid index + 1.
  const report: Grid = [
    ['Отчет о продажах'], // 1
    ['Период: 01.01.2025 - 31.12.2025'], // 2
    [], // 3
    ['Контрагент', 'Дата', 'Сумма', 'Номенклатура', 'Менеджер'], // 4
    ['ООО Ромашка', '05.03.2025', '1 234,50', 'Гвозди', 'Иванов'], // 5
    ['ООО Ромашка', '06.03.2025', '(100,00)', 'Гвозди', 'Иванов'], // 6
    ['Итого по контрагенту ООО Ромашка', null, '1 134,50'], // 7
    [null, null, null, null, null], // 8
    ['  ИП Петров ', 45722, 500, 'Шурупы', 'Сидорова'], // 9
    ['ИП Петров', '  ', 700, null, null], // 10
    ['', '07.03.2025', 300], // 11
    ['ЗАО Вектор', '31.04.2025', 300], // 12
    ['ЗАО Вектор', '08.03.2025', 'много'], // 13
    ['ЗАО Вектор', '08.03.2025', ''], // 14
    ['Итого', null, '1 634,50'], // 15
    ['Всего:', null, '1 634,50'], // 16
    ['', '', '   '], // 17: after the last data row, not data
  ];

  it('accepts the sales lines with exact cents and the sheet row numbers', async () => {
    const read = await ok(report);
    expect(read.headerRow).toBe(3);
    expect(read.dataRows).toBe(12);
    expect(read.records).toEqual([
      { row: 5, client: 'ООО Ромашка', day: d(2025, 3, 5), amount: 123450, product: 'Гвозди', manager: 'Иванов' },
      { row: 6, client: 'ООО Ромашка', day: d(2025, 3, 6), amount: -10000, product: 'Гвозди', manager: 'Иванов' },
      { row: 9, client: 'ИП Петров', day: d(2025, 3, 6), amount: 50000, product: 'Шурупы', manager: 'Сидорова' },
    ]);
  });

  it('rejects exactly the blank, subtotal and unreadable rows, each with its reason', async () => {
    expect((await ok(report)).rejected).toEqual([
      { row: 7, reason: 'subtotal' },
      { row: 8, reason: 'blank' },
      { row: 10, reason: 'bad-date' },
      { row: 11, reason: 'no-client' },
      { row: 12, reason: 'bad-date', value: '31.04.2025' },
      { row: 13, reason: 'bad-amount', value: 'много' },
      { row: 14, reason: 'bad-amount' },
      { row: 15, reason: 'subtotal' },
      { row: 16, reason: 'subtotal' },
    ]);
  });
});

describe('readSales cells', () => {
  const header = ['Client', 'Date', 'Amount'];

  it('keeps client text exactly, and writes number clients without a decimal part', async () => {
    const read = await ok([
      header,
      [17850, '2026-01-05', 1],
      ['=HYPERLINK("http://x","y")', '2026-01-05', 1],
      ['+7 Строй', '2026-01-05', 1],
      ['<img src=x onerror=alert(1)>', '2026-01-05', 1],
      ['Acme ltd', '2026-01-05', 1],
      ['ACME LTD', '2026-01-05', 1],
    ]);
    expect(read.records.map((r) => r.client)).toEqual([
      '17850',
      '=HYPERLINK("http://x","y")',
      '+7 Строй',
      '<img src=x onerror=alert(1)>',
      'Acme ltd',
      'ACME LTD',
    ]);
  });

  it('reads dates as serials, Date objects and text', async () => {
    const read = await ok([
      header,
      ['a', 46086, 1],
      ['a', new Date(Date.UTC(2026, 2, 5)), 1],
      ['a', '05.03.2026', 1],
      ['a', '5/3/2026', 1],
    ]);
    expect(read.records.map((r) => r.day)).toEqual([d(2026, 3, 5), d(2026, 3, 5), d(2026, 3, 5), d(2026, 3, 5)]);
    expect((await ok([header, ['a', '3/5/2026', 1]], { slashDates: 'mdy' })).records[0]!.day).toBe(d(2026, 3, 5));
    expect((await ok([header, ['a', 44624, 1]], { date1904: true })).records[0]!.day).toBe(d(2026, 3, 5));
  });

  it('shows the offending value of a number cell that is not a number', async () => {
    expect((await ok([header, ['a', '2026-01-05', Number.NaN], ['a', Number.POSITIVE_INFINITY, 1], ['a', true, 1]])).rejected).toEqual([
      { row: 2, reason: 'bad-amount', value: 'NaN' },
      { row: 3, reason: 'bad-date', value: 'Infinity' },
      { row: 4, reason: 'bad-date', value: 'TRUE' },
    ]);
  });

  it('derives the amount from quantity × unit price, rounded after multiplying', async () => {
    const read = await ok([
      ['Customer', 'Date', 'Quantity', 'Unit price'],
      ['a', '2026-01-05', 3, '0.165'],
      ['a', '2026-01-05', '6', '2,55'],
      ['a', '2026-01-05', 'x', '2,55'],
      ['a', '2026-01-05', 2, ''],
    ]);
    expect(read.records.map((r) => [r.amount, r.quantity])).toEqual([
      [50, 3000],
      [1530, 6000],
    ]);
    expect(read.rejected).toEqual([
      { row: 4, reason: 'bad-amount', value: 'x' },
      { row: 5, reason: 'bad-amount' },
    ]);
  });

  it('reads optional fields when mapped and leaves out unreadable optional numbers', async () => {
    const read = await ok([
      ['Клиент', 'Дата', 'Сумма', 'Прибыль', 'Кол-во', 'Товар', 'Группа', 'Документ', 'Менеджер', 'Регион', 'Отрасль'],
      ['a', '2026-01-05', '100', '25,5', '2', 'Гвозди', 'Крепеж', 'РН-1', 'Иванов', 'Москва', 'Стройка'],
      ['b', '2026-01-05', '100', 'н/д', 'много', 536365, '', null, ' ', 'Тула', null],
    ]);
    expect(read.records).toEqual([
      {
        row: 2, client: 'a', day: d(2026, 1, 5), amount: 10000, profit: 2550, quantity: 2000,
        product: 'Гвозди', group: 'Крепеж', document: 'РН-1', manager: 'Иванов', region: 'Москва', industry: 'Стройка',
      },
      { row: 3, client: 'b', day: d(2026, 1, 5), amount: 10000, product: '536365', region: 'Тула' },
    ]);
    expect(read.rejected).toEqual([]);
  });

  it('puts request rows of a type column into requests, not records', async () => {
    const read = await ok([
      ['Клиент', 'Дата', 'Сумма', 'Вид операции', 'Менеджер'],
      ['a', '2026-01-05', 100, 'Продажа', 'Иванов'],
      ['a', '2026-01-06', null, 'Заявка', 'Иванов'],
      ['b', '2026-01-07', '', ' request ', null],
      ['', '2026-01-07', '', 'Запрос', null],
      ['c', '2026-01-08', 50, '', null],
    ]);
    expect(read.records.map((r) => r.row)).toEqual([2, 6]);
    expect(read.requests).toEqual([
      { row: 3, client: 'a', day: d(2026, 1, 6), manager: 'Иванов' },
      { row: 4, client: 'b', day: d(2026, 1, 7) },
    ]);
    expect(read.rejected).toEqual([{ row: 5, reason: 'no-client' }]);
    expect((await ok([header, ['a', '2026-01-05', 1]])).requests).toBeUndefined();
  });

  it('treats a total label in the first cell as a subtotal even outside the client column', async () => {
    const read = await ok([
      ['Дата', 'Клиент', 'Сумма'],
      ['Итого:', null, 500],
      ['Total: March', 'a', 500],
      ['2026-01-05', 'Total Oil Ltd', 500],
    ]);
    expect(read.rejected).toEqual([
      { row: 2, reason: 'subtotal' },
      { row: 3, reason: 'subtotal' },
    ]);
    expect(read.records.map((r) => r.client)).toEqual(['Total Oil Ltd']);
  });

  it('gives the failure of the header when there is none', () => {
    expect(readSales([['Client', 'Date'], ['a', '2026-01-05']])).toEqual({ ok: false, code: 'missing-columns', missing: ['amount'] });
  });
});

describe('readSales: the currency the money shows', () => {
  const sheet = (amounts: Cell[], header = 'Сумма', more: [string, Cell[]] | null = null): Grid => [
    ['Контрагент', 'Дата', header, ...(more ? [more[0]] : [])],
    ...amounts.map((amount, i) => ['ООО Ромашка', `0${i + 1}.03.2026`, amount, ...(more ? [more[1][i] ?? null] : [])]),
  ];

  it('sees RUB in amounts written "12 345,67 ₽" and "1 234 руб."', async () => {
    const read = await ok(sheet(['12 345,67 ₽', '1 234 руб.', '500']));
    expect(read.records.map((line) => line.amount)).toEqual([1_234_567, 123_400, 50_000]); // cents
    expect(read.profile.currencies).toEqual(['RUB']);
  });

  it('lists every currency of mixed amounts, and none for plain numbers', async () => {
    expect((await ok(sheet(['12 345,67 ₽', '$1,200.00', '€ 5']))).profile.currencies).toEqual(['RUB', 'USD', 'EUR']);
    expect((await ok(sheet(['12 345,67', 1200, '5']))).profile.currencies).toEqual([]);
  });

  it('takes the unit of a money header: "Сумма, руб.", "Amount (USD)"; never a quantity\'s', async () => {
    expect((await ok(sheet([1200, 5], 'Сумма, руб.'))).profile.currencies).toEqual(['RUB']);
    expect((await ok(sheet([1200, 5], 'Amount (USD)'))).profile.currencies).toEqual(['USD']);
    expect((await ok(sheet([1200, 5], 'Сумма', ['Кол-во', ['5 руб.', '2']]))).profile.currencies).toEqual([]);
  });

  it('counts the price and the profit as money too', async () => {
    const grid: Grid = [
      ['Клиент', 'Дата', 'Количество', 'Цена', 'Прибыль'],
      ['ООО Ромашка', '01.03.2026', '2', '100,00 €', '20'],
    ];
    const read = await ok(grid);
    expect(read.records[0]!.amount).toBe(20_000); // 2 × 100,00 in cents
    expect(read.profile.currencies).toEqual(['EUR']);
    expect((await ok([['Клиент', 'Дата', 'Сумма', 'Прибыль'], ['ООО Ромашка', '01.03.2026', '100', '£20']])).profile.currencies).toEqual(['GBP']);
  });
});

const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('Итого', 'Total', '  ', '', '05.03.2026', '2026-03-05', '1 234,50', '(5)', 'Заявка'),
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(null),
  fc.constant(undefined),
);
const anyRow = fc.array(anyCell, { maxLength: 8 });

describe('readSales properties', () => {
  it('never throws on arbitrary grids', () => {
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 40 }), (grid) => {
        readSales(grid);
      }),
      { numRuns: 500 },
    );
  });

  it('gives every row below the header exactly one outcome', () => {
    const header = fc
      .tuple(fc.constantFrom(['Сумма'], ['Кол-во', 'Цена'], ['Сумма', 'Кол-во', 'Цена']), fc.subarray(['Прибыль', 'Вид', 'Товар', 'x']))
      .chain(([amount, extra]) => {
        const all = ['Клиент', 'Дата', ...amount, ...extra];
        return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
      });
    fc.assert(
      fc.property(fc.array(anyRow, { maxLength: 3 }), header, fc.array(anyRow, { maxLength: 40 }), (titles, head, rows) => {
        const grid = [...titles, head, ...rows];
        const outcome = readSales(grid);
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) return;
        expect(outcome.headerRow).toBeGreaterThanOrEqual(titles.length);
        const lines = saleLines(outcome.records);
        const seen = [...lines, ...(outcome.requests ?? []), ...outcome.rejected].flatMap((r) =>
          'toRow' in r && r.toRow !== undefined ? Array.from({ length: r.toRow - r.row + 1 }, (_, k) => r.row + k) : [r.row],
        );
        seen.sort((a, b) => a - b);
        const below = Array.from({ length: outcome.dataRows }, (_, i) => outcome.headerRow + 2 + i);
        expect(seen).toEqual(below);
        expect(outcome.headerRow + 1 + outcome.dataRows).toBeLessThanOrEqual(grid.length);
        for (const line of lines) {
          expect(Number.isSafeInteger(line.amount)).toBe(true);
          expect(line.client).toBe(line.client.trim());
          expect(line.client).not.toBe('');
        }
      }),
      { numRuns: 500 },
    );
  });
});
