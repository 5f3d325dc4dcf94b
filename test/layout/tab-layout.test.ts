import { describe, expect, it } from 'vitest';
import { dayFromYmd, serialFromDay } from '../../core/basics/calendar.js';
import { cellAddress, columnLetters } from '../../core/layout/addresses.js';
import { formatLiteral, moneyFormat, NUMBER_FORMATS, sheetCell, sheetCellInto, textCells } from '../../core/layout/cells.js';
import { firstLineRow, layoutTab, noteLines, tableLineCount, tableLines } from '../../core/layout/tab-layout.js';
import type { SheetSpec } from '../../core/report/spec.js';
import { sampleReport } from '../addin/report-fixtures.js';
import { clientsSpec, DAY, HOSTILE } from '../apps-script/spec-fixture.js';

describe('cells', () => {
  it('writes strings as Text, numbers with their column format, day numbers as the host counts them, empties as ""', () => {
    const serial1904 = (day: number) => serialFromDay(day) - 1462;
    expect(sheetCell('=1+1', 'money', serialFromDay)).toEqual({ value: '=1+1', format: '@' });
    expect(sheetCell(12.5, 'money', serialFromDay)).toEqual({ value: 12.5, format: '#,##0.00' });
    expect(sheetCell(0.125, 'percent', serialFromDay)).toEqual({ value: 0.125, format: '0.0%' });
    expect(sheetCell(dayFromYmd(2025, 1, 1), 'date', serialFromDay)).toEqual({ value: 45658, format: 'yyyy-mm-dd' });
    expect(sheetCell(dayFromYmd(2025, 1, 1), 'date', serial1904)).toEqual({ value: 44196, format: 'yyyy-mm-dd' });
    expect(sheetCell(null, 'integer', serialFromDay)).toEqual({ value: '', format: '#,##0' });
    expect(sheetCell(Number.NaN, 'decimal', serialFromDay)).toEqual({ value: '', format: '0.00' });
    expect(textCells(['a'], 3)).toEqual([
      { value: 'a', format: '@' },
      { value: '', format: '@' },
      { value: '', format: '@' },
    ]);
  });

  it('writes a cell into the one given as sheetCell makes it, whatever that cell held before', () => {
    const cell = { value: 'old' as string | number, format: 'old' };
    const values = ['=1+1', 12.5, null, dayFromYmd(2025, 1, 1), 'x'] as const;
    const formats = ['money', 'money', 'integer', 'date', 'integer'] as const;
    values.forEach((value, k) => {
      expect(sheetCellInto(cell, value, formats[k], serialFromDay)).toBe(cell);
      expect({ ...cell }).toEqual(sheetCell(value, formats[k], serialFromDay));
    });
  });

  it('writes money with a currency sign as a quoted literal, before or after the digits', () => {
    expect(moneyFormat('$', '¤n')).toBe('"$"#,##0.00');
    expect(moneyFormat('₽', 'n\u00a0¤')).toBe('#,##0.00"\u00a0₽"');
    expect(moneyFormat('€', 'n ¤')).toBe('#,##0.00" €"');
    // A quote in the text closes the literal, is written escaped, and the literal goes on.
    expect(formatLiteral('a"b')).toBe('"a"\\""b"');
    expect(sheetCell(12.5, 'money', serialFromDay, { ...NUMBER_FORMATS, money: '"$"#,##0.00' })).toEqual({ value: 12.5, format: '"$"#,##0.00' });
  });

  it('names columns and cells as spreadsheets do', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
    expect(cellAddress(0, 0)).toBe('A1');
    expect(cellAddress(18, 12)).toBe('M19');
  });
});

describe('layoutTab', () => {
  it('places notes, a blank row, then each table as [title] + header + rows + blank row (the doc example, 0-based)', () => {
    const layout = layoutTab(clientsSpec(3));
    expect(layout.notes).toEqual([{ row: 0, texts: ['As of 2026-03-05.', 'One row per client.'], place: 'above' }]);
    expect(layout.tables.map((t) => [t.titleRow, t.headerRow, t.firstDataRow, t.rowCount, t.columnCount, t.native])).toEqual([
      [3, 4, 5, 3, 6, true],
      [null, 9, 10, 2, 2, false],
    ]);
    expect([layout.rowCount, layout.columnCount]).toEqual([12, 6]);
    expect(layout.tables.map(firstLineRow)).toEqual([3, 9]);
    expect(layout.tables.map(tableLineCount)).toEqual([5, 3]);
  });

  it('gives an empty title no row, starts at row 0 without notes, and freezes nothing unless asked', () => {
    const base = clientsSpec(1);
    const spec: SheetSpec = { ...base, notes: [], freezeHeader: false, tables: [{ ...base.tables[0], title: '' }] };
    const layout = layoutTab(spec);
    expect(layout.tables[0]).toMatchObject({ titleRow: null, headerRow: 0 });
    expect(layout.frozenRows).toBe(0);
  });

  it('freezes through the header row when it is one of the top 3 rows, else nothing, and prints the header on every page either way', () => {
    const base = clientsSpec(3);
    const table = base.tables[0];
    const frozen = (notes: string[], title: string) => layoutTab({ ...base, notes, tables: [{ ...table, title }] }).frozenRows;
    expect(frozen([], '')).toBe(1);
    expect(frozen([], 'All clients')).toBe(2);
    expect(frozen(['As of 2026-03-05.'], '')).toBe(3);
    expect(frozen(['As of 2026-03-05.'], 'All clients')).toBe(0);
    const deep = layoutTab(base);
    expect([deep.tables[0].headerRow, deep.frozenRows, deep.print.repeatRow]).toEqual([4, 0, 4]);
  });

  it("puts a long list's notes under it: only the lead line above the header, frozen through it (the doc example)", () => {
    const columns = ['client', 'value', 'status', 'last'].map((key) => ({ key, header: key, format: 'text' as const, width: 10 }));
    const spec: SheetSpec = {
      key: 'clients',
      name: 'Clients',
      notes: ['As of 2026-03-31.', 'One row per client.'],
      notesBelow: { lead: 'As of 2026-03-31 · notes under the list ↓' },
      tables: [{ id: 'clients', asTable: true, columns, rows: Array.from({ length: 600 }, (_, i) => [`Client ${i}`, 'x', 'y', 'z']) }],
      charts: [],
      freezeHeader: true,
    };
    const layout = layoutTab(spec);
    expect(layout.notes).toEqual([
      { row: 0, texts: ['As of 2026-03-31 · notes under the list ↓'], place: 'above' },
      { row: 603, texts: ['As of 2026-03-31.', 'One row per client.'], place: 'below' },
    ]);
    expect(layout.tables.map((t) => [t.titleRow, t.headerRow, t.firstDataRow, t.rowCount])).toEqual([[null, 1, 2, 600]]);
    expect([layout.rowCount, layout.extentRows, layout.frozenRows, layout.print.repeatRow]).toEqual([605, 605, 2, 1]);
    // Under a title the header is the third row: still frozen, through it.
    const titled = layoutTab({ ...spec, tables: [{ ...spec.tables[0], title: 'All clients' }] });
    expect([titled.tables[0].headerRow, titled.frozenRows, titled.notes[1].row]).toEqual([2, 3, 604]);
    // With no table there is nothing to point under: the notes stand on top, without the lead.
    expect(layoutTab({ ...spec, tables: [], freezeHeader: false }).notes).toEqual([{ row: 0, texts: spec.notes, place: 'above' }]);
  });

  it('places the report fixtures: matrix blocks, a titled empty table, frozen header rows', () => {
    const [clients, matrix, kpi] = sampleReport('en');
    expect(layoutTab(clients).tables.map((t) => t.headerRow)).toEqual([2]);
    expect(layoutTab(clients).frozenRows).toBe(3);
    const m = layoutTab(matrix);
    // matrix: title 0, header 1, rows 2–4, blank 5; pareto: title 6, header 7, rows 8–10, blank 11; empty: title 12, header 13.
    expect(m.tables.map((t) => [t.titleRow, t.headerRow])).toEqual([
      [0, 1],
      [6, 7],
      [12, 13],
    ]);
    expect(m.tables.map((t) => t.native)).toEqual([false, true, false]);
    expect(m.frozenRows).toBe(0);
    expect(layoutTab(kpi).frozenRows).toBe(3);
  });

  it('puts charts right of the widest table with a column between, 18 rows each, 20 rows apart', () => {
    const spec: SheetSpec = { ...sampleReport('en')[1] };
    spec.charts = [spec.charts[0], { kind: 'bar', title: 'Matrix', table: 'matrix', categories: 'abc', series: ['X', 'Y', 'Z'] }];
    const layout = layoutTab(spec);
    expect(layout.charts.map((c) => [cellAddress(c.top, c.left), cellAddress(c.top + c.rows - 1, c.left + c.columns - 1), c.categoryColumn, c.seriesColumns])).toEqual([
      ['F2', 'M19', 0, [1, 2]],
      ['F22', 'M39', 0, [1, 2, 3]],
    ]);
    expect([layout.extentRows, layout.extentColumns]).toEqual([39, 13]);
  });

  it('makes columns wide enough for their header words and their numbers', () => {
    const layout = layoutTab(sampleReport('en')[1]);
    // Column A: the matrix's ABC asks 6, the pareto's client 20 — the widest wins.
    expect(layout.columnWidths[0]).toBe(20);
    const long: SheetSpec = {
      ...clientsSpec(1),
      tables: [{ ...clientsSpec(1).tables[0], rows: [['x', 123_456_789.5, 0.5, 'active', DAY, 7]] }],
    };
    expect(layoutTab(long).columnWidths[1]).toBeGreaterThanOrEqual('123,456,789.50'.length + 2);
    // With a currency the sign and its gap take two more characters: "123,456,789.50 ₽".
    const signed: SheetSpec = { ...long, numberFormats: { money: moneyFormat('₽', 'n\u00a0¤') } };
    expect(layoutTab(signed).columnWidths[1]).toBe(layoutTab(long).columnWidths[1]! + 2);
  });

  it('refuses a chart over a table or column the sheet does not have (a report bug, not user data)', () => {
    const spec: SheetSpec = { ...sampleReport('en')[2] };
    expect(() => layoutTab({ ...spec, charts: [{ ...spec.charts[0], table: 'nope' }] })).toThrow(/table "nope"/);
    expect(() => layoutTab({ ...spec, charts: [{ ...spec.charts[0], series: ['nope'] }] })).toThrow(/column "nope"/);
  });
});

describe('the lines of a table', () => {
  const layout = layoutTab(clientsSpec(4));
  const [clients] = layout.tables;

  it('are the title, the header and the rows, each as wide as the table', () => {
    const lines = tableLines(clients, 0, tableLineCount(clients), serialFromDay);
    expect(lines).toHaveLength(6);
    expect(lines.every((line) => line.length === 6)).toBe(true);
    expect(lines[0].map((c) => c.value)).toEqual(['All clients', '', '', '', '', '']);
    expect(lines[1].map((c) => c.value)).toEqual(['Client', 'Revenue', 'Share', 'Status', 'Last purchase', 'Orders']);
    expect(lines[2][0]).toEqual({ value: HOSTILE[0], format: '@' });
    expect(lines[2][4]).toEqual({ value: serialFromDay(DAY), format: 'yyyy-mm-dd' });
    expect(lines[3][4]).toEqual({ value: '', format: 'yyyy-mm-dd' });
  });

  it('can be taken in any slice, which together give the whole', () => {
    const whole = tableLines(clients, 0, 6, serialFromDay);
    expect([...tableLines(clients, 0, 2, serialFromDay), ...tableLines(clients, 2, 5, serialFromDay), ...tableLines(clients, 5, 6, serialFromDay)]).toEqual(whole);
  });

  it('end with the link line when the table links to another tab, and the next table starts after a blank row', () => {
    const base = clientsSpec(2);
    const spec: SheetSpec = { ...base, tables: [{ ...base.tables[0], link: { sheet: 'winback', text: 'Open the whole list →' } }, base.tables[1]] };
    const linked = layoutTab(spec);
    const [first, second] = linked.tables;
    expect([first.headerRow, first.linkRow, second.titleRow ?? second.headerRow]).toEqual([4, 7, 9]);
    expect(tableLineCount(first)).toBe(5);
    const lines = tableLines(first, 0, tableLineCount(first), serialFromDay);
    expect(lines.at(-1)!.map((c) => c.value)).toEqual(['Open the whole list →', '', '', '', '', '']);
    expect(layoutTab(base).tables[0].linkRow).toBeNull();
  });

  it('print landscape, one page wide, repeating a frozen header row', () => {
    expect(layout.print).toEqual({ orientation: 'landscape', fitToWidth: 1, repeatRow: layout.tables[0].headerRow });
    expect(layoutTab({ ...clientsSpec(1), freezeHeader: false }).print.repeatRow).toBeNull();
  });

  it('start with the notes, one text cell each', () => {
    expect(layout.notes.map((block) => [block.row, noteLines(block)])).toEqual([[0, [[{ value: 'As of 2026-03-05.', format: '@' }], [{ value: 'One row per client.', format: '@' }]]]]);
  });
});
