/**
 * The Sheets port against hand-written SheetSpecs, on the typed fakes: layout, values and formats,
 * text safety, banding, filter, conditional formats, charts, metadata, replacing own tabs, leaving
 * the user's sheets alone, and reading dates in the spreadsheet's time zone — with call counts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { layoutTab } from '../../core/layout/tab-layout.js';
import { planWrites, stepData } from '../../apps-script/plan.js';
import { readSheet, READ_BLOCK_CELLS, TAB_KEY, type OpenedTab } from '../../apps-script/sheets-port.js';
import { writeStep } from '../../apps-script/write-step.js';
import type { SheetSpec } from '../../core/report/spec.js';
import { fakeHost, midnightIn, type FakeHost, type FakeSheet } from './fakes.js';
import { clientsSpec, HOSTILE, kpiSpec } from './spec-fixture.js';

let host: FakeHost;

beforeEach(() => {
  host = fakeHost({ timeZone: 'Europe/Moscow' });
  Object.assign(globalThis, host.globals);
});

/** Writes the tabs through the port as a run does, step by step, each step from its data alone. */
function writeAll(sheets: SheetSpec[], sources: string[] = [], view: number | null = null): OpenedTab[] {
  const layouts = sheets.map(layoutTab);
  const context = { opened: sheets.map((): OpenedTab | null => null), sources, view };
  for (const step of planWrites(layouts)) writeStep(JSON.parse(JSON.stringify(stepData(step, layouts))), context);
  return context.opened.filter((tab): tab is OpenedTab => tab !== null);
}

const ownKey = (sheet: FakeSheet) => {
  const value = sheet.metadata.find((m) => m.key === TAB_KEY)?.value;
  return value === undefined ? undefined : (JSON.parse(value) as { key: string }).key;
};

describe('writing a tab', () => {
  it('lays out notes, title, header and rows with the column formats', () => {
    host.book.addSheet('Sales', [['Client', 'Date', 'Amount']]);
    const [tab] = writeAll([clientsSpec(6)]);
    const sheet = host.book.sheet('Clients');
    expect(tab).toEqual({ key: 'clients', sheetId: sheet.id, name: 'Clients' });
    expect(sheet.rows(1, 2, 1)).toEqual([['As of 2026-03-05.'], ['One row per client.']]);
    expect(sheet.cell(4, 1)).toBe('All clients');
    expect(sheet.rows(5, 1, 6)).toEqual([['Client', 'Revenue', 'Share', 'Status', 'Last purchase', 'Orders']]);
    expect(sheet.rows(11, 1, 6)).toEqual([['Client 5', 995.5, 1 / 60, 'at-risk', 46081, 5]]);
    expect([2, 3, 5, 6].map((c) => sheet.format(11, c))).toEqual(['#,##0.00', '0.0%', 'yyyy-mm-dd', '#,##0']);
    expect(sheet.cell(7, 5)).toBe('');
    expect(sheet.rows(13, 3, 2)).toEqual([['Status', 'Clients'], ['active', 2], ['lost', 1]]);
    expect(sheet.columnWidths.get(1)).toBe(30 * 7 + 16);
  });

  it("writes a long list's lead line above its header, frozen through the header, and its notes under the table", () => {
    writeAll([{ ...clientsSpec(6), notesBelow: { lead: 'As of 2026-03-05 · notes under the list ↓' } }]);
    const sheet = host.book.sheet('Clients');
    expect(sheet.cell(1, 1)).toBe('As of 2026-03-05 · notes under the list ↓');
    expect(sheet.cell(2, 1)).toBe('All clients');
    expect(sheet.rows(3, 1, 2)).toEqual([['Client', 'Revenue']]);
    expect(sheet.frozenRows).toBe(3);
    // Rows 4–9 the clients, 10 blank, 11–13 the small block, 14 blank, then the notes.
    expect(sheet.rows(9, 1, 1)).toEqual([['Client 5']]);
    expect(sheet.rows(14, 3, 1)).toEqual([[''], ['As of 2026-03-05.'], ['One row per client.']]);
    // The pareto chart beside the table, from the header row down 18 rows, reaches further than the notes.
    expect(sheet.maxRows).toBe(20);
  });

  it('writes money with the currency of the report as a quoted literal in the pattern', () => {
    // https://developers.google.com/sheets/api/guides/formats (number format tokens: "text" is a literal;
    // the separators render in the spreadsheet's locale).
    host.book.addSheet('Sales', [['Client', 'Date', 'Amount']]);
    writeAll([{ ...clientsSpec(6), numberFormats: { money: '"$"#,##0.00' } }]);
    const sheet = host.book.sheet('Clients');
    expect([2, 3, 5, 6].map((c) => sheet.format(11, c))).toEqual(['"$"#,##0.00', '0.0%', 'yyyy-mm-dd', '#,##0']);
  });

  it('writes strings that look like formulas, numbers or dates as text', () => {
    writeAll([clientsSpec(6)]);
    const sheet = host.book.sheet('Clients');
    const firstColumn = sheet.rows(6, HOSTILE.length, 1).map((row) => row[0]);
    expect(firstColumn).toEqual(HOSTILE);
    for (let r = 6; r < 6 + HOSTILE.length; r++) expect(sheet.format(r, 1)).toBe('@');
  });

  it('cuts a text longer than a cell holds with the mark (issue 17, item 11): Sheets refuses more than 50,000 characters', () => {
    const spec = clientsSpec(6);
    const long = `${'Щ'.repeat(59_990)}0123456789`;
    spec.tables[0]!.rows[0]![0] = long;
    writeAll([spec]);
    expect(host.book.sheet('Clients').cell(6, 1)).toBe(`${'Щ'.repeat(32_767 - 4)} […]`);
    expect(() => host.book.sheet('Clients').getRange(6, 1, 1, 1).setValues([[long]])).toThrow('more than the maximum of 50000 characters');
  });

  it('bolds headers, freezes the header row only when it is one of the top 3 rows, bands and filters the long table only', () => {
    writeAll([clientsSpec(6)]);
    const sheet = host.book.sheet('Clients');
    expect(sheet.boldRanges).toEqual([
      { row: 4, column: 1, rows: 2, columns: 6 },
      { row: 13, column: 1, rows: 1, columns: 2 },
    ]);
    expect(sheet.frozenRows).toBe(0);
    expect(sheet.bandings.map((b) => b.box)).toEqual([{ row: 5, column: 1, rows: 7, columns: 6 }]);
    expect(sheet.bandings[0].style).toEqual({ theme: 'LIGHT_GREY', showHeader: true, showFooter: false });
    expect(sheet.filter?.box).toEqual({ row: 5, column: 1, rows: 7, columns: 6 });
    writeAll([{ ...clientsSpec(6), notes: [] }]);
    expect(host.book.sheet('Clients').frozenRows).toBe(2);
  });

  it('colours statuses with text rules and the value columns with one gradient', () => {
    writeAll([clientsSpec(6)]);
    const rules = host.book.sheet('Clients').rules.map((r) => r.record);
    const statusColumn = { row: 6, column: 4, rows: 6, columns: 1 };
    expect(rules.filter((r) => r.kind === 'text')).toEqual([
      { kind: 'text', text: 'active', background: '#d9ead3', ranges: [statusColumn] },
      { kind: 'text', text: 'at-risk', background: '#fff2cc', ranges: [statusColumn] },
      { kind: 'text', text: 'lost', background: '#f4cccc', ranges: [statusColumn] },
    ]);
    expect(rules.filter((r) => r.kind === 'gradient')).toEqual([
      {
        kind: 'gradient',
        gradient: { min: '#ffffff', mid: { color: '#ffe599', type: 'PERCENTILE', value: '50' }, max: '#e06666' },
        ranges: [
          { row: 6, column: 2, rows: 6, columns: 1 },
          { row: 6, column: 3, rows: 6, columns: 1 },
        ],
      },
    ]);
  });

  it('draws native charts from the table columns, with the header row as series names', () => {
    writeAll([clientsSpec(6), kpiSpec()]);
    const [pareto] = host.book.sheet('Clients').charts.map((c) => c.record);
    expect(pareto.type).toBe('combo');
    expect(pareto.ranges).toEqual([1, 2, 3].map((column) => ({ row: 5, column, rows: 7, columns: 1 })));
    expect(pareto.numHeaders).toBe(1);
    expect(pareto.options).toEqual({ seriesType: 'bars', series: { 1: { type: 'line', targetAxisIndex: 1 } }, title: 'Pareto' });
    expect(pareto.position).toEqual({ row: 5, column: 8, offsetX: 0, offsetY: 0 });
    const [stacked] = host.book.sheet('KPI').charts.map((c) => c.record);
    expect(stacked).toMatchObject({ type: 'column', stacked: true, position: { row: 1, column: 5 } });
  });

  it('marks its tabs with developer metadata and writes each block with one setValues', () => {
    writeAll([clientsSpec(10_000), kpiSpec()]);
    expect(host.book.sheets.map((s) => [s.name, ownKey(s)])).toEqual([
      ['Clients', 'clients'],
      ['KPI', 'kpi'],
    ]);
    const blocks = planWrites([clientsSpec(10_000), kpiSpec()].map(layoutTab)).filter((s) => s.kind === 'lines').length;
    expect(blocks).toBe(6);
    expect(host.log.count('Range.setValues')).toBe(blocks + 1);
    expect(host.log.count('Range.setNumberFormats')).toBe(blocks + 1);
    expect(host.log.count('Range.getValues')).toBe(0);
  });
});

describe('re-running', () => {
  it('replaces its own tab in place: same sheet, old rows, charts, banding and rules gone', () => {
    writeAll([clientsSpec(40)]);
    const first = host.book.sheet('Clients');
    writeAll([clientsSpec(3)]);
    expect(host.book.sheets).toHaveLength(1);
    expect(host.book.sheets[0]).toBe(first);
    expect(first.cell(9, 1)).toBe('');
    expect(first.cell(10, 1)).toBe('Status');
    expect(first.charts).toHaveLength(1);
    expect(first.bandings).toHaveLength(1);
    expect(first.rules).toHaveLength(4);
    expect(first.metadata).toHaveLength(1);
  });

  it('follows a renamed language: the same tab takes the new name', () => {
    writeAll([clientsSpec(3)]);
    writeAll([clientsSpec(3, 'Клиенты')]);
    expect(host.book.sheets.map((s) => s.name)).toEqual(['Клиенты']);
  });

  it('leaves a user sheet with the same name alone and writes a suffixed tab', () => {
    const mine = host.book.addSheet('clients', [['my notes', 42]]);
    const [tab] = writeAll([clientsSpec(3)]);
    expect(tab.name).toBe('Clients (2)');
    expect(mine.rows(1, 1, 2)).toEqual([['my notes', 42]]);
    expect(mine.formats.size).toBe(0);
    expect(mine.metadata).toEqual([]);
    writeAll([clientsSpec(3)]);
    expect(host.book.sheets.map((s) => s.name)).toEqual(['clients', 'Clients (2)']);
  });

  it('never writes over a sheet the run reads from, even one of its own tabs', () => {
    writeAll([clientsSpec(3)]);
    const before = host.book.sheet('Clients').rows(1, 12, 6);
    const [tab] = writeAll([clientsSpec(5)], ['Clients']);
    expect(tab.name).toBe('Clients (2)');
    expect(host.book.sheet('Clients').rows(1, 12, 6)).toEqual(before);
  });
});

describe('reading a sheet', () => {
  it('reads in row blocks and turns date cells into serials in the spreadsheet time zone', () => {
    const rows = 150_000;
    const grid = [['Client', 'Date', 'Amount'], ...Array.from({ length: rows }, (_, i) => [`C${i % 97}`, midnightIn('Europe/Moscow', 2026, 1, 1 + (i % 60)), i])];
    host.book.addSheet('Sales', grid);
    host.log.reset();
    const read = readSheet('Sales');
    expect(read?.rows).toBe(rows + 1);
    expect(read?.grid[1]).toEqual(['C0', 46023, 0]);
    expect(read?.grid[60]).toEqual(['C59', 46082, 59]);
    expect(host.log.count('Range.getValues')).toBe(Math.ceil((rows + 1) / Math.floor(READ_BLOCK_CELLS / 3)));
    expect(host.log.count('Utilities.formatDate')).toBe(60);
    expect(host.log.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(1);
  });

  it('keeps the calendar date of a date cell: midnight in Auckland is the day before in UTC', () => {
    host = fakeHost({ timeZone: 'Pacific/Auckland' });
    Object.assign(globalThis, host.globals);
    const cell = midnightIn('Pacific/Auckland', 2026, 3, 5);
    expect(cell.toISOString()).toBe('2026-03-04T11:00:00.000Z');
    host.book.addSheet('Sales', [[cell]]);
    expect(readSheet('Sales')?.grid).toEqual([[46086]]);
  });

  it('reads only the rows asked for, and nothing for a missing sheet', () => {
    host.book.addSheet('Sales', Array.from({ length: 500 }, (_, i) => [i]));
    host.log.reset();
    expect(readSheet('Sales', 36)?.grid).toHaveLength(36);
    expect(host.log.count('Range.getValues')).toBe(1);
    expect(readSheet('Nope')).toBeNull();
  });
});

describe('what a real spreadsheet adds', () => {
  it('sizes every tab to exactly what it holds, charts included (10 M cells count empty ones)', () => {
    const specs = [clientsSpec(2_000), kpiSpec()];
    writeAll(specs);
    for (const spec of specs) {
      const layout = layoutTab(spec);
      const sheet = host.book.sheet(spec.name);
      expect([sheet.maxRows, sheet.maxColumns], spec.name).toEqual([Math.max(layout.extentRows, layout.frozenRows + 1), layout.extentColumns]);
    }
    expect(host.book.sheet('Clients').cellCount).toBe(layoutTab(specs[0]).extentRows * layoutTab(specs[0]).extentColumns);
  });

  it('shrinks a re-used tab to its new size, and gives a tab whose frozen header is its last row one row more', () => {
    writeAll([clientsSpec(3_000)]);
    const sheet = host.book.sheet('Clients');
    expect(sheet.maxRows).toBe(layoutTab(clientsSpec(3_000)).extentRows);
    const empty = { ...clientsSpec(0), notes: [], tables: [clientsSpec(0).tables[0]], charts: [] };
    writeAll([empty]);
    const layout = layoutTab(empty);
    expect(layout.frozenRows).toBe(layout.extentRows);
    expect(sheet.maxRows).toBe(layout.extentRows + 1);
    expect(sheet.frozenRows).toBe(layout.frozenRows);
  });

  it('a finish repeated after a failure leaves one banding, one filter, one set of rules and each chart once', () => {
    const layouts = [clientsSpec(40)].map(layoutTab);
    const steps = planWrites(layouts).map((step) => stepData(step, layouts));
    const context = { opened: [null] as (OpenedTab | null)[], sources: [], view: null };
    for (const step of steps) writeStep(step, context);
    writeStep(steps.at(-1)!, context);
    const sheet = host.book.sheet('Clients');
    expect(sheet.bandings).toHaveLength(1);
    expect(sheet.filter).not.toBeNull();
    expect(sheet.rules).toHaveLength(4);
    expect(sheet.charts).toHaveLength(1);
  });

  it("never clears a user's duplicate of a report tab, though the duplicate carries the tab's metadata", () => {
    writeAll([clientsSpec(5)]);
    const original = host.book.sheet('Clients');
    const copy = host.book.duplicate(original, 'Copy of Clients', 0);
    copy.put(1, 1, 'my March snapshot');
    expect(copy.metadata.map((m) => m.key)).toEqual([TAB_KEY]);
    const before = copy.rows(1, 12, 6);
    writeAll([clientsSpec(8)]);
    expect(copy.rows(1, 12, 6)).toEqual(before);
    expect(original.cell(13, 1)).toBe('Client 7');
    expect(original.maxRows).toBe(layoutTab(clientsSpec(8)).extentRows);
    expect(host.book.sheets.map((s) => s.name)).toEqual(['Copy of Clients', 'Clients']);
  });

  it('writes next to a user sheet named like a tab in another case, under a free name', () => {
    host.book.addSheet('clients', [['mine']]);
    host.book.addSheet('CLIENTS (2)', [['mine too']]);
    const [tab] = writeAll([clientsSpec(3)]);
    expect(tab.name).toBe('Clients (3)');
  });

  it('shows the sheet the user was on again after inserting each tab, before the writes are applied', () => {
    const mine = host.book.addSheet('Sales', [['Client', 'Date', 'Amount']]);
    writeAll([clientsSpec(5), kpiSpec()], [], mine.id);
    expect(new Set(host.book.views)).toEqual(new Set(['Sales']));
    expect(host.book.active).toBe(mine);
  });

  it('refuses, as Sheets does, a tab that would take the spreadsheet past 10,000,000 cells', () => {
    host.book.addSheet('Big', []).maxRows = 9_990_000 / 26;
    expect(() => writeAll([clientsSpec(5)])).toThrow(/above the limit of 10000000 cells/);
  });
});
