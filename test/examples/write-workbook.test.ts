import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { generateDistributor } from '../../examples/distributor.js';
import { SALES_HEADERS, toCleanCompanionCsv, toCleanCsv, toMessy1cGrid, writeGridXlsx, writeSampleWorkbook } from '../../examples/write-workbook.js';
import { HOSTILE_PROBES } from '../helpers/probes.js';

const data = generateDistributor({ seed: 12, clients: 40, years: 2, endDay: dayFromYmd(2026, 10, 31), probes: HOSTILE_PROBES });
let dir = '';
let sample: ExcelJS.Workbook;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'winback-examples-'));
  const path = join(dir, 'sample.xlsx');
  await writeSampleWorkbook(data, path);
  sample = await read(path);
});

async function read(path: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book;
}

describe('writeSampleWorkbook', () => {
  it('writes Sales, Requests, Contacts and Complaints with typed cells', async () => {
    const book = sample;
    expect(book.worksheets.map((s) => s.name)).toEqual(['Sales', 'Requests', 'Contacts', 'Complaints']);
    const sales = book.getWorksheet('Sales')!;
    expect((sales.getRow(1).values as unknown[]).slice(1)).toEqual([...SALES_HEADERS]);
    expect(sales.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sales.rowCount).toBe(data.sales.length + 1);
    const first = data.sales[0];
    const row = sales.getRow(2);
    expect(row.getCell(2).value).toEqual(new Date(first.day * 86_400_000));
    expect(row.getCell(2).numFmt).toBe('yyyy-mm-dd');
    expect([row.getCell(1).value, row.getCell(3).value, row.getCell(6).value, row.getCell(7).value, row.getCell(8).value, row.getCell(9).value])
      .toEqual([first.client, first.document, first.quantity / 1000, first.price / 100, first.amount / 100, first.profit / 100]);
    expect(book.getWorksheet('Requests')!.rowCount).toBe(data.requests.length + 1);
    expect(book.getWorksheet('Contacts')!.getRow(2).getCell(3).value).toBe(data.contacts[0].answered ? 'yes' : 'no');
    expect(book.getWorksheet('Complaints')!.rowCount).toBe(data.complaints.length + 1);
  });

  it('writes a name that looks like a formula as a text cell', async () => {
    const cells: ExcelJS.Cell[] = [];
    sample.getWorksheet('Sales')!.eachRow((row) => {
      const cell = row.getCell(1);
      if (cell.value === '=HYPERLINK("http://x","y")') cells.push(cell);
    });
    expect(cells.length).toBe(data.sales.filter((s) => s.client === '=HYPERLINK("http://x","y")').length);
    expect(cells.every((c) => c.type === ExcelJS.ValueType.String && c.formula === undefined)).toBe(true);
  });
});

describe('writeGridXlsx', () => {
  it('writes the messy grid with every cell as text and blank rows empty', async () => {
    const { grid, junk } = toMessy1cGrid(data);
    const path = join(dir, 'messy.xlsx');
    await writeGridXlsx(grid, path);
    const sheet = (await read(path)).worksheets[0];
    expect(sheet.name).toBe('Продажи');
    expect(sheet.rowCount).toBe(grid.length);
    sheet.eachRow((row) => row.eachCell((cell) => expect(typeof cell.value).toBe('string')));
    expect(sheet.getRow(5).getCell(8).value).toBe(grid[4][7]);
    for (const { row } of junk.filter((j) => j.reason === 'blank')) expect(sheet.getRow(row).cellCount).toBe(0);
  });
});

describe('toCleanCsv', () => {
  it('writes English headers, ISO dates and plain numbers', () => {
    const lines = toCleanCsv(data).split('\n');
    expect(lines[0]).toBe('Client,Date,Document,Product,Category,Quantity,Price,Amount,Profit,Manager,Region,Industry');
    expect(lines.length).toBe(data.sales.length + 2);
    expect(lines.at(-1)).toBe('');
    const hostile = lines.find((l) => l.startsWith('"=HYPERLINK'))!;
    expect(hostile.startsWith('"=HYPERLINK(""http://x"",""y"")",')).toBe(true);
    const s = data.sales[0];
    const cells = lines[1].split(',');
    expect(cells[1]).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(Number(cells.at(-5))).toBe(s.amount / 100);
  });

  it('writes requests, contacts and complaints the same way', () => {
    const { requests, contacts, complaints } = toCleanCompanionCsv(data);
    expect(requests.split('\n')[0]).toBe('Client,Date,Manager');
    expect(contacts.split('\n').length).toBe(data.contacts.length + 2);
    expect(contacts).toMatch(/,(yes|no)\n/);
    expect(complaints.split('\n')[0]).toBe('Client,Date,Text');
  });
});
