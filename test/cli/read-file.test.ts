import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFile, type OpenedFile } from '../../cli/read-file.js';
import { failureMessage } from '../../core/pipeline/failure-message.js';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { readSales } from '../../core/read/read-sales.js';
import { saleLines } from '../../core/read/sales-columns.js';
import { gridOf } from '../helpers/read-file.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'winback-read-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeBook(name: string, build: (book: ExcelJS.Workbook) => void): Promise<string> {
  const book = new ExcelJS.Workbook();
  build(book);
  const path = join(dir, name);
  await book.xlsx.writeFile(path);
  return path;
}

const march5 = new Date(Date.UTC(2026, 2, 5));

async function opened(path: string): Promise<OpenedFile> {
  const file = await openFile(path);
  if ('problem' in file) throw new Error(file.problem.code);
  return file;
}

/** A sheet of an opened file as a grid, its name and its workbook's date system. */
function sheetOf(file: OpenedFile, sheet?: string) {
  const read = file.read(sheet);
  if ('problem' in read) throw new Error(read.problem.code);
  return { ...read, grid: gridOf(read.grid) };
}

function salesSheet(book: ExcelJS.Workbook) {
  const sheet = book.addWorksheet('Продажи');
  sheet.getCell('A1').value = 'Отчет о продажах';
  sheet.addRow([]);
  sheet.addRow(['Контрагент', 'Дата', 'Сумма', 'Комментарий']);
  sheet.addRow([{ richText: [{ text: 'ООО ', font: { bold: true } }, { text: 'Ромашка' }] }, march5, 1234.5, true]);
  sheet.addRow([17850, 46087, { formula: 'C4*2', result: 2469 }, { error: '#N/A' }]);
  sheet.addRow([{ text: 'ИП Петров', hyperlink: 'https://example.com' }, { formula: 'B4+2', result: march5.getTime() / 86_400_000 + 25_569 + 2 }, '=1+1', null]);
  sheet.getCell('B6').numFmt = 'dd.mm.yyyy';
  sheet.getCell('B4').numFmt = 'dd.mm.yyyy';
  sheet.addRow(['Итого', null, 3703.5]);
  sheet.getCell('A12').numFmt = '0.00';
  return sheet;
}

describe('openFile: xlsx', () => {
  it('reads numbers, Dates, rich text, formulas, hyperlinks and errors, keeping sheet row numbers', async () => {
    const path = await writeBook('sales.xlsx', salesSheet);
    const book = await opened(path);
    expect(book.sheetNames).toEqual(['Продажи']);
    expect(book.isWorkbook).toBe(true);
    const file = sheetOf(book);
    expect(file.name).toBe('Продажи');
    expect(file.date1904).toBe(false);
    expect(file.grid).toEqual([
      ['Отчет о продажах'],
      [],
      ['Контрагент', 'Дата', 'Сумма', 'Комментарий'],
      ['ООО Ромашка', march5, 1234.5, true],
      [17850, 46087, 2469, '#N/A'],
      ['ИП Петров', new Date(Date.UTC(2026, 2, 7)), '=1+1'],
      ['Итого', null, 3703.5],
    ]);
    const read = readSales(file.grid);
    expect(read.ok && saleLines(read.records)).toEqual([
      { row: 4, client: 'ООО Ромашка', day: dayFromYmd(2026, 3, 5), amount: 123450 },
      { row: 5, client: '17850', day: dayFromYmd(2026, 3, 6), amount: 246900 },
    ]);
    expect(read.ok && read.rejected).toEqual([
      { row: 6, reason: 'bad-amount', value: '=1+1' },
      { row: 7, reason: 'subtotal' },
    ]);
  });

  it('reads the first sheet in tab order, or the named one, and lists the sheets', async () => {
    const path = await writeBook('two.xlsx', (book) => {
      salesSheet(book);
      book.addWorksheet('Заявки').addRow(['Клиент', 'Дата']);
    });
    const book = await opened(path);
    expect(book.sheetNames).toEqual(['Продажи', 'Заявки']);
    expect(sheetOf(book).name).toBe('Продажи');
    expect(book.sheetNamed('заявки ')).toBe('Заявки');
    expect(sheetOf(book, 'заявки ')).toMatchObject({ name: 'Заявки', grid: [['Клиент', 'Дата']] });
    expect(book.sheetNamed('Contacts')).toBeNull();
    const missing = book.read('Contacts');
    if (!('problem' in missing)) throw new Error('a missing sheet was read');
    expect(failureMessage('en', { kind: 'unavailable', source: 'sales', sheet: path, problem: missing.problem }, 'cli')).toMatch(
      /no sheet named "Contacts" \(sheets: Продажи, Заявки\)/,
    );
  });

  it('follows the tab order, not the order of the sheet files', async () => {
    const path = await writeBook('order.xlsx', (book) => {
      // exceljs writes sheet1.xml for the first sheet added; orderNo (untyped) sets the tab order.
      const first = book.addWorksheet('First file') as ExcelJS.Worksheet & { orderNo: number };
      const second = book.addWorksheet('First tab') as ExcelJS.Worksheet & { orderNo: number };
      first.orderNo = 1;
      second.orderNo = 0;
      first.addRow(['file']);
      second.addRow(['tab']);
    });
    const book = await opened(path);
    expect(book.sheetNames).toEqual(['First tab', 'First file']);
    expect(sheetOf(book)).toMatchObject({ name: 'First tab', grid: [['tab']] });
  });

  it('reads long Cyrillic text exactly, letter for letter', async () => {
    const names = Array.from({ length: 5000 }, (_, i) => `ООО «Стройматериалы-Юг ${i}», ёлки и щётки`);
    const path = await writeBook('cyrillic.xlsx', (book) => {
      const sheet = book.addWorksheet('Клиенты');
      for (const name of names) sheet.addRow([name]);
    });
    expect(sheetOf(await opened(path)).grid.map((row) => row[0])).toEqual(names);
  });

  it('reports the 1904 date system of a workbook', async () => {
    const path = await writeBook('mac.xlsx', (book) => {
      book.properties.date1904 = true;
      book.addWorksheet('S').addRow(['Client', 'Date', 'Amount']);
    });
    expect(sheetOf(await opened(path)).date1904).toBe(true);
  });
});

describe('openFile: text files', () => {
  it('reads a Windows-1251 semicolon file', async () => {
    const path = join(dir, 'sales.csv');
    const bytes = Uint8Array.from('Клиент;Сумма\r\nЁж;1,5\r\n', (ch) => {
      const code = ch.charCodeAt(0);
      return code < 0x80 ? code : ch === 'Ё' ? 0xa8 : ch === 'ё' ? 0xb8 : code - 0x410 + 0xc0;
    });
    await writeFile(path, bytes);
    const file = await opened(path);
    expect(file).toMatchObject({ isWorkbook: false, sheetNames: ['sales.csv'] });
    expect(sheetOf(file)).toEqual({
      grid: [
        ['Клиент', 'Сумма'],
        ['Ёж', '1,5'],
      ],
      name: 'sales.csv',
    });
  });

  it('reads a tab file whatever its extension', async () => {
    const path = join(dir, 'sales.txt');
    await writeFile(path, 'a\tb\n1\t2\n');
    expect(sheetOf(await opened(path)).grid).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('openFile: unreadable files', () => {
  it('says why in one line', async () => {
    const cases: [string, Uint8Array | undefined, RegExp][] = [
      ['missing.csv', undefined, /missing\.csv: no such file/],
      ['old.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), /old \.xls format is not supported/],
      ['broken.xlsx', new TextEncoder().encode('PK\u0003\u0004 not really a zip'), /not a readable \.xlsx workbook/],
    ];
    for (const [name, bytes, message] of cases) {
      const path = join(dir, name);
      if (bytes) await writeFile(path, bytes);
      const file = await openFile(path);
      if (!('problem' in file)) throw new Error(`${name} was opened`);
      const sentence = failureMessage('en', { kind: 'unavailable', source: 'sales', sheet: path, problem: file.problem }, 'cli');
      expect(sentence).toMatch(message);
      expect(sentence).not.toContain('\n');
    }
  });
});
