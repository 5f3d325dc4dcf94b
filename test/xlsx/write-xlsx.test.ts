import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { reportXlsxBytes, workbookXlsxBytes } from '../../xlsx/write-xlsx.js';
import { zlibCompression } from '../../cli/zlib-deflate.js';
import type { Cell } from '../../core/index.js';
import { buildReport } from '../../core/report/index.js';
import { HOSTILE, fullAnalysis } from '../report/fixture.js';
import { sampleReport } from '../addin/report-fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'winback-xlsx-'));
const books: Record<'en' | 'ru', ExcelJS.Workbook> = { en: new ExcelJS.Workbook(), ru: new ExcelJS.Workbook() };

beforeAll(async () => {
  for (const lang of ['en', 'ru'] as const) {
    const path = join(dir, `report-${lang}.xlsx`);
    await writeFile(path, reportXlsxBytes(buildReport(fullAnalysis(), lang)));
    await books[lang].xlsx.readFile(path);
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The first cell in column A whose value is `text`, as a row number. */
function rowWith(ws: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === text) return r;
  throw new Error(`${text} not found in ${ws.name}`);
}

/** The column number of a header text in a row. */
function columnWith(ws: ExcelJS.Worksheet, row: number, header: string): number {
  const values = ws.getRow(row).values as unknown[];
  const c = values.indexOf(header);
  if (c < 1) throw new Error(`${header} not in row ${row} of ${ws.name}`);
  return c;
}

describe('the report workbook', () => {
  it('writes one worksheet per tab, named in the language, by Winback', () => {
    expect(books.en.worksheets.map((ws) => ws.name)).toEqual(['Summary', 'Clients', 'ABC-XYZ', 'Win-back', 'Movement', 'Conversion', 'KPI', 'Model check', 'Data issues']);
    expect(books.ru.worksheets.map((ws) => ws.name)).toEqual([
      'Сводка',
      'Клиенты',
      'ABC-XYZ',
      'Возврат клиентов',
      'Динамика',
      'Конверсия',
      'KPI',
      'Проверка модели',
      'Ошибки данных',
    ]);
    expect(books.en.creator).toBe('Winback');
  });

  it('writes a long list under its lead line, frozen through its header, and its notes under the list', () => {
    const spec = buildReport(fullAnalysis(), 'en').find((s) => s.key === 'clients')!;
    const ws = books.en.getWorksheet('Clients')!;
    expect(ws.getCell(1, 1).value).toBe('As of 2026-03-15 · notes under the list ↓');
    const header = rowWith(ws, 'Client');
    expect(header).toBe(2);
    expect((ws.getRow(header).values as unknown[]).slice(1)).toEqual(spec.tables[0].columns.map((c) => c.header));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, topLeftCell: 'A3' });
    // The notes, one a row, after the data rows and a blank row.
    const first = header + spec.tables[0].rows.length + 2;
    expect(ws.getCell(first - 1, 1).value).toBeNull();
    expect(spec.notes.map((_, i) => ws.getCell(first + i, 1).value)).toEqual(spec.notes);
    expect(String(spec.notes[0])).toMatch(/^As of 2026-03-15\. Period of analysis/);
  });

  it('freezes a tab with its notes on top only when its header is in the top three rows', async () => {
    const clients = buildReport(fullAnalysis(), 'en').find((s) => s.key === 'clients')!;
    const frozen = async (notes: string[]) => {
      const path = join(dir, `notes-${notes.length}.xlsx`);
      await writeFile(path, reportXlsxBytes([{ ...clients, notesBelow: undefined, notes }]));
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(path);
      const ws = book.getWorksheet('Clients')!;
      return [rowWith(ws, 'Client'), ws.views[0].state, (ws.views[0] as { ySplit?: number }).ySplit];
    };
    expect(await frozen(clients.notes.slice(0, 1))).toEqual([3, 'frozen', 3]);
    expect(await frozen(clients.notes)).toEqual([7, 'normal', undefined]);
  });

  it('writes dates as dates, money, percent and whole numbers with their formats', () => {
    const ws = books.en.getWorksheet('Clients')!;
    const header = rowWith(ws, 'Client');
    const acme = rowWith(ws, 'Acme Ltd');
    const cell = (name: string) => ws.getCell(acme, columnWith(ws, header, name));
    expect(cell('Last purchase').value).toEqual(new Date(Date.UTC(2026, 2, 12)));
    expect(cell('Last purchase').numFmt).toBe('yyyy-mm-dd');
    expect(cell('Revenue').value).toBe(118_000);
    // The fixture's amounts showed rubles: money carries the sign as English writes it.
    expect(cell('Revenue').numFmt).toBe('"₽"#,##0.00');
    expect(cell('Share').numFmt).toBe('0.0%');
    expect(cell('Orders in the period').numFmt).toBe('#,##0');
  });

  it('writes money with the currency in every money cell, as the language writes it, and only there', () => {
    const ru = books.ru.getWorksheet('Клиенты')!;
    const header = rowWith(ru, 'Клиент');
    const acme = rowWith(ru, 'Acme Ltd');
    expect(ru.getCell(acme, columnWith(ru, header, 'Выручка')).numFmt).toBe('#,##0.00"\u00a0₽"');
    for (const lang of ['en', 'ru'] as const) {
      const specs = buildReport(fullAnalysis(), lang);
      const money = specs[0]!.numberFormats!.money!;
      let moneyCells = 0;
      for (const ws of books[lang].worksheets) {
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.numFmt?.includes('₽')) {
              expect(cell.numFmt, `${ws.name}!${cell.address}`).toBe(money);
              expect(['number', 'object'], `${ws.name}!${cell.address}`).toContain(typeof cell.value);
              moneyCells++;
            }
          }),
        );
      }
      const expected = specs.reduce((n, spec) => n + spec.tables.reduce((t, table) => t + table.columns.filter((c) => c.format === 'money').length * table.rows.length, 0), 0);
      expect(moneyCells, lang).toBe(expected);
    }
  });

  it('keeps formula-like and HTML client names as the identical text, never a formula', () => {
    for (const lang of ['en', 'ru'] as const) {
      const found = new Map<string, ExcelJS.Cell>();
      books[lang].eachSheet((ws) =>
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (Object.values(HOSTILE).includes(cell.value as never)) found.set(cell.value as string, cell);
            expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          }),
        ),
      );
      expect([...found.keys()].sort()).toEqual(Object.values(HOSTILE).sort());
      for (const cell of found.values()) expect(cell.type).toBe(ExcelJS.ValueType.String);
    }
    const issues = books.en.getWorksheet('Data issues')!;
    const badAmount = rowWith(issues, 'Продажи 2026') + 3;
    expect(issues.getCell(badAmount, 5).value).toBe('=SUM(B2:B9)');
    expect(issues.getCell(badAmount, 5).type).toBe(ExcelJS.ValueType.String);
  });

  it('cuts a text longer than a cell holds (32,767 characters) with the mark (issue 17, item 11)', async () => {
    const long = `${'Щ'.repeat(59_990)}0123456789`;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(reportXlsxBytes([sampleReport('en', [long, 'Acme Ltd'])[0]!]) as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    const header = rowWith(ws, 'Client');
    expect(ws.getCell(header + 1, 1).value).toBe(`${'Щ'.repeat(32_767 - 4)} […]`);
    expect(ws.getCell(header + 2, 1).value).toBe('Acme Ltd');
  });

  it('makes native tables of the long lists with unique names and filter buttons', () => {
    const tables = (name: string) => books.en.getWorksheet(name)!.getTables().map((t) => (t as unknown as { table: ExcelJS.TableProperties }).table);
    const [clients] = tables('Clients');
    expect(clients.name).toBe('clients_clients');
    expect(clients.columns.every((c) => c.filterButton)).toBe(true);
    expect(tables('ABC-XYZ')).toEqual([]);
    const names = books.en.worksheets.flatMap((ws) => tables(ws.name).map((t) => t.name));
    expect(names).toEqual(['clients_clients', 'winback_winback', 'movement_movement', 'conversion_byClient', 'issues_rejected']);
  });

  it('fills status and tier cells with their colours', () => {
    const ws = books.ru.getWorksheet('Клиенты')!;
    const header = rowWith(ws, 'Клиент');
    const romashka = rowWith(ws, 'ООО Ромашка');
    const fill = (name: string) => (ws.getCell(romashka, columnWith(ws, header, name)).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect(ws.getCell(romashka, columnWith(ws, header, 'Статус')).value).toBe('Под угрозой');
    expect(fill('Статус')).toBe('FFFFEB9C');
    expect(fill('Категория')).toBe('FFFFD966');
  });

  it('draws the heat map as a colour scale over the matrix', () => {
    const ws = books.en.getWorksheet('ABC-XYZ')!;
    const counts = rowWith(ws, 'Clients per cell') + 1;
    const formats = (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
    const rules = formats.map((cf) => [cf.ref, cf.rules[0].type]);
    expect(rules[0]).toEqual([`B${counts + 1}:B${counts + 3} C${counts + 1}:C${counts + 3} D${counts + 1}:D${counts + 3} E${counts + 1}:E${counts + 3}`, 'colorScale']);
    expect(rules.every(([, type]) => type === 'colorScale')).toBe(true);
  });

  it('sets every tab to print landscape, one page wide, the long lists repeating their header row', () => {
    for (const ws of books.en.worksheets) {
      expect(ws.pageSetup, ws.name).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    const clients = books.en.getWorksheet('Clients')!;
    expect(clients.pageSetup.printTitlesRow).toBe(`${rowWith(clients, 'Client')}:${rowWith(clients, 'Client')}`);
    expect(books.en.getWorksheet('Summary')!.pageSetup.printTitlesRow).toBeUndefined();
  });

  it('opens on the Summary, whose link lines point to their tabs', () => {
    expect(books.en.views[0]).toMatchObject({ activeTab: 0 });
    const ws = books.en.getWorksheet('Summary')!;
    const link = ws.getCell(rowWith(ws, 'Open the whole list on the Win-back tab (3 clients) →'), 1);
    expect(link.font).toMatchObject({ underline: true });
  });

  it('wraps long actions and makes the row tall enough for them', () => {
    const ws = books.en.getWorksheet('Win-back')!;
    const first = rowWith(ws, 'Priority') + 1;
    const actions = ws.getCell(first, columnWith(ws, first - 1, 'Recommended actions'));
    expect(String(actions.value).split('\n')).toHaveLength(3);
    expect(actions.alignment.wrapText).toBe(true);
    expect(ws.getRow(first).height).toBeGreaterThanOrEqual(4 * 15);
  });

  it('makes number columns wide enough for their numbers', () => {
    const ws = books.en.getWorksheet('Clients')!;
    const header = rowWith(ws, 'Client');
    expect(ws.getColumn(columnWith(ws, header, 'Revenue')).width).toBeGreaterThanOrEqual('118,000.00'.length + 2);
    expect(ws.getColumn(columnWith(ws, header, 'Last purchase')).width).toBeGreaterThanOrEqual('2026-03-12'.length + 2);
  });
});

describe('the zip', () => {
  it('is the same bytes whenever it is written (no clock in it), with either deflater', () => {
    const sheets = buildReport(fullAnalysis(), 'en');
    vi.useFakeTimers();
    try {
      vi.setSystemTime(new Date(2026, 0, 1, 9, 0, 0));
      const zlib = reportXlsxBytes(sheets, { compression: zlibCompression });
      const fflate = reportXlsxBytes(sheets);
      vi.setSystemTime(new Date(2026, 11, 4, 18, 30, 7));
      expect(Buffer.from(reportXlsxBytes(sheets, { compression: zlibCompression })).equals(Buffer.from(zlib))).toBe(true);
      expect(Buffer.from(reportXlsxBytes(sheets)).equals(Buffer.from(fflate))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('the sheet XML, written straight into bytes', () => {
  const sheetXml = (rows: unknown[][]) => {
    const bytes = unzipSync(workbookXlsxBytes([{ cells: { name: 'S', rows: rows as Cell[][] } }]))['xl/worksheets/sheet1.xml']!;
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  };

  it('escapes, encodes and numbers each cell as XML holds it', () => {
    const xml = sheetXml([['Москва & Co', '_x0041_', 'a\u0001b', ' lead', 'x<y>', '😀'], [1.5, -5, 1e21, 123456789012345, true, null, 7]]);
    const data = xml.slice(xml.indexOf('<sheetData>') + 11, xml.indexOf('</sheetData>'));
    expect(data).toBe(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Москва &amp; Co</t></is></c><c r="B1" t="inlineStr"><is><t>_x005F_x0041_</t></is></c>' +
        '<c r="C1" t="inlineStr"><is><t>a_x0001_b</t></is></c><c r="D1" t="inlineStr"><is><t xml:space="preserve"> lead</t></is></c>' +
        '<c r="E1" t="inlineStr"><is><t>x&lt;y&gt;</t></is></c><c r="F1" t="inlineStr"><is><t>😀</t></is></c></row>' +
        '<row r="2"><c r="A2"><v>1.5</v></c><c r="B2"><v>-5</v></c><c r="C2"><v>1e+21</v></c><c r="D2"><v>123456789012345</v></c><c r="E2" t="b"><v>1</v></c><c r="G2"><v>7</v></c></row>',
    );
  });

  it('escapes an underscore only where `_xHHHH_` would read back as a character', () => {
    const xml = sheetXml([['online_retail.csv', 'sales_x0041_.csv', 'a_X0041_', 'end_', '_x004_']]);
    const texts = [...xml.matchAll(/<t>([^<]*)<\/t>/g)].map((m) => m[1]);
    expect(texts).toEqual(['online_retail.csv', 'sales_x005F_x0041_.csv', 'a_X0041_', 'end_', '_x004_']);
  });

  it('writes a text repeated down a column as the first one, across the megabyte chunks, spaces kept where they lead', () => {
    // Runs of one text (copied from the cell above once it repeats), broken by others, in 1 to 4 bytes of UTF-8.
    const runs = ['same & text', ' lead', 'Щётка 😀', 'same & text', 'x'];
    const texts = Array.from({ length: 70_000 }, (_, r) => runs[Math.floor(r / 4) % runs.length]!);
    const xml = sheetXml(texts.map((text, r) => [text, r]));
    expect(xml.length).toBeGreaterThan(3 * (1 << 20));
    const read = [...xml.matchAll(/<row r="(\d+)"><c r="A\1" t="inlineStr"><is><t( xml:space="preserve")?>([^<]*)<\/t><\/is><\/c><c r="B\1"><v>(\d+)<\/v><\/c><\/row>/g)];
    expect(read.map((m) => m[3]!.replaceAll('&amp;', '&'))).toEqual(texts);
    expect(read.map((m) => m[2] !== undefined)).toEqual(texts.map((text) => text === ' lead'));
    expect(read.map((m) => Number(m[4]))).toEqual(texts.map((_, r) => r));
  });

  it('keeps every character of texts that cross the megabyte chunks, in 1 to 4 bytes of UTF-8', () => {
    const texts = Array.from({ length: 60_000 }, (_, r) => `${'x'.repeat(r % 13)}${['é', 'Щ', '€', '😀', '&'][r % 5]!.repeat(1 + (r % 7))}${r}`);
    const xml = sheetXml(texts.map((text, r) => [text, r]));
    expect(xml.length).toBeGreaterThan(3 * (1 << 20));
    const read = [...xml.matchAll(/<row r="(\d+)"><c r="A\1" t="inlineStr"><is><t>([^<]*)<\/t><\/is><\/c><c r="B\1"><v>(\d+)<\/v><\/c><\/row>/g)];
    expect(read.map((m) => m[2]!.replaceAll('&amp;', '&'))).toEqual(texts);
    expect(read.map((m) => Number(m[3]))).toEqual(texts.map((_, r) => r));
  });
});
