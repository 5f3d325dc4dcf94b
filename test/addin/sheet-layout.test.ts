import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../core/basics/calendar.js';
import type { SheetSpec } from '../../core/ports.js';
import { cellAddress, columnLetters, excelCell, isNativeTable, layoutSheet } from '../../addin/sheet-layout.js';
import { sampleReport } from './report-fixtures.js';

describe('sheet layout', () => {
  it('names columns and cells as Excel does', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
    expect(cellAddress(0, 0)).toBe('A1');
    expect(cellAddress(18, 12)).toBe('M19');
  });

  it('writes strings as Text, numbers with their column format, day numbers as serials, empties as ""', () => {
    expect(excelCell('=1+1', 'money', false)).toEqual({ value: '=1+1', format: '@' });
    expect(excelCell(12.5, 'money', false)).toEqual({ value: 12.5, format: '#,##0.00' });
    expect(excelCell(0.125, 'percent', false)).toEqual({ value: 0.125, format: '0.0%' });
    expect(excelCell(dayFromYmd(2025, 1, 1), 'date', false)).toEqual({ value: 45658, format: 'yyyy-mm-dd' });
    expect(excelCell(dayFromYmd(2025, 1, 1), 'date', true)).toEqual({ value: 44196, format: 'yyyy-mm-dd' });
    expect(excelCell(null, 'integer', false)).toEqual({ value: '', format: '#,##0' });
    expect(excelCell(Number.NaN, 'decimal', false)).toEqual({ value: '', format: '0.00' });
  });

  it('places notes, a blank row, then each table as [title] + header + rows + blank row', () => {
    const [clients, matrix, kpi] = sampleReport('en');
    const c = layoutSheet(clients, false);
    expect(c.blocks.map((b) => [b.row, b.values.length, b.boldFirstRow])).toEqual([
      [0, 1, false],
      [2, 1 + clients.tables[0].rows.length, false],
    ]);
    expect(c.tables.map((t) => t.headerRow)).toEqual([2]);
    expect(c.frozenRows).toBe(3);
    const m = layoutSheet(matrix, false);
    // matrix: title 0, header 1, rows 2–4, blank 5; pareto: title 6, header 7, rows 8–10, blank 11; empty: title 12, header 13.
    expect(m.tables.map((t) => t.headerRow)).toEqual([1, 7, 13]);
    expect(m.blocks.filter((b) => b.boldFirstRow).map((b) => b.row)).toEqual([0, 1, 6, 12, 13]);
    expect(m.frozenRows).toBe(0);
    expect(layoutSheet(kpi, false).frozenRows).toBe(3);
  });

  it('puts charts right of the widest table, one under another, and resolves their columns', () => {
    const spec: SheetSpec = { ...sampleReport('en')[1] };
    spec.charts = [spec.charts[0], { kind: 'bar', title: 'Matrix', table: 'matrix', categories: 'abc', series: ['X', 'Y', 'Z'] }];
    const layout = layoutSheet(spec, false);
    expect(layout.columnWidths).toEqual([20, 12, 10, 6]);
    expect(layout.charts.map((c) => [c.from, c.to, c.categoryColumn, c.seriesColumns])).toEqual([
      ['F2', 'M19', 0, [1, 2]],
      ['F21', 'M38', 0, [1, 2, 3]],
    ]);
  });

  it('refuses a chart over a table or column the sheet does not have (a report bug, not user data)', () => {
    const spec: SheetSpec = { ...sampleReport('en')[2] };
    expect(() => layoutSheet({ ...spec, charts: [{ ...spec.charts[0], table: 'nope' }] }, false)).toThrow(/table "nope"/);
    expect(() => layoutSheet({ ...spec, charts: [{ ...spec.charts[0], series: ['nope'] }] }, false)).toThrow(/column "nope"/);
  });

  it('writes a native table only when asked and when it has rows', () => {
    const [, matrix] = sampleReport('en');
    expect(matrix.tables.map(isNativeTable)).toEqual([false, true, false]);
  });
});
