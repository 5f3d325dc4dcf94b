/**
 * The Excel port against the fake Excel API: request sizes and sync counts on a 1,000,000-row
 * sheet, the 1904 date system, and what a written report looks like in Excel — native tables,
 * number formats, conditional formats, frozen header, charts, calculation suspended — plus the
 * ownership rules (registry in the document settings, renamed tabs, the sheet being analysed).
 */
import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../core/basics/calendar.js';
import type { SheetSpec } from '../../core/report/spec.js';
import { ExcelWorkbookPort } from '../../addin/excel-port.js';
import { pointsForCharacters } from '../../addin/excel-write.js';
import { TAB_REGISTRY_KEY, type OwnedTab } from '../../addin/tab-registry.js';
import { FAKE_PAYLOAD_LIMIT, FakeWorkbook, type FakeSheet } from './fake-excel.js';
import { clientsTable, sampleReport, STATUS_COLOURS } from './report-fixtures.js';

const MB3 = 3 * 1024 * 1024;

/** A sales line of the generated sheet: 8 columns, ~90 bytes of JSON. */
function salesCell(row: number, column: number): string | number {
  if (row === 0) return ['Client', 'Date', 'Amount', 'Product', 'Document', 'Manager', 'Region', 'Qty'][column];
  switch (column) {
    case 0:
      return `Клиент ${row % 5000}`;
    case 1:
      return 45658 + (row % 400);
    case 2:
      return ((row * 37) % 100_000) / 100;
    case 3:
      return `SKU-${row % 977}`;
    case 4:
      return `INV-${row}`;
    case 5:
      return `Manager ${row % 12}`;
    case 6:
      return ['Москва', 'Казань', 'Omsk'][row % 3];
    default:
      return row % 50;
  }
}

function jsonPayload(rows: number, columns: number, cell: (r: number, c: number) => unknown): number {
  let bytes = 2;
  for (let r = 0; r < rows; r++) bytes += Buffer.byteLength(JSON.stringify(Array.from({ length: columns }, (_, c) => cell(r, c)))) + 1;
  return bytes;
}

function cellAt(sheet: FakeSheet, row: number, column: number) {
  return sheet.cell(row, column);
}

describe('Excel port: reading', () => {
  it('reads 1,000,000 rows × 8 columns with no request over 5 MB, learning from one refusal, in at most ⌈payload/3 MB⌉ + 10 syncs', async () => {
    const book = new FakeWorkbook();
    book.addGeneratedSheet('Sales', 1_000_000, 8, salesCell);
    const port = new ExcelWorkbookPort(book);
    const progress: number[] = [];
    const grid = await port.readSheet('Sales', (done) => progress.push(done));

    const payload = jsonPayload(1_000_000, 8, salesCell);
    expect(payload).toBeGreaterThan(50_000_000);
    expect(grid.length).toBe(1_000_000);
    for (const row of [0, 1, 4999, 5000, 123_456, 999_999]) {
      expect(grid[row]).toEqual(Array.from({ length: 8 }, (_, c) => salesCell(row, c)));
    }
    // The fake's payload is the cells' JSON × 1.3 plus 200 bytes an operation, so the first ~4 MB
    // block is refused; the estimate learns the factor from that one refusal.
    expect(book.syncs.filter((s) => s.failed)).toHaveLength(1);
    expect(book.maxRequestBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
    expect(book.syncs.length).toBeLessThanOrEqual(Math.ceil(payload / MB3) + 10);
    expect(progress[progress.length - 1]).toBe(1_000_000);
  });

  it('shrinks a block that Excel refuses as too large and still reads every row', async () => {
    const book = new FakeWorkbook();
    const long = (r: number, c: number) => (r >= 10_000 ? `${r}:${c}:${'ж'.repeat(1000)}` : `r${r}c${c}`);
    book.addGeneratedSheet('Wide', 12_000, 8, long);
    const grid = await new ExcelWorkbookPort(book).readSheet('Wide');
    expect(grid.length).toBe(12_000);
    expect(grid[11_999][7]).toBe(long(11_999, 7));
    expect(grid[9_999][0]).toBe('r9999c0');
    const failed = book.syncs.filter((s) => s.failed);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThanOrEqual(20);
    expect(book.syncs.filter((s) => !s.failed).every((s) => s.responseBytes <= FAKE_PAYLOAD_LIMIT)).toBe(true);
  });

  it('moves the date cells of a 1904 workbook to the 1900 system and leaves other numbers alone', async () => {
    const book = new FakeWorkbook(true);
    const sheet = book.addSheet('Sales', [
      ['Client', 'Date', 'Amount'],
      ['Acme', 44196, 44196],
    ]);
    sheet.setFormat(1, 1, 'dd.mm.yyyy');
    const grid = await new ExcelWorkbookPort(book).readSheet('Sales');
    expect(grid[1]).toEqual(['Acme', 45658, 44196]);
  });

  it('leaves serials of a 1900 workbook as they are', async () => {
    const book = new FakeWorkbook(false);
    const sheet = book.addSheet('Sales', [['Acme', 45658]]);
    sheet.setFormat(0, 1, 'dd.mm.yyyy');
    expect((await new ExcelWorkbookPort(book).readSheet('Sales'))[0]).toEqual(['Acme', 45658]);
  });

  it('reads the table, not a used range made enormous by a stray cell in XFD1 or row 1,048,576', async () => {
    for (const stray of [
      { row: 0, column: 16_383 },
      { row: 1_048_575, column: 25 },
    ]) {
      const book = new FakeWorkbook();
      const sheet = book.addSheet('Sales', [['Client', 'Date', 'Amount'], ...Array.from({ length: 100 }, (_, i) => [`Client ${i}`, 46_000 + i, i])]);
      sheet.store(stray.row, stray.column, 'x');
      const grid = await new ExcelWorkbookPort(book).readSheet('Sales');
      expect(grid.length, JSON.stringify(stray)).toBe(101);
      expect(Math.max(...grid.map((row) => row.length)), JSON.stringify(stray)).toBe(3);
      expect(grid[100], JSON.stringify(stray)).toEqual(['Client 99', 46_099, 99]);
      expect(book.syncs.length, JSON.stringify(stray)).toBeLessThanOrEqual(5);
      expect(book.syncs.reduce((sum, s) => sum + s.responseBytes, 0), JSON.stringify(stray)).toBeLessThan(200_000);
    }
  });

  it('keeps a table whole across a few empty columns, and its rows up to the last one', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('Sales', [['Client', '', '', 'Date', 'Amount'], ['Acme', '', '', 46_000, 5]]);
    sheet.store(39, 4, 7);
    const grid = await new ExcelWorkbookPort(book).readSheet('Sales');
    expect(grid.length).toBe(40);
    expect(grid[0]).toEqual(['Client', '', '', 'Date', 'Amount']);
    expect(grid[39]).toEqual(['', '', '', '', 7]);
    const wide = new FakeWorkbook();
    wide.addSheet('Wide', [Array.from({ length: 300 }, (_, c) => `H${c}`), Array.from({ length: 300 }, (_, c) => c)]);
    const read = await new ExcelWorkbookPort(wide).readSheet('Wide');
    expect(read.map((row) => row.length)).toEqual([300, 300]);
    expect(read[1][299]).toBe(299);
  });

  it('returns an empty grid for an empty sheet and lists only visible sheets', async () => {
    const book = new FakeWorkbook();
    book.addSheet('Empty');
    book.addSheet('Hidden', [['x']]).visibility = 'Hidden';
    const port = new ExcelWorkbookPort(book);
    expect(await port.readSheet('Empty')).toEqual([]);
    expect(await port.sheetNames()).toEqual(['Empty']);
  });
});

describe('Excel port: writing a report', () => {
  async function written(specs: SheetSpec[] = sampleReport('en'), book = new FakeWorkbook()) {
    if (!book.find('Sales')) book.addSheet('Sales', [['Client', 'Date', 'Amount']]);
    const port = new ExcelWorkbookPort(book);
    const tabs = await port.writeReport(specs);
    return { book, port, tabs, sheet: (name: string) => book.sheet(name) };
  }

  it('writes each table as a native table (plain blocks and empty tables stay plain)', async () => {
    const { book, sheet } = await written();
    const tablesOf = (name: string) => book.tables.filter((t) => t.sheetId === sheet(name).id);
    const clients = sampleReport('en')[0].tables[0];
    expect(tablesOf('Clients').map((t) => t.area)).toEqual([{ row: 2, column: 0, rows: clients.rows.length + 1, columns: 7 }]);
    expect(tablesOf('Clients')[0].style).toBe('TableStyleMedium2');
    // ABC-XYZ: matrix (plain, rows 0–4), pareto (title row 6, header 7, rows 8–10), empty table (plain).
    expect(tablesOf('ABC-XYZ').map((t) => t.area)).toEqual([{ row: 7, column: 0, rows: 4, columns: 3 }]);
    expect(sheet('ABC-XYZ').boldCells.has('1,0')).toBe(true);
    expect(sheet('ABC-XYZ').boldCells.has('0,0')).toBe(true);
  });

  it('gives each cell its column number format; strings are Text, dates are serials', async () => {
    const { sheet } = await written();
    const clients = sheet('Clients');
    expect(cellAt(clients, 0, 0)).toMatchObject({ value: 'As of 2026-03-31; window 2025-03-01 – 2026-02-28.', format: '@' });
    expect(cellAt(clients, 2, 1)).toMatchObject({ value: 'Value', format: '@' });
    expect(cellAt(clients, 3, 0)).toMatchObject({ value: 'ООО Ромашка', format: '@' });
    expect(cellAt(clients, 3, 1)).toMatchObject({ value: 1000, format: '#,##0.00' });
    expect(cellAt(clients, 3, 2).format).toBe('0.0%');
    expect(cellAt(clients, 4, 3)).toMatchObject({ value: 0.25, format: '0.00' });
    expect(cellAt(clients, 3, 3).value).toBe('');
    expect(cellAt(clients, 3, 4)).toMatchObject({ value: 1, format: '#,##0' });
    expect(cellAt(clients, 3, 5)).toMatchObject({ value: 46082, format: 'yyyy-mm-dd' });
    expect(clients.columnWidths.get(0)).toBe(pointsForCharacters(30));
  });

  it('writes money with the currency code of the report as given (Range.numberFormat takes the invariant code; the locale shows the separators)', async () => {
    // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat
    // numberFormat is the code as Excel stores it (en-US separators); numberFormatLocal would be the user's.
    const money = '#,##0.00"\u00a0₽"';
    const { sheet } = await written(sampleReport('ru').map((spec) => ({ ...spec, numberFormats: { ...spec.numberFormats, money } })));
    const clients = sheet('Клиенты');
    expect(cellAt(clients, 3, 1)).toMatchObject({ value: 1000, format: money });
    expect(cellAt(clients, 3, 2).format).toBe('0.0%');
    expect(cellAt(clients, 3, 4).format).toBe('#,##0');
  });

  it('writes dates as serials of the 1904 system in a 1904 workbook', async () => {
    const { sheet } = await written(sampleReport('en'), new FakeWorkbook(true));
    expect(cellAt(sheet('Clients'), 3, 5).value).toBe(46082 - 1462);
  });

  it('colours status cells by value and the matrix with a 3-colour scale', async () => {
    const { sheet } = await written();
    const rows = clientsTable('en').rows.length;
    const byValue = sheet('Clients').conditionalFormats.map((f) => [f.type, f.cellValue.rule.formula1, f.cellValue.rule.operator, f.cellValue.format.fill.color, f.area]);
    expect(byValue).toEqual(
      Object.entries(STATUS_COLOURS).map(([text, colour]) => ['CellValue', `="${text}"`, 'EqualTo', colour, { row: 3, column: 6, rows, columns: 1 }]),
    );
    const [scale] = sheet('ABC-XYZ').conditionalFormats;
    expect(scale.type).toBe('ColorScale');
    expect(scale.area).toEqual({ row: 2, column: 1, rows: 3, columns: 3 });
    expect(scale.colorScale.criteria).toEqual({
      minimum: { type: 'LowestValue', color: '#F8696B' },
      midpoint: { type: 'Percentile', formula: '50', color: '#FFEB84' },
      maximum: { type: 'HighestValue', color: '#63BE7B' },
    });
  });

  it('freezes through the first header where asked and it is one of the top 3 rows, else nothing', async () => {
    const [clients, matrix, kpi] = sampleReport('en');
    const deep: SheetSpec = { ...kpi, notes: [...kpi.notes, 'A second note.'] };
    const { sheet } = await written([clients, matrix, deep]);
    expect(sheet('Clients').frozenRows).toBe(3);
    expect(sheet('ABC-XYZ').frozenRows).toBe(0);
    expect(sheet('KPI').frozenRows).toBe(0);
  });

  it('draws native charts: pareto as columns plus a cumulative line on the secondary axis, stacked columns', async () => {
    const { sheet } = await written();
    const [pareto] = sheet('ABC-XYZ').charts;
    expect(pareto.type).toBe('ColumnClustered');
    expect(pareto.title.text).toBe('ABC curve');
    expect(pareto.series.map((s) => [s.name, s.chartType, s.axisGroup, s.values, s.xValues])).toEqual([
      ['Value', 'ColumnClustered', 'Primary', { row: 8, column: 1, rows: 3, columns: 1 }, { row: 8, column: 0, rows: 3, columns: 1 }],
      ['Cumulative share', 'Line', 'Secondary', { row: 8, column: 2, rows: 3, columns: 1 }, { row: 8, column: 0, rows: 3, columns: 1 }],
    ]);
    expect(pareto.position).toEqual({ from: 'F2', to: 'M19' });
    const [stacked] = sheet('KPI').charts;
    expect(stacked.type).toBe('ColumnStacked');
    expect(stacked.series.map((s) => [s.name, s.axisGroup])).toEqual([
      ['Lost', 'Primary'],
      ['Returned', 'Primary'],
    ]);
  });

  it('suspends calculation in every request that writes, and leaves nothing unsynced', async () => {
    const { book } = await written();
    const writes = book.syncs.filter((s) => s.wrote);
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((s) => s.suspended)).toBe(true);
  });

  it('writes a 200,000-row tab in blocks, none over 5 MB', async () => {
    const names = Array.from({ length: 200_000 }, (_, i) => `Клиент номер ${i} — ООО «Строительные материалы»`);
    const spec: SheetSpec = { key: 'clients', name: 'Clients', notes: [], tables: [clientsTable('ru', names)], charts: [], freezeHeader: true };
    const { book, sheet } = await written([spec]);
    expect(book.maxRequestBytes).toBeLessThanOrEqual(FAKE_PAYLOAD_LIMIT);
    expect(book.syncs.filter((s) => s.wrote).length).toBeGreaterThan(5);
    expect(cellAt(sheet('Clients'), 200_000, 0).value).toBe(names[199_999]);
    expect(cellAt(sheet('Clients'), 200_000, 5).value).toBe(dayFromYmd(2026, 3, 1 + (199_999 % 28)) + 25_569);
  });

  it('records the tabs it wrote in the document settings and saves them', async () => {
    const { book, tabs } = await written();
    const saved = book.settings.saved.get(TAB_REGISTRY_KEY) as OwnedTab[];
    expect(saved.map((t) => [t.key, t.name])).toEqual(tabs.map((t) => [t.key, t.name]));
    expect(saved.map((t) => t.id)).toEqual(tabs.map((t) => book.sheet(t.name).id));
  });

  it('keeps a tab the user renamed (it is theirs now) and writes a new one', async () => {
    const { book, port } = await written();
    book.sheet('Clients').name = 'Clients March';
    await port.writeReport(sampleReport('en'));
    expect(book.find('Clients March')?.cell(3, 0).value).toBe('ООО Ромашка');
    expect(book.find('Clients')).toBeDefined();
  });

  it('never deletes a sheet this run analyses, even one it wrote before', async () => {
    const { book, port } = await written();
    const before = book.sheet('Clients').id;
    await port.readSheet('Clients');
    const tabs = await port.writeReport(sampleReport('en'), undefined, ['Clients']);
    expect(book.sheet('Clients').id).toBe(before);
    expect(tabs[0].name).toBe('Clients (2)');
  });

  it('opens the report on its first tab, the Summary, once it is written (Worksheet.activate, ExcelApi 1.1)', async () => {
    const { book, port } = await written();
    const tabs = await port.writeReport(sampleReport('en'));
    expect(book.activeSheetId).toBe(book.sheet(tabs[0]!.name).id);
  });

  it('activates a tab', async () => {
    const { book, port } = await written();
    await port.activateSheet('KPI');
    expect(book.activeSheetId).toBe(book.sheet('KPI').id);
    expect(await port.activeSheet()).toBe('KPI');
  });
});

describe('the fake Excel API is strict where the port relies on it', () => {
  it('runs queued work only at sync, and a failed sync only part of it', async () => {
    const book = new FakeWorkbook();
    book.addSheet('S');
    await book.run(async (context) => {
      const cells = context.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 1, 2);
      cells.values = [['a', 'b']];
      expect(book.sheet('S').cell(0, 0).value).toBe('');
      await context.sync();
      expect(book.sheet('S').cell(0, 1).value).toBe('b');
    });
    book.failSyncAt(book.syncs.length);
    await expect(
      book.run(async (context) => {
        for (const name of ['A', 'B', 'C', 'D']) context.workbook.worksheets.add(name);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(book.sheets.map((s) => s.name)).toEqual(['S', 'A', 'B']);
  });

  it('gives every sheet a new id when reopened, keeping only saved settings', async () => {
    const book = new FakeWorkbook();
    const sheet = book.addSheet('S');
    const id = sheet.id;
    book.settings.set('saved', 1);
    await book.settings.save();
    book.settings.set('unsaved', 2);
    book.reopen();
    expect(sheet.id).not.toBe(id);
    expect([book.settings.get('saved'), book.settings.get('unsaved')]).toEqual([1, null]);
  });

  it('refuses to delete a very hidden sheet, custom properties below ExcelApi 1.12, and a table name a defined name has', async () => {
    const book = new FakeWorkbook({ excelApi: 11 });
    book.addSheet('S', [['h'], [1]]);
    book.addSheet('V').visibility = 'VeryHidden';
    book.names.push({ name: 'Sales', formula: '=S!$A$1' });
    await expect(book.run(async (context) => (context.workbook.worksheets.getItem('V').delete(), context.sync()))).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(
      book.run(async (context) => (context.workbook.worksheets.getItem('S').customProperties.add('k', 'v'), context.sync())),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
    await expect(
      book.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('S');
        sheet.tables.add(sheet.getRangeByIndexes(0, 0, 2, 1), true).name = 'SALES';
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('fails a batch sent while the user edits a cell, unless it waits with delayForCellEdit', async () => {
    const book = new FakeWorkbook();
    book.addSheet('S');
    book.beginCellEdit();
    const read = (context: Parameters<Parameters<FakeWorkbook['run']>[0]>[0]) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.load('name');
      return context.sync().then(() => sheet.name);
    };
    await expect(book.run(read)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    const waiting = book.run(read, { delayForCellEdit: true });
    book.endCellEdit();
    expect(await waiting).toBe('S');
  });

  it('turns =, +, @ and numeric text into formulas or numbers unless the cell is Text', async () => {
    const book = new FakeWorkbook();
    book.addSheet('S');
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 1, 4);
      range.values = [['=HYPERLINK("x")', '+7 Строй', '-5', '@x']];
      await context.sync();
    });
    expect([0, 1, 2, 3].map((c) => book.sheet('S').cell(0, c).value)).toEqual(['#NAME?', '#NAME?', -5, '#NAME?']);
  });

  it('fails a request over 5 MB, a read of an unloaded property and a batch left unsynced', async () => {
    const book = new FakeWorkbook();
    book.addSheet('S');
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 1, 1).values = [['x'.repeat(5_000_001)]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    await expect(book.run(async (context) => context.workbook.worksheets.getItem('S').name)).rejects.toMatchObject({ code: 'PropertyNotLoaded' });
    await expect(
      book.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRangeByIndexes(0, 0, 1, 1).values = [['x']];
      }),
    ).rejects.toThrow(/never synced/);
  });
});
