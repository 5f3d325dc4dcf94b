import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { generateDistributor } from '../../examples/distributor.js';
import { MESSY_1C_HEADERS, moneyText, quantityText, toMessy1cGrid } from '../../examples/messy-1c.js';

const NBSP = '\u00a0';
const data = generateDistributor({ seed: 11, clients: 60, years: 3, endDay: dayFromYmd(2026, 10, 31) });
const { grid, headerRow, junk } = toMessy1cGrid(data);
const junkByRow = new Map(junk.map((j) => [j.row, j.reason]));
/** Sheet rows (1-based) below the header that are sales lines. */
const lineRows = grid.map((_, i) => i + 1).filter((row) => row > headerRow + 1 && !junkByRow.has(row));

function kopecks(text: string): number {
  const number = text.replace(' руб.', '').replace(/[\s\u00a0]/g, '').replace(',', '.');
  return Math.round(Number(number) * 100);
}

function dayOf(dmy: string): number {
  const [d, m, y] = dmy.split('.').map(Number);
  return dayFromYmd(y, m, d);
}

describe('toMessy1cGrid', () => {
  it('starts with two title rows, an empty row and the Russian headers', () => {
    expect(grid[0]).toEqual(['Отчет "Продажи по контрагентам"']);
    expect(grid[1]).toEqual(['Период: 01.11.2023 - 31.10.2026']);
    expect(grid[2]).toEqual(['']);
    expect(headerRow).toBe(3);
    expect(grid[3]).toEqual([...MESSY_1C_HEADERS]);
    expect(MESSY_1C_HEADERS).toEqual(['Контрагент', 'Дата', 'Документ', 'Номенклатура', 'Группа товаров', 'Количество', 'Цена', 'Сумма', 'Прибыль', 'Менеджер', 'Регион']);
  });

  it('lists junk rows that really are blank, subtotal or broken, in sheet-row numbers', () => {
    const reasons = new Set(junk.map((j) => j.reason));
    expect(reasons).toEqual(new Set(['blank', 'subtotal', 'bad-date', 'no-client', 'bad-amount']));
    for (const { row, reason } of junk) {
      const cells = grid[row - 1];
      if (reason === 'blank') expect(cells.every((c) => c === '')).toBe(true);
      if (reason === 'subtotal') expect(cells[0]).toMatch(/^Итого/);
      if (reason === 'bad-date') expect(cells[1]).toBe('31.02.2025');
      if (reason === 'no-client') expect([cells[0], cells[1] !== '', cells[7] !== '']).toEqual(['', true, true]);
      if (reason === 'bad-amount') expect(cells[7]).toBe('н/д');
    }
    expect(junk.filter((j) => j.reason === 'subtotal').length).toBe(new Set(data.sales.map((s) => s.client)).size + 1);
    expect(junk.at(-1)).toEqual({ row: grid.length, reason: 'subtotal' });
    expect(grid.at(-1)![0]).toBe('Итого');
  });

  it('has every other row below the header be exactly one generated sales line', () => {
    expect(lineRows.length).toBe(data.sales.length);
    const key = (client: string, day: number, doc: string, product: string, amount: number) => `${client}|${day}|${doc}|${product}|${amount}`;
    const fromGrid = lineRows.map((row) => {
      const c = grid[row - 1];
      expect(c[0]).not.toMatch(/^Итого/);
      return key(c[0].trim(), dayOf(c[1]), c[2], c[3], kopecks(c[7]));
    });
    const generated = data.sales.map((s) => key(s.client, s.day, s.document, s.product, s.amount));
    expect(fromGrid.sort()).toEqual(generated.sort());
  });

  it('closes each client block with its totals, and the grand total with the sum of all lines', () => {
    let block = 0;
    for (let row = headerRow + 2; row <= grid.length; row++) {
      const cells = grid[row - 1];
      if (junkByRow.get(row) === 'subtotal' && cells[0] === 'Итого по клиенту') {
        expect(kopecks(cells[7])).toBe(block);
        block = 0;
      } else if (!junkByRow.has(row)) block += kopecks(cells[7]);
    }
    expect(kopecks(grid.at(-1)![7])).toBe(data.sales.reduce((a, s) => a + s.amount, 0));
  });

  it('writes everything as text, money grouped with a no-break space in some rows and a plain space in others', () => {
    expect(grid.every((row) => row.every((c) => typeof c === 'string'))).toBe(true);
    const amounts = lineRows.map((row) => grid[row - 1][7]);
    expect(amounts.every((a) => /^-?\d{1,3}([ \u00a0]\d{3})*,\d\d руб\.$/.test(a))).toBe(true);
    expect(amounts.some((a) => a.includes(NBSP))).toBe(true);
    expect(amounts.some((a) => /\d \d/.test(a))).toBe(true);
    expect(lineRows.some((row) => grid[row - 1][0].endsWith(' '))).toBe(true);
    expect(lineRows.every((row) => /^\d\d\.\d\d\.\d{4}$/.test(grid[row - 1][1]))).toBe(true);
  });
});

describe('moneyText and quantityText', () => {
  it('format kopecks and thousandths the way 1C prints them', () => {
    expect(moneyText(123_456_789, ' ')).toBe('1 234 567,89 руб.');
    expect(moneyText(-5, NBSP)).toBe('-0,05 руб.');
    expect(moneyText(100_000, NBSP)).toBe(`1${NBSP}000,00 руб.`);
    expect(quantityText(1250, ' ')).toBe('1,25');
    expect(quantityText(50, ' ')).toBe('0,05');
    expect(quantityText(1_500_000, ' ')).toBe('1 500');
    expect(quantityText(-3000, ' ')).toBe('-3');
  });
});
