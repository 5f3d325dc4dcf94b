/**
 * Issue 17 ("Hostile input: no row lost, nothing guessed in silence"), the reading items: each
 * test is a case that used to lose, invent or silently guess a row.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { fitted, MAX_CELL_TEXT, sheetCell } from '../../core/layout/cells.js';
import { inspectGrid } from '../../core/panel/inspect.js';
import { csvSource } from '../../core/read/csv.js';
import { readSales } from '../../core/read/read-sales.js';
import { saleLines } from '../../core/read/sales-columns.js';
import type { TableSource } from '../../core/read/table-source.js';
import { rowsOf, type Grid, type ReadOptions } from '../../core/read/types.js';
import { openXlsx } from '../../xlsx/read-xlsx.js';
import { segmentGrids } from '../helpers/pipeline.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

function read(input: Grid | TableSource, options?: ReadOptions) {
  const outcome = readSales(input, options);
  if (!outcome.ok) throw new Error(outcome.code);
  return { ...outcome, lines: saleLines(outcome.records) };
}

/** accepted + requests + rejected (a blank run counting its rows) = data rows. */
function balanced(outcome: ReturnType<typeof read>): boolean {
  return outcome.lines.length + (outcome.requests?.length ?? 0) + outcome.rejected.reduce((n, r) => n + rowsOf(r), 0) === outcome.dataRows;
}

describe('rows that were lost or invented', () => {
  it('counts request rows of the sales sheet as requests, so accepted + requests + rejected = rows (item 4)', () => {
    const outcome = read([
      ['Client', 'Date', 'Amount', 'Type'],
      ['Acme', '2026-03-01', 10, 'sale'],
      ['Acme', '2026-03-02', '', 'request'],
      ['Beta', '2026-03-03', 5, ''],
      ['Beta', '2026-03-04', '', 'заявка'],
    ]);
    expect(outcome.dataRows).toBe(4);
    expect([outcome.lines.length, outcome.requests!.length, outcome.rejected.length]).toEqual([2, 2, 0]);
    const run = segmentGrids({ sales: [['Client', 'Date', 'Amount', 'Type'], ['Acme', '2026-03-01', 10, 'sale'], ['Acme', '2026-02-27', '', 'request']] }, 'en');
    expect(run.ok && run.analysis.input).toMatchObject({ rows: 2, accepted: 1, requests: 1, rejected: [] });
  });

  it('rejects a repeated <row r="3"> and a shared text that does not exist, instead of replacing or inventing (item 6)', () => {
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2"><v>46086</v></c><c r="C2"><v>10</v></c></row>' +
      '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>46087</v></c><c r="C3"><v>20</v></c></row>' +
      '<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><v>46088</v></c><c r="C3"><v>30</v></c></row>' +
      '<row r="4"><c r="A4" t="s"><v>99999</v></c><c r="B4"><v>46089</v></c><c r="C4"><v>40</v></c></row>' +
      '</sheetData></worksheet>';
    const strings = '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Client</t></si><si><t>Date</t></si><si><t>Amount</t></si><si><t>Acme</t></si></sst>';
    const bytes = zipSync({
      'xl/workbook.xml': strToU8('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="x/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
      'xl/sharedStrings.xml': strToU8(strings),
    });
    const outcome = read(openXlsx(bytes).rows('S'));
    expect(outcome.lines.map((l) => [l.row, l.amount])).toEqual([
      [2, 1000],
      [3, 2000],
    ]);
    expect(outcome.rejected).toEqual([
      { row: 3, reason: 'duplicate-row' },
      { row: 4, reason: 'bad-cell', value: 'A4: #99999' },
    ]);
    expect(balanced(outcome)).toBe(true);
  });

  it('reports a run of blank rows as one range, and blank rows after the last data row as nothing (item 12)', () => {
    const bytes = utf8(`Client,Date,Amount\nAcme,2026-03-01,1\n${'\n'.repeat(1_000_000)}Beta,2026-03-02,2\n${'\n'.repeat(1_000)}`);
    const outcome = read(csvSource(bytes));
    expect(outcome.rejected).toEqual([{ row: 3, toRow: 1_000_002, reason: 'blank' }]);
    expect(outcome.dataRows).toBe(1_000_002);
    expect(balanced(outcome)).toBe(true);
  });

  it('reads an xlsx with one value in A1048576 without a row of memory per empty row (item 12)', () => {
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Client</t></is></c><c r="B1" t="inlineStr"><is><t>Date</t></is></c><c r="C1" t="inlineStr"><is><t>Amount</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Acme</t></is></c><c r="B2"><v>46086</v></c><c r="C2"><v>10</v></c></row>' +
      '<row r="1048576"><c r="A1048576"><v>7</v></c></row></sheetData></worksheet>';
    const bytes = zipSync({
      'xl/workbook.xml': strToU8('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': strToU8(sheet),
    });
    const outcome = read(openXlsx(bytes).rows('S'));
    expect(outcome.rejected).toEqual([
      { row: 3, toRow: 1_048_575, reason: 'blank' },
      { row: 1_048_576, reason: 'bad-date' },
    ]);
    expect(balanced(outcome)).toBe(true);
  });
});

describe('companion rows no metric can use (item 5)', () => {
  it('lists requests, contacts and complaints dated after asOf, and contacts and complaints of unknown clients, with their sheet', () => {
    const run = segmentGrids(
      {
        sales: [['Client', 'Date', 'Amount'], ['Acme', '2026-03-01', 10], ['Beta', '2026-03-10', 10]],
        requests: [['Client', 'Date'], ['Acme', '2026-03-05'], ['Prospect', '2026-03-06'], ['Acme', '2026-04-01']],
        contacts: [['Client', 'Date', 'Answered'], ['Acme', '2026-03-05', 'no'], ['Ghost', '2026-03-05', 'yes'], ['Beta', '2026-05-01', 'no']],
        complaints: [['Client', 'Date', 'Text'], ['Nobody Ltd', '2026-03-02', 'late'], ['Acme', '2027-01-01', 'late']],
      },
      'en',
      { model: 'none' },
      { requests: 'Заявки', contacts: 'Звонки', complaints: 'Жалобы' },
    );
    if (!run.ok) throw new Error('refused');
    expect(run.analysis.input.rejected).toEqual([
      { row: 4, reason: 'after-as-of', source: 'requests', sheet: 'Заявки' },
      { row: 3, reason: 'unknown-client', value: 'Ghost', source: 'contacts', sheet: 'Звонки' },
      { row: 4, reason: 'after-as-of', source: 'contacts', sheet: 'Звонки' },
      { row: 2, reason: 'unknown-client', value: 'Nobody Ltd', source: 'complaints', sheet: 'Жалобы' },
      { row: 3, reason: 'after-as-of', source: 'complaints', sheet: 'Жалобы' },
    ]);
    const issues = run.sheets.find((sheet) => sheet.key === 'issues')!;
    const list = issues.tables.find((t) => t.id === 'rejected')!.rows;
    expect(list.map((row) => [row[0], row[1], row[3]])).toEqual([
      ['Заявки', 4, 'Dated after the analysis date'],
      ['Звонки', 3, 'The client has no sales line'],
      ['Звонки', 4, 'Dated after the analysis date'],
      ['Жалобы', 2, 'The client has no sales line'],
      ['Жалобы', 3, 'Dated after the analysis date'],
    ]);
  });
});

describe('guesses that changed the answer', () => {
  it('reads two-digit years by the stated pivot: 05.03.99 is 1999, 05.03.26 is 2026 (item 7)', () => {
    const outcome = read([
      ['Клиент', 'Дата', 'Сумма'],
      ['А', '05.03.99', 1],
      ['Б', '05.03.26', 1],
      ['В', '05.03.29', 1],
      ['Г', '05.03.30', 1],
    ]);
    expect(outcome.lines.map((l) => l.day)).toEqual([dayFromYmd(1999, 3, 5), dayFromYmd(2026, 3, 5), dayFromYmd(2029, 3, 5), dayFromYmd(1930, 3, 5)]);
    expect(outcome.profile.twoDigitYears).toBe(4);
  });

  it('never lets a date far beyond the rest become the analysis date; it is reported (item 7)', () => {
    const sales: (string | number)[][] = [['Client', 'Date', 'Amount']];
    for (let i = 0; i < 200; i++) sales.push([`Client ${i % 20}`, `2026-${String(1 + (i % 10)).padStart(2, '0')}-15`, 100]);
    sales.push(['Client 3', '2999-01-01', 100]);
    const run = segmentGrids({ sales }, 'en', { model: 'none' });
    if (!run.ok) throw new Error('refused');
    expect(run.analysis.asOf).toBe(dayFromYmd(2026, 10, 15));
    expect(run.analysis.input.rejected).toEqual([{ row: 202, reason: 'far-future', value: '2999-01-01', source: 'sales', sheet: 'Sales' }]);
    expect(Math.max(...run.analysis.clients.map((c) => c.recencyDays!))).toBeLessThan(366);
  });

  it('decides the decimal separator per column: 1,234 is 1.234 among 1,5 and 2,25, and 1234 among 1,234.50 (item 9)', () => {
    const comma = read([['Client', 'Date', 'Amount'], ['a', '2026-03-01', '1,5'], ['a', '2026-03-02', '2,25'], ['a', '2026-03-03', '1,234']]);
    expect(comma.lines.map((l) => l.amount)).toEqual([150, 225, 123]);
    expect(comma.profile.decimals).toEqual([{ field: 'amount', mark: 'comma', ambiguous: 1 }]);
    const dot = read([['Client', 'Date', 'Amount'], ['a', '2026-03-01', '1,234.50'], ['a', '2026-03-02', '1,234']]);
    expect(dot.lines.map((l) => l.amount)).toEqual([123450, 123400]);
    expect(dot.profile.decimals).toEqual([{ field: 'amount', mark: 'dot', ambiguous: 1 }]);
    const unsure = read([['Client', 'Date', 'Amount'], ['a', '2026-03-01', '1,5'], ['a', '2026-03-02', '2.5'], ['a', '2026-03-03', '1,234']]);
    expect(unsure.lines.map((l) => l.amount)).toEqual([150, 250, 123400]);
    expect(unsure.profile.decimals).toEqual([{ field: 'amount', mark: 'mixed', ambiguous: 1 }]);
  });

  it('decides derived amounts (quantity × price) by the columns too', () => {
    const outcome = read([['Client', 'Date', 'Quantity', 'Price'], ['a', '2026-03-01', '2', '0,5'], ['a', '2026-03-02', '1', '1,250']]);
    expect(outcome.lines.map((l) => l.amount)).toEqual([100, 125]);
  });

  it('takes invisible characters out of names, and lists look-alike names without merging them (item 10)', () => {
    const outcome = read([
      ['Клиент', 'Дата', 'Сумма'],
      ['\u200b\u200e\u0000', '2026-03-01', 1],
      ['Acme', '2026-03-01', 1],
      ['Acme\u200b', '2026-03-02', 1],
      ['Сибирь', '2026-03-01', 1],
      ['Cибирь', '2026-03-02', 1],
    ]);
    expect(outcome.rejected).toEqual([{ row: 2, reason: 'no-client' }]);
    expect(outcome.lines.map((l) => l.client)).toEqual(['Acme', 'Acme', 'Сибирь', 'Cибирь']);
    expect(outcome.profile.invisibleNames).toBe(1);
    expect(outcome.profile.lookAlikes).toEqual([
      [
        { name: 'Сибирь', lines: 1 },
        { name: 'Cибирь', lines: 1 },
      ],
    ]);
  });

  it('cuts a text longer than a cell holds, with a mark, for every host (item 11)', () => {
    const long = 'x'.repeat(40_000);
    const cell = sheetCell(long, 'text', () => 0);
    expect(cell.value).toHaveLength(MAX_CELL_TEXT);
    expect(String(cell.value).endsWith(' […]')).toBe(true);
    expect(fitted('short')).toBe('short');
    expect(fitted(`${'y'.repeat(MAX_CELL_TEXT - 5)}😀😀😀`)).toHaveLength(MAX_CELL_TEXT - 1);
  });
});

describe('how the file was read, shown (item 13)', () => {
  it('profiles the read: header row, the column of each field and its candidates, decimals, dates', () => {
    const outcome = read(
      csvSource(utf8('Отчет\n\nClient;Date;Amount;Total;Sales\nAcme;05.03.2026;1,5;3;4\nBeta;07.03.2026;2,5;3;4\n')),
    );
    expect(outcome.profile).toEqual({
      file: { encoding: 'utf-8', encodingSure: true, strayBytes: 0, delimiter: ';', delimiterSure: true },
      headerRow: 3,
      columns: [
        { field: 'client', column: 0, header: 'Client', candidates: [] },
        { field: 'date', column: 1, header: 'Date', candidates: [] },
        { field: 'amount', column: 2, header: 'Amount', candidates: [{ column: 3, header: 'Total' }, { column: 4, header: 'Sales' }] },
      ],
      decimals: [{ field: 'amount', mark: 'comma', ambiguous: 0 }],
      currencies: [],
      dates: { from: dayFromYmd(2026, 3, 5), to: dayFromYmd(2026, 3, 7) },
      twoDigitYears: 0,
      invisibleNames: 0,
      lookAlikes: [],
    });
  });

  it('puts the profile in what the panel shows before Segment', () => {
    const inspection = inspectGrid('S', [['Client', 'Date', 'Amount'], ['Acme', '2026-03-05', '1,5']]);
    expect(inspection.profile).toMatchObject({ headerRow: 1, rows: 2, decimals: [{ field: 'amount', mark: 'comma', ambiguous: 0 }] });
    const fromFile = inspectGrid('S', csvSource(utf8('Client;Date;Amount\nAcme;2026-03-05;1\n')));
    expect(fromFile).toMatchObject({ rows: 2, ok: true, preview: [{ row: 2, values: { client: 'Acme', amount: '1.00' } }] });
    expect(fromFile.profile?.file).toMatchObject({ delimiter: ';' });
  });
});
