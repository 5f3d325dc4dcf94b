import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGridFromFile, ReadFileError } from '../../cli/read-file.js';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { readSales } from '../../core/read/read-sales.js';

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

describe('readGridFromFile: xlsx', () => {
  it('reads numbers, Dates, rich text, formulas, hyperlinks and errors, keeping sheet row numbers', async () => {
    const path = await writeBook('sales.xlsx', salesSheet);
    const file = await readGridFromFile(path);
    expect(file.sheetName).toBe('Продажи');
    expect(file.sheetNames).toEqual(['Продажи']);
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
    expect(read.ok && read.records).toEqual([
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
    expect(await readGridFromFile(path)).toMatchObject({ sheetName: 'Продажи', sheetNames: ['Продажи', 'Заявки'] });
    const requests = await readGridFromFile(path, 'заявки ');
    expect(requests.sheetName).toBe('Заявки');
    expect(requests.grid).toEqual([['Клиент', 'Дата']]);
    await expect(readGridFromFile(path, 'Contacts')).rejects.toThrow(/no sheet named "Contacts" \(sheets: Продажи, Заявки\)/);
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
    expect(await readGridFromFile(path)).toMatchObject({ sheetName: 'First tab', sheetNames: ['First tab', 'First file'], grid: [['tab']] });
  });

  it('reads long Cyrillic text exactly, letter for letter', async () => {
    const names = Array.from({ length: 5000 }, (_, i) => `ООО «Стройматериалы-Юг ${i}», ёлки и щётки`);
    const path = await writeBook('cyrillic.xlsx', (book) => {
      const sheet = book.addWorksheet('Клиенты');
      for (const name of names) sheet.addRow([name]);
    });
    expect((await readGridFromFile(path)).grid.map((row) => row[0])).toEqual(names);
  });

  it('reports the 1904 date system of a workbook', async () => {
    const path = await writeBook('mac.xlsx', (book) => {
      book.properties.date1904 = true;
      book.addWorksheet('S').addRow(['Client', 'Date', 'Amount']);
    });
    expect((await readGridFromFile(path)).date1904).toBe(true);
  });
});

describe('readGridFromFile: text files', () => {
  it('reads a Windows-1251 semicolon file', async () => {
    const path = join(dir, 'sales.csv');
    const bytes = Uint8Array.from('Клиент;Сумма\r\nЁж;1,5\r\n', (ch) => {
      const code = ch.charCodeAt(0);
      return code < 0x80 ? code : ch === 'Ё' ? 0xa8 : ch === 'ё' ? 0xb8 : code - 0x410 + 0xc0;
    });
    await writeFile(path, bytes);
    expect(await readGridFromFile(path)).toEqual({
      grid: [
        ['Клиент', 'Сумма'],
        ['Ёж', '1,5'],
      ],
      encoding: 'windows-1251',
    });
  });

  it('reads a tab file whatever its extension', async () => {
    const path = join(dir, 'sales.txt');
    await writeFile(path, 'a\tb\n1\t2\n');
    expect((await readGridFromFile(path)).grid).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('readGridFromFile: unreadable files', () => {
  it('throws a ReadFileError with a one-line reason', async () => {
    const cases: [string, Uint8Array | undefined, RegExp][] = [
      ['missing.csv', undefined, /missing\.csv: no such file/],
      ['old.xls', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), /old \.xls format is not supported/],
      ['broken.xlsx', new TextEncoder().encode('PK\u0003\u0004 not really a zip'), /not a readable \.xlsx workbook/],
    ];
    for (const [name, bytes, message] of cases) {
      const path = join(dir, name);
      if (bytes) await writeFile(path, bytes);
      const error = await readGridFromFile(path).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReadFileError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
