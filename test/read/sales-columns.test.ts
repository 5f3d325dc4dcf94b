/**
 * SalesColumnsBuilder and TextTable (core/read/sales-columns.ts): lines in, typed columns out at
 * their length, repeated texts kept once as names.
 */
import { describe, expect, it } from 'vitest';
import { saleLines, SalesColumnsBuilder, TextTable } from '../../core/read/sales-columns.js';

function built(count: number) {
  const builder = new SalesColumnsBuilder({ profit: true, quantity: false, texts: ['manager'] });
  for (let i = 0; i < count; i++) {
    const line = builder.add(i + 2, builder.clients.id(i % 3 === 0 ? 'Acme' : ' Beta '), 20_000 + i, 100 * i, i % 2 ? Number.NaN : i, Number.NaN);
    builder.text('manager', line, i % 2 ? 'Иванова' : '');
  }
  return builder.finish();
}

describe('SalesColumnsBuilder.finish', () => {
  it('hands over every line at its length, names kept once', () => {
    const columns = built(5);
    expect(columns.length).toBe(5);
    expect([...columns.row]).toEqual([2, 3, 4, 5, 6]);
    expect(columns.client.texts).toEqual(['Acme', 'Beta']);
    expect([...columns.client.ids]).toEqual([0, 1, 1, 0, 1]);
    expect(columns.quantity).toBeNull();
    expect(saleLines(columns)[1]).toEqual({ row: 3, client: 'Beta', day: 20_001, amount: 100, manager: 'Иванова' });
    expect(saleLines(columns)[2]).toEqual({ row: 4, client: 'Beta', day: 20_002, amount: 200, profit: 2 });
  });

  it('copies columns that would leave most of their arrays unused, and gives views of nearly full ones', () => {
    // The arrays start at 1,024 entries: 5 lines are copied to arrays of 5, 1,000 lines are views.
    const few = built(5);
    expect(few.amount.buffer.byteLength).toBe(5 * 8);
    expect(few.manager!.ids.buffer.byteLength).toBe(5 * 4);
    const many = built(1000);
    expect(many.amount.length).toBe(1000);
    expect(many.amount.buffer.byteLength).toBe(1024 * 8);
    expect([...many.row.slice(995)]).toEqual([997, 998, 999, 1000, 1001]);
    expect(saleLines(many)[999]).toEqual({ row: 1001, client: 'Acme', day: 20_999, amount: 99_900, manager: 'Иванова' });
  });
});

describe('TextTable', () => {
  it('numbers names, not raw texts: spaces and invisible characters around a name are one name', () => {
    const table = new TextTable();
    expect(['Acme', ' Acme', 'Acme\u200b', 'Beta', '\u200b', '  ', 'Acme'].map((raw) => table.id(raw))).toEqual([0, 0, 0, 1, -1, -1, 0]);
    expect(table.nameId('Beta ')).toBe(1);
    expect(table.nameId('Гамма')).toBe(2);
    expect(table.texts).toEqual(['Acme', 'Beta', 'Гамма']);
    expect(table.invisible).toBe(1);
  });
});
