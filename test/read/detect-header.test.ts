import { describe, expect, it } from 'vitest';
import { detectHeader } from '../../core/read/detect-header.js';
import { matchHeaders, normalizeHeader, SALES_WORDS } from '../../core/read/header-words.js';
import { SALES_SHEET } from '../../core/read/read-sales.js';
import { CONTACT_SHEET } from '../../core/read/read-contacts.js';
import type { Grid } from '../../core/read/types.js';

describe('normalizeHeader', () => {
  it('trims, collapses spaces, lower-cases, writes ё as е and drops a trailing colon', () => {
    expect(normalizeHeader('  Дата\u00a0 Заказа ')).toBe('дата заказа');
    expect(normalizeHeader('Партнёр')).toBe('партнер');
    expect(normalizeHeader('Клиент:')).toBe('клиент');
  });
});

describe('matchHeaders', () => {
  it('maps the Online Retail headers, with amount from quantity × unit price', () => {
    const headers = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
    expect(matchHeaders(headers, SALES_WORDS)).toEqual({
      document: 0,
      product: 1,
      quantity: 3,
      date: 4,
      price: 5,
      client: 6,
      region: 7,
    });
  });

  it('maps the Superstore headers by word priority', () => {
    const headers = ['Row ID', 'Order ID', 'Order Date', 'Ship Date', 'Ship Mode', 'Customer ID', 'Customer Name', 'Segment',
      'Country', 'City', 'State', 'Postal Code', 'Region', 'Product ID', 'Category', 'Sub-Category', 'Product Name', 'Sales',
      'Quantity', 'Discount', 'Profit'];
    expect(matchHeaders(headers, SALES_WORDS)).toEqual({
      document: 1,
      date: 2,
      client: 5,
      industry: 7,
      region: 12,
      product: 13,
      group: 14,
      amount: 17,
      quantity: 18,
      profit: 20,
    });
  });

  it('matches Russian 1C headers, with units after a comma or in brackets', () => {
    const headers = ['Дата', 'Контрагент', 'Номенклатура', 'Кол-во', 'Цена', 'Сумма, руб.', 'Прибыль (руб)', 'Менеджер', 'Вид операции'];
    expect(matchHeaders(headers, SALES_WORDS)).toEqual({
      date: 0,
      client: 1,
      product: 2,
      quantity: 3,
      price: 4,
      amount: 5,
      profit: 6,
      manager: 7,
      type: 8,
    });
  });

  it('uses a column for one field only and the leftmost of equal headers', () => {
    expect(matchHeaders(['Дата', 'Дата', 'Клиент', 'Сумма'], SALES_WORDS)).toEqual({ date: 0, client: 2, amount: 3 });
  });

  it('prefers an exact header to a header with a unit', () => {
    expect(matchHeaders(['Сумма, руб.', 'Сумма'], SALES_WORDS)).toEqual({ amount: 1 });
  });
});

describe('detectHeader', () => {
  const oneC: Grid = [
    ['Отчет о продажах'],
    ['Период: 01.01.2025 - 31.12.2025'],
    [],
    ['Контрагент', 'Дата', 'Сумма', 'Номенклатура', 'Менеджер'],
    ['ООО Ромашка', '05.03.2025', '1 234,50', 'Гвозди', 'Иванов'],
  ];

  it('skips 1C title rows and finds the Russian header', () => {
    expect(detectHeader(oneC, SALES_SHEET)).toEqual({
      ok: true,
      headerRow: 3,
      mapping: { client: 0, date: 1, amount: 2, product: 3, manager: 4 },
      headers: ['Контрагент', 'Дата', 'Сумма', 'Номенклатура', 'Менеджер'],
    });
  });

  it('accepts quantity and price instead of an amount', () => {
    const found = detectHeader([['Client', 'Date', 'Qty', 'Price']], SALES_SHEET);
    expect(found.ok && found.mapping).toEqual({ client: 0, date: 1, quantity: 2, price: 3 });
  });

  it('says which required fields the best candidate row lacks', () => {
    expect(detectHeader([['Title'], ['Клиент', 'Товар', 'Кол-во']], SALES_SHEET)).toEqual({
      ok: false,
      code: 'missing-columns',
      missing: ['date', 'amount'],
    });
    expect(detectHeader([['Client', 'Date', 'Qty']], SALES_SHEET)).toEqual({ ok: false, code: 'missing-columns', missing: ['amount'] });
  });

  it('reports no header when no row carries a header word, and empty for an empty grid', () => {
    expect(detectHeader([['a', 'b'], [1, 2]], SALES_SHEET)).toEqual({ ok: false, code: 'no-header', missing: ['client', 'date', 'amount'] });
    expect(detectHeader([], SALES_SHEET)).toEqual({ ok: false, code: 'empty', missing: ['client', 'date', 'amount'] });
    expect(detectHeader([[null, ''], ['  ']], SALES_SHEET)).toMatchObject({ ok: false, code: 'empty' });
  });

  it('looks for the header in the first 30 rows only', () => {
    const titles: Grid = Array.from({ length: 30 }, (_, i) => [`title ${i}`]);
    expect(detectHeader([...titles, ['Client', 'Date', 'Amount']], SALES_SHEET)).toMatchObject({ ok: false, code: 'no-header' });
    expect(detectHeader([...titles.slice(1), ['Client', 'Date', 'Amount']], SALES_SHEET)).toMatchObject({ ok: true, headerRow: 29 });
  });

  it('lets the caller choose the header row, the mapping, or both', () => {
    const grid: Grid = [['Клиент', 'Дата', 'Сумма'], ['Buyer', 'When', 'Value'], ['a', '2026-01-01', 5]];
    expect(detectHeader(grid, SALES_SHEET, { headerRow: 1 })).toEqual({ ok: false, code: 'missing-columns', missing: ['date', 'amount'] });
    expect(detectHeader(grid, SALES_SHEET, { headerRow: 1, mapping: { client: 0, date: 1, amount: 2 } })).toMatchObject({
      ok: true,
      headerRow: 1,
      headers: ['Buyer', 'When', 'Value'],
    });
    expect(detectHeader(grid, SALES_SHEET, { mapping: { client: 2, date: 1, amount: 0 } })).toMatchObject({
      ok: true,
      headerRow: 0,
      mapping: { client: 2, date: 1, amount: 0 },
    });
    expect(detectHeader(grid, SALES_SHEET, { mapping: { client: 0, date: -1, amount: 2.5 } })).toEqual({
      ok: false,
      code: 'missing-columns',
      missing: ['date', 'amount'],
    });
    expect(detectHeader(grid, SALES_SHEET, { headerRow: 7 })).toMatchObject({ ok: false, code: 'no-header' });
  });

  it('with only a mapping and no recognisable header, takes the first non-blank row as the header', () => {
    const grid: Grid = [[], ['x', 'y', 'z'], ['a', '2026-01-01', 5]];
    expect(detectHeader(grid, SALES_SHEET, { mapping: { client: 0, date: 1, amount: 2 } })).toMatchObject({ ok: true, headerRow: 1 });
  });

  it('detects contact sheets by their own words', () => {
    const found = detectHeader([['Клиент', 'Дата звонка', 'Дата', 'Дозвон']], CONTACT_SHEET);
    expect(found).toMatchObject({ ok: true, mapping: { client: 0, date: 2, answered: 3 } });
  });
});
