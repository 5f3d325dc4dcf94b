/**
 * "Make this workbook a template" in Excel (port.makeTemplate over the fake Excel API): the input
 * sheets with their tables, the instructions with example formulas over those tables, the saved
 * mapping and auto-open; existing sheets are kept, and table names already taken by a table or a
 * workbook-level defined name are not used; a filled template reads with the saved mapping.
 */
import { describe, expect, it } from 'vitest';
import { ExcelWorkbookPort } from '../../addin/excel-port.js';
import { documentSettingsStore } from '../../addin/panel-settings.js';
import { readSales, saleLines } from '../../core/read/index.js';
import { FakeWorkbook } from './fake-excel.js';

async function template(lang: 'en' | 'ru', setup: (book: FakeWorkbook) => void = (book) => book.addSheet('Data', [['x']])) {
  const book = new FakeWorkbook();
  setup(book);
  const port = new ExcelWorkbookPort(book);
  await port.makeTemplate(lang);
  return { book, port };
}

const formulas = (book: FakeWorkbook, sheet: string) =>
  [...book.sheet(sheet).cells].filter(([, cell]) => cell.formula !== undefined).map(([key, cell]) => [key, cell.formula]);

describe('Excel template', () => {
  it('adds input sheets with named tables and Text headers, and an instructions sheet that is activated', async () => {
    const { book } = await template('en');
    expect(book.sheets.map((s) => s.name)).toEqual(['Data', 'Sales', 'Requests', 'Contacts', 'Complaints', 'Instructions']);
    expect(book.tables.map((t) => [t.name, book.sheets.find((s) => s.id === t.sheetId)!.name, t.area.columns])).toEqual([
      ['WinbackSales', 'Sales', 9],
      ['WinbackRequests', 'Requests', 3],
      ['WinbackContacts', 'Contacts', 4],
      ['WinbackComplaints', 'Complaints', 3],
    ]);
    const sales = book.sheet('Sales');
    expect(Array.from({ length: 9 }, (_, c) => sales.cell(0, c).value)).toEqual(['Client', 'Date', 'Document', 'Product', 'Quantity', 'Amount', 'Profit', 'Manager', 'Region']);
    expect(sales.cell(0, 0).format).toBe('@');
    expect(sales.frozenRows).toBe(1);
    expect(book.activeSheetId).toBe(book.sheet('Instructions').id);
  });

  it('writes example formulas over the tables, the spilling ones side by side', async () => {
    const { book } = await template('en');
    const all = formulas(book, 'Instructions');
    expect(all).toContainEqual([
      '6,1',
      '=WINBACK.CHURNSIGNAL(FILTER(WinbackSales[Date],WinbackSales[Client]=$B$6),FILTER(WinbackSales[Amount],WinbackSales[Client]=$B$6),MAX(WinbackSales[Date]))',
    ]);
    expect(all).toContainEqual(['7,1', '=WINBACK.CADENCE(WinbackSales[Date])']);
    expect(all).toContainEqual(['8,1', '=WINBACK.CONVERSION(WinbackRequests[Date],WinbackSales[Date])']);
    const args = 'WinbackSales[Client],WinbackSales[Date],WinbackSales[Amount]';
    expect(all.filter(([key]) => key!.startsWith('11,'))).toEqual([
      ['11,0', `=WINBACK.ABCXYZ(${args})`],
      ['11,7', `=WINBACK.CHURNSIGNALS(${args})`],
      ['11,14', `=WINBACK.VALUETIERS(${args})`],
      ['11,18', `=WINBACK.PALIVE(${args})`],
    ]);
    expect(all).toHaveLength(7);
    expect(book.sheet('Instructions').cell(0, 0).value).toBe('Winback — how to use this workbook');
    expect(book.sheet('Instructions').cell(5, 0).value).toBe('Client:');
  });

  it('saves the sheets and the sales mapping, and opens the task pane with the document', async () => {
    const { book, port } = await template('en');
    expect(book.settings.saved.get('Office.AutoShowTaskpaneWithDocument')).toBe(true);
    const settings = await documentSettingsStore(book.settings).load();
    expect(settings).toMatchObject({ lang: 'en', salesSheet: 'Sales', requestsSheet: 'Requests', contactsSheet: 'Contacts', complaintsSheet: 'Complaints' });
    await book.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sales').getRangeByIndexes(1, 0, 2, 9);
      range.values = [
        ['ООО Ромашка', 46086, 'INV-1', 'Гвозди', 2, 1500.5, 300, 'Иванов', 'Москва'],
        ['Acme Ltd', 46087, 'INV-2', 'Nails', 1, 99, 10, 'Smith', 'Omsk'],
      ];
      await context.sync();
    });
    const read = readSales(await port.readSheet('Sales'), { mapping: settings!.mapping });
    expect(read.ok && saleLines(read.records).map((r) => [r.client, r.amount])).toEqual([
      ['ООО Ромашка', 150050],
      ['Acme Ltd', 9900],
    ]);
  });

  it('keeps a sheet that already exists and points the settings at it; examples only over new tables', async () => {
    const { book } = await template('en', (b) => b.addSheet('Sales', [['Client', 'Date', 'Amount'], ['Acme', 46086, 10]]));
    expect(book.sheet('Sales').cell(1, 0).value).toBe('Acme');
    expect(book.tables.map((t) => t.name)).toEqual(['WinbackRequests', 'WinbackContacts', 'WinbackComplaints']);
    expect(formulas(book, 'Instructions')).toEqual([]);
    expect(book.settings.saved.get('winback.panel')).toMatchObject({ salesSheet: 'Sales' });
  });

  it('takes a free table name when the workbook has one called WinbackSales', async () => {
    const { book } = await template('en', (b) => {
      const other = b.addSheet('Old', [['a'], ['1']]);
      b.addTable(other, { row: 0, column: 0, rows: 2, columns: 1 }, true).name = 'WinbackSales';
    });
    expect(book.tables.map((t) => t.name)).toContain('WinbackSales2');
    expect(formulas(book, 'Instructions')).toContainEqual(['7,1', '=WINBACK.CADENCE(WinbackSales2[Date])']);
  });

  it('takes a free table name when the workbook has a defined name WinbackSales (a table may not share it)', async () => {
    const { book } = await template('en', (b) => {
      b.addSheet('Data', [['x']]);
      b.names.push({ name: 'winbacksales', formula: '=Data!$A$1' });
    });
    expect(book.tables.map((t) => t.name)).toEqual(['WinbackSales2', 'WinbackRequests', 'WinbackContacts', 'WinbackComplaints']);
    expect(formulas(book, 'Instructions')).toContainEqual(['7,1', '=WINBACK.CADENCE(WinbackSales2[Date])']);
  });

  it('is in Russian for a Russian user', async () => {
    const { book } = await template('ru');
    expect(book.sheets.map((s) => s.name)).toEqual(['Data', 'Продажи', 'Запросы', 'Контакты', 'Жалобы', 'Инструкция']);
    expect(book.sheet('Продажи').cell(0, 0).value).toBe('Клиент');
    expect(formulas(book, 'Инструкция')).toContainEqual(['7,1', '=WINBACK.CADENCE(WinbackSales[Дата])']);
  });
});
