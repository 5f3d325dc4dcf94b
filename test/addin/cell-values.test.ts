import { describe, expect, it } from 'vitest';
import { plainArgument, plainValue } from '../../addin/cell-values.js';

describe('data-typed cell values', () => {
  it('reads an entity or a linked entity by its text, any other typed value by its basic value', () => {
    expect(plainValue({ type: 'Entity', text: 'ООО Ромашка', basicValue: '#VALUE!', properties: {} })).toBe('ООО Ромашка');
    expect(plainValue({ type: 'LinkedEntity', text: 'Moscow', basicValue: '#VALUE!', id: { serviceId: 268 } })).toBe('Moscow');
    expect(plainValue({ type: 'FormattedNumber', basicValue: 1234.5, numberFormat: '#,##0.00' })).toBe(1234.5);
    expect(plainValue({ type: 'Double', basicValue: 0.25, numberFormat: '0%' })).toBe(0.25);
    expect(plainValue({ type: 'Boolean', basicValue: true })).toBe(true);
    expect(plainValue({ type: 'Error', basicValue: '#N/A', errorType: 'NotAvailable' })).toBe('#N/A');
    expect(plainValue({ type: 'Array', elements: [[1]] })).toBe('#VALUE!');
  });

  it('leaves plain cells alone and keeps the shape of a range', () => {
    for (const cell of ['a', 1, false, null]) expect(plainValue(cell)).toBe(cell);
    expect(plainArgument([[{ type: 'Entity', text: 'A' }, 2], [null, 'x']])).toEqual([['A', 2], [null, 'x']]);
    expect(plainArgument({ type: 'Double', basicValue: 3 })).toBe(3);
  });
});
