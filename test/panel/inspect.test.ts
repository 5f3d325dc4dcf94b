import { describe, expect, it } from 'vitest';
import type { Cell } from '../../core/read/types.js';
import { INSPECT_ROWS, inspectGrid, money, PREVIEW_ROWS } from '../../core/panel/inspect.js';

describe('inspectGrid', () => {
  it('finds the header below title rows and previews rows as the core reads them, skipped rows with their reason', () => {
    const grid: Cell[][] = [
      ['Отчет о продажах'],
      [],
      ['Контрагент', 'Дата', 'Количество', 'Цена', 'Менеджер'],
      ['ООО Ромашка', '05.03.2026', '2', '1 234,50', ' Иванов '],
      ['Итого', null, null, null, null],
      ['ООО Ромашка', 'вчера', '1', '10', ''],
    ];
    const inspection = inspectGrid('Продажи', grid);
    expect(inspection).toMatchObject({ sheet: 'Продажи', rows: 6, ok: true, headerRow: 2, mapping: { client: 0, date: 1, quantity: 2, price: 3, manager: 4 } });
    expect(inspection.preview).toEqual([
      { row: 4, values: { client: 'ООО Ромашка', date: '2026-03-05', amount: '2469.00', quantity: '2', price: '1234.5', manager: 'Иванов' } },
      { row: 5, values: {}, rejected: 'subtotal' },
      { row: 6, values: {}, rejected: 'bad-date' },
    ]);
  });

  it('shows request rows of a type column by client and date', () => {
    const grid: Cell[][] = [
      ['Client', 'Date', 'Amount', 'Type'],
      ['Acme', '2026-03-05', '', 'request'],
    ];
    expect(inspectGrid('S', grid).preview).toEqual([{ row: 2, values: { client: 'Acme', date: '2026-03-05' } }]);
  });

  it('looks only at the top of a sheet but counts all its rows', () => {
    const grid: Cell[][] = [['Client', 'Date', 'Amount'], ...Array.from({ length: 1000 }, (_, i) => [`C${i}`, '2026-01-01', i])];
    const inspection = inspectGrid('S', grid.slice(0, INSPECT_ROWS), grid.length);
    expect(inspection.rows).toBe(1001);
    expect(inspection.preview.map((r) => r.row)).toEqual(Array.from({ length: PREVIEW_ROWS }, (_, i) => i + 2));
  });

  it('when a required column is missing, offers the row that looks most like a header, with what it found', () => {
    const grid: Cell[][] = [['Sales report'], ['Client', 'When', 'Amount'], ['Acme', '2026-03-05', 10]];
    expect(inspectGrid('S', grid)).toEqual({
      sheet: 'S',
      rows: 3,
      ok: false,
      failure: { code: 'missing-columns', missing: ['date'] },
      headerRow: 1,
      headers: ['Client', 'When', 'Amount'],
      mapping: { client: 0, amount: 2 },
      preview: [],
    });
    const picked = inspectGrid('S', grid, 3, { client: 0, date: 1, amount: 2 });
    expect(picked.ok).toBe(true);
  });

  it('says an empty sheet is empty', () => {
    expect(inspectGrid('S', [[], ['  ']]).failure).toEqual({ code: 'empty', missing: ['client', 'date', 'amount'] });
  });
});

describe('money', () => {
  it('writes cents as a plain decimal with two places', () => {
    expect(money(123450)).toBe('1234.50');
    expect(money(-5)).toBe('-0.05');
    expect(money(0)).toBe('0.00');
  });
});
