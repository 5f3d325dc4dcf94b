import { describe, expect, it } from 'vitest';
import type { SheetInspection } from '../../core/panel/bridge.js';
import { requiredColumnsLine, shownValue } from '../../ui/columns-view.js';

const inspection = (mapping: SheetInspection['mapping']): SheetInspection => ({ sheet: 'Sales', rows: 2, ok: true, headerRow: 0, headers: [], mapping, preview: [] });

describe('the preview values', () => {
  it('writes dates and amounts as the language does, quantities and prices as read, text as it is', () => {
    expect(shownValue('ru', 'date', '2026-03-05')).toBe('05.03.2026');
    expect(shownValue('en', 'date', '2026-03-05')).toBe('2026-03-05');
    expect(shownValue('ru', 'amount', '28609.01')).toBe('28\u00a0609,01');
    expect(shownValue('en', 'profit', '-1234.50')).toBe('-1,234.50');
    expect(shownValue('ru', 'quantity', '12.5')).toBe('12,5');
    expect(shownValue('ru', 'price', '9536.67')).toBe('9536,67');
    expect(shownValue('ru', 'client', '1234.50')).toBe('1234.50');
    expect(shownValue('ru', 'amount', undefined)).toBe('');
  });
});

describe('the Columns summary line', () => {
  it('names the required columns in use, and an amount made of quantity × unit price', () => {
    expect(requiredColumnsLine('en', inspection({ client: 0, date: 1, amount: 7 }))).toBe('Client: A · Sale date: B · Amount: H');
    expect(requiredColumnsLine('ru', inspection({ client: 0, date: 1, quantity: 5, price: 6 }))).toBe('Клиент: A · Дата продажи: B · Сумма: F × G');
    expect(requiredColumnsLine('en', inspection({ client: 0, quantity: 5 }))).toBe('Client: A');
  });
});
