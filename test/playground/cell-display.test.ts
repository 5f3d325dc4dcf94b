import { describe, expect, it } from 'vitest';
import { moneyFormat, NUMBER_FORMATS } from '../../core/index.js';
import { displayCell } from '../../playground/cell-display.js';

describe('the playground shows a report cell as the hosts format it', () => {
  it('shows money plain, or with the currency sign its code quotes, where the language puts it', () => {
    expect(displayCell(1234.5, 'money')).toBe('1,234.50');
    expect(displayCell(1234.5, 'money', { ...NUMBER_FORMATS, money: moneyFormat('$', '¤n') })).toBe('$1,234.50');
    expect(displayCell(-1234.5, 'money', { ...NUMBER_FORMATS, money: moneyFormat('$', '¤n') })).toBe('-$1,234.50');
    expect(displayCell(1234567.891, 'money', { ...NUMBER_FORMATS, money: moneyFormat('₽', 'n\u00a0¤') })).toBe('1,234,567.89\u00a0₽');
  });

  it('keeps the other formats: dates by the date code, percent, counts', () => {
    expect(displayCell(20517, 'date', { ...NUMBER_FORMATS, date: 'dd.mm.yyyy' })).toBe('05.03.2026');
    expect(displayCell(20517, 'date')).toBe('2026-03-05');
    expect(displayCell(0.1234, 'percent')).toBe('12.3%');
    expect(displayCell(12345, 'integer')).toBe('12,345');
  });
});
