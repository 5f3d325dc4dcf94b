/**
 * `--engine duckdb` and `--aggregates` against the in-memory engine, through the command line: the
 * same JSON report (classes, tiers, statuses, signals, movement, KPIs, the model, every rejected
 * row with its number and reason) on the CDNOW sample, a generated distributor written the way a
 * 1C export writes it (dd.mm.yyyy, `12 345,67`, `Итого` rows, blank rows, a request type, a
 * mistyped year), and Online Retail. Only the read profile may differ (how the file was read: the
 * engine reports no encoding or decimal evidence of its own).
 * And the round trip of docs/warehouse.md: `winback sql --dialect duckdb` run by DuckDB over a
 * table, its result saved as CSV, then `winback segment result.csv --aggregates`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { formatDay } from '../../core/basics/calendar.js';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { generateDistributor } from '../../examples/distributor.js';
import { workbookXlsxBytes } from '../../xlsx/write-xlsx.js';
import { encodeWindows1251 } from '../../examples/cp1251.js';
import { dateOfDay } from '../../core/basics/calendar.js';
import type { Cell } from '../../core/read/types.js';

const dir = mkdtempSync(join(tmpdir(), 'winback-engines-'));

interface Report {
  input: { rows: number; accepted: number; requests: number; rejected: unknown[]; profile: unknown };
  clients: unknown[];
  currency: string | null;
  [key: string]: unknown;
}

async function report(args: string[], name: string): Promise<Report> {
  const json = join(dir, `${name}.json`);
  let printed = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => ((printed += chunk), true)) as typeof process.stdout.write;
  let code: number;
  try {
    code = await main([...args, '--json', json, '--quiet']);
  } finally {
    process.stdout.write = write;
  }
  expect(code, printed).toBe(0);
  return JSON.parse(readFileSync(json, 'utf8')) as Report;
}

/** The report of the same command from both engines (`<name>-memory.json`, `<name>-duckdb.json`). */
async function engines(args: string[], name: string): Promise<{ memory: Report; duckdb: Report }> {
  const memory = await report(args, `${name}-memory`);
  return { memory, duckdb: await report([...args, '--engine', 'duckdb'], `${name}-duckdb`) };
}

/** The report without the read profile (the one part that says which engine read the file). */
function withoutProfile(r: Report): Report {
  return { ...r, input: { ...r.input, profile: null } };
}

/** …and without the name of the sheet each rejected row is in (a table, its result file and the CSV have their own names). */
function withoutSource(r: Report): Report {
  const rejected = (r.input.rejected as { sheet?: string }[]).map(({ sheet: _sheet, ...row }) => row);
  return { ...withoutProfile(r), input: { ...r.input, profile: null, rejected } };
}

/** The generated distributor as a 1C export would write it, with the rows a reader must reject. */
function distributorCsv(): string {
  const data = generateDistributor({ seed: 5, clients: 150, years: 3, endDay: dayFromYmd(2026, 10, 31), linesTarget: 20_000 });
  const money = (kopecks: number) => {
    const sign = kopecks < 0 ? '-' : '';
    const [whole, cents] = (Math.abs(kopecks) / 100).toFixed(2).split('.');
    return `${sign}${whole!.replace(/\B(?=(\d{3})+$)/g, ' ')},${cents}`;
  };
  const dotted = (day: number) => formatDay(day).split('-').reverse().join('.');
  const quote = (text: string) => (/[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const rows = ['Контрагент;Дата;Сумма;Прибыль;Количество;Номенклатура;Документ;Менеджер;Регион;Вид'];
  data.sales.forEach((s, i) => {
    rows.push([s.client, dotted(s.day), money(s.amount), money(s.profit), String(s.quantity / 1000).replace('.', ','), s.product, s.document, s.manager, s.region, 'продажа'].map(quote).join(';'));
    if (i % 997 === 0) rows.push(';;;;;;;;;');
    if (i % 1499 === 0) rows.push('Итого;;1 000,00;;;;;;;');
    if (i % 1777 === 0) rows.push(`${quote(s.client)};31.02.2026;5,00;;;;;;;`);
    if (i % 1913 === 0) rows.push(`${quote(s.client)};${dotted(s.day)};много;;;;;;;`);
    if (i % 2111 === 0) rows.push(`${quote(s.client)};${dotted(s.day)};(120,00);;;;;;;`);
    if (i % 2333 === 0) rows.push(`${quote(s.client)};${dotted(s.day)};1 234 руб.;;;;;;;`);
  });
  data.requests.forEach((r) => rows.push([r.client, dotted(r.day), '', '', '', '', '', r.manager, '', 'заявка'].map(quote).join(';')));
  rows.push(`${quote(data.sales[0]!.client)};05.03.2999;10,00;;;;;;;`);
  return rows.join('\n') + '\n';
}

let cdnowCsv: string;
let distributor: string;

beforeAll(() => {
  const lines = readFileSync('../shared/data/cdnow_lifetimes/CDNOW_sample.txt', 'utf8').trim().split(/\r?\n/);
  const csv = ['Customer,Date,Amount'];
  for (const line of lines) {
    const [, id, ymd, , dollars] = line.trim().split(/\s+/);
    csv.push(`${id},${ymd!.slice(0, 4)}-${ymd!.slice(4, 6)}-${ymd!.slice(6, 8)},${dollars}`);
  }
  cdnowCsv = join(dir, 'cdnow.csv');
  writeFileSync(cdnowCsv, csv.join('\n') + '\n');
  distributor = join(dir, 'distributor.csv');
  writeFileSync(distributor, distributorCsv());
});

describe('--engine duckdb gives the in-memory report', () => {
  it('on the CDNOW sample (as of 1997-09-30, BG/NBD)', async () => {
    const { memory, duckdb } = await engines(['segment', cdnowCsv, '--as-of', '1997-09-30', '--model', 'bgnbd'], 'cdnow');
    expect(withoutProfile(duckdb)).toEqual(withoutProfile(memory));
    expect(memory.clients).toHaveLength(2357);
  }, 120_000);

  it('on a 1C-style distributor export with blank, total, unreadable, request and far-future rows', async () => {
    const { memory, duckdb } = await engines(['segment', distributor], 'distributor');
    const reasons = new Set((memory.input.rejected as { reason: string }[]).map((r) => r.reason));
    expect([...reasons].sort()).toEqual(['bad-amount', 'bad-date', 'blank', 'far-future', 'subtotal']);
    expect(memory.input.requests).toBeGreaterThan(0);
    expect(memory.currency).toBe('RUB');
    expect(withoutProfile(duckdb)).toEqual(withoutProfile(memory));
  }, 120_000);

  it('on every date and number shape the reader knows (slashes, two-digit years, YYYYMMDD, signs, currencies, invisible characters)', async () => {
    const rows = ['Client,Date,Amount,Manager'];
    const dates = ['5/3/2026', '05.03.26', '20260305', '2026/3/5', '2026-03-05T08:26:00Z', '05-03-2026 14:05', '1.2.1999', '29.02.2024', '29.02.2025', '31.04.2026', '0202-01-01', '3/5/26 8:26 AM'];
    const amounts = ['1,5', '12,345.67', '$1,234.00', '120-', '(120.00)', '1 234 руб.', '€ 5', '−7,25', '1.5E+03', '5%', 'abc', '12.345,67', '+3'];
    let k = 0;
    for (const date of dates) for (const amount of amounts) rows.push([`${k % 3 === 0 ? ' ' : ''}Client ${k % 7}${k % 5 === 0 ? '\u200b' : ''}`, date, `"${amount}"`, `M${k++ % 2}`].join(','));
    rows.push('Total:,,"9,00",', ',,,', ',05.03.2026,"1,00",M1');
    const file = join(dir, 'shapes.csv');
    writeFileSync(file, rows.join('\n') + '\n');
    const { memory, duckdb } = await engines(['segment', file, '--model', 'none'], 'shapes');
    const reasons = new Set((memory.input.rejected as { reason: string }[]).map((r) => r.reason));
    expect([...reasons].sort()).toEqual(['bad-amount', 'bad-date', 'blank', 'no-client', 'subtotal']);
    expect(withoutProfile(duckdb)).toEqual(withoutProfile(memory));
  }, 120_000);

  it('on empty lines (above the header, between data lines, a run in the middle, inside a quoted field), with the row numbers of the file', async () => {
    const lines = ['Отчёт о продажах', '', 'Client;Date;Amount;Manager'];
    for (let k = 0; k < 60; k++) {
      lines.push(`Client ${k % 7};0${1 + (k % 9)}.03.2026;${k === 30 ? 'много' : `${k + 1},50`};${k % 11 === 0 ? '"M\r\n\r\nnote"' : `M${k % 2}`}`);
      if (k % 10 === 3) lines.push('');
      if (k === 40) lines.push('', '', '');
    }
    lines.push('Total;;1 000,00;', '', ';05.03.2026;1,00;M1');
    const file = join(dir, 'empty-lines.csv');
    writeFileSync(file, lines.join('\r\n') + '\r\n\r\n');
    const { memory, duckdb } = await engines(['segment', file, '--model', 'none'], 'empty-lines');
    const rejected = memory.input.rejected as { row: number; toRow?: number; reason: string }[];
    expect(rejected.filter((r) => r.reason === 'blank').map((r) => [r.row, r.toRow])).toContainEqual([49, 51]);
    expect(rejected.find((r) => r.reason === 'bad-amount')!.row).toBe(37);
    expect(withoutProfile(duckdb)).toEqual(withoutProfile(memory));
  }, 120_000);

  it('on rows the reader rejects for themselves: an unclosed quote, a stray byte in UTF-8, a row wider than the header', async () => {
    const lines = ['Клиент;Дата;Сумма'];
    for (let k = 0; k < 40; k++) lines.push(`Клиент ${k % 5};0${1 + (k % 9)}.03.2026;${k + 1},50`);
    lines.splice(20, 0, ';;;;Итого');
    // A quote that the file ends inside (earlier, it would hold the lines after it and sway the delimiter the reader finds).
    lines.push('Клиент 1;05.03.2026;"12,50');
    const bytes = Buffer.concat([Buffer.from(lines.slice(0, 30).join('\n') + '\n'), Buffer.from('Клиент '), Buffer.from([0xe9]), Buffer.from(';06.03.2026;3,00\n'), Buffer.from(lines.slice(30).join('\n') + '\n')]);
    const file = join(dir, 'row-problems.csv');
    writeFileSync(file, bytes);
    const { memory, duckdb } = await engines(['segment', file, '--model', 'none'], 'row-problems');
    const reasons = new Set((memory.input.rejected as { reason: string }[]).map((r) => r.reason));
    expect([...reasons].sort()).toEqual(['bad-bytes', 'subtotal', 'unclosed-quote']);
    expect(withoutProfile(duckdb)).toEqual(withoutProfile(memory));
  }, 120_000);

  it('on Online Retail (541,909 lines, quantity × price, 135,080 rows without a client)', async () => {
    const file = '../shared/data/online_retail_uci/online_retail.csv';
    const { memory, duckdb } = await engines(['segment', file], 'retail');
    expect(memory.input.rejected).toHaveLength(135_080);
    expect(withoutProfile(duckdb)).toEqual(withoutProfile(memory));
  }, 400_000);
});

describe('--engine duckdb reads a 1C export in Windows-1251 as the memory engine does', () => {
  it('on examples/sample-1c.csv (a title and a period above the header, subtotals, blank rows, 12 345,67 руб.)', async () => {
    const { memory, duckdb } = await engines(['segment', 'examples/sample-1c.csv'], 'sample-1c');
    expect((memory.input.profile as { file: { encoding: string } }).file.encoding).toBe('windows-1251');
    expect(memory.currency).toBe('RUB');
    expect(withoutProfile(duckdb)).toEqual(withoutProfile(memory));
  }, 120_000);

  it('on Cyrillic names, ё, №, « », an em dash and no-break spaces in the numbers', async () => {
    const rows = ['Контрагент;Дата;Сумма;Менеджер;Номенклатура'];
    const names = ['ООО «Ёлка»', 'ИП Щёголев — опт', 'АО "Сибирь" № 2', 'ЗАО Юг', 'ООО Ромашка'];
    for (let k = 0; k < 50; k++) {
      rows.push([names[k % names.length], `${String(1 + (k % 28)).padStart(2, '0')}.0${1 + (k % 9)}.2026`, `1\u00a0${String(100 + k * 7)},50 руб.`, k % 2 ? 'Петрова Ё.' : 'Иванов', `Цемент № ${k % 4}`].join(';'));
      if (k % 17 === 0) rows.push('Итого;;10\u00a0000,00;;', ';;;;');
    }
    const file = join(dir, 'cp1251.csv');
    writeFileSync(file, encodeWindows1251(rows.join('\r\n') + '\r\n'));
    const { memory, duckdb } = await engines(['segment', file, '--model', 'none'], 'cp1251');
    expect((memory.input.profile as { file: { encoding: string } }).file.encoding).toBe('windows-1251');
    expect((memory.clients as { client: string }[]).map((c) => c.client).sort()).toEqual([...names].sort());
    expect(withoutProfile(duckdb)).toEqual(withoutProfile(memory));
  }, 120_000);
});

describe('--engine duckdb decides a column\'s decimal separator as the reader does', () => {
  const malformed = ['1,23,456', '1 23 456', '12,34,5', '1.2.3,4', '1,2.3,4', '(-5)', '$5 €', '--5', '5 руб. руб.', '1  234', '1.234,5 6', '(5', '5)', '1,234.5.6'];
  const amounts = ['1,5', '2,25', '12 345,67', '1,234', '1.234', '1.234.567', '-1,234', '(1.234)', '+1,234', '1 234 руб.', '5 ₽', '₽ 5', 'руб 5', '12 345,67 р.', "1'234,5", '1’234,5', ',5', '5,', '0,123', '1234,567', '123 456 789 012 345 678,5'];
  const profits = ['1.5', '1,234.50', '1,234', '1.234', '2.75', '1,234,567', '0.5', '-1.234', '$1,234'];
  const quantities = ['1,5', '1.5', '1,234', '1.234', '2'];

  it('amount a comma column, profit a point column, quantity both; malformed numbers rejected; the rejected rows prove nothing', async () => {
    const rows = ['Client;Date;Amount;Profit;Quantity'];
    const cells = [...amounts, ...malformed];
    for (let k = 0; k < cells.length * 3; k++) {
      const amount = cells[k % cells.length]!;
      const bad = malformed.includes(amount);
      // A rejected row's other numbers are never read: its `2,5` profit does not make profit a comma column.
      rows.push([`Client ${k % 6}`, `${String(1 + (k % 28)).padStart(2, '0')}.03.2026`, amount, bad ? '2,5' : profits[k % profits.length], bad ? '7,5' : quantities[k % quantities.length]].join(';'));
    }
    const file = join(dir, 'decimals.csv');
    writeFileSync(file, rows.join('\n') + '\n');
    const { memory, duckdb } = await engines(['segment', file, '--model', 'none'], 'decimals');
    const marks = (memory.input.profile as { decimals: { field: string; mark: string | null }[] }).decimals.map((d) => [d.field, d.mark]);
    expect(marks).toEqual([['amount', 'comma'], ['profit', 'dot'], ['quantity', 'mixed']]);
    const unreadable = (memory.input.rejected as { reason: string; value?: string }[]).filter((r) => r.reason === 'bad-amount').map((r) => r.value);
    expect(new Set(unreadable)).toEqual(new Set([...malformed, '123 456 789 012 345 678,5']));
    expect(withoutProfile(duckdb)).toEqual(withoutProfile(memory));
  }, 120_000);

  it('quantity × price: a price proves its column only on rows whose quantity was read', async () => {
    const rows = ['Client;Date;Quantity;Price'];
    for (let k = 0; k < 40; k++) {
      const quantity = ['2', '1,5', 'x', '3', '1.234'][k % 5]!;
      rows.push([`Client ${k % 4}`, `${String(1 + (k % 28)).padStart(2, '0')}.03.2026`, quantity, quantity === 'x' ? '1.5' : ['1,234', '10,5', '2.345'][k % 3]].join(';'));
    }
    const file = join(dir, 'decimals-price.csv');
    writeFileSync(file, rows.join('\n') + '\n');
    const { memory, duckdb } = await engines(['segment', file, '--model', 'none'], 'price');
    const marks = (memory.input.profile as { decimals: { field: string; mark: string | null }[] }).decimals.map((d) => [d.field, d.mark]);
    expect(marks).toEqual([['quantity', 'comma'], ['price', 'comma']]);
    expect(withoutProfile(duckdb)).toEqual(withoutProfile(memory));
  }, 120_000);

  it('in a workbook: number cells prove nothing and stay as they are, text cells follow their column', async () => {
    const rows: Cell[][] = [['Client', 'Date', 'Amount']];
    const cells: Cell[] = [1.234, '1,5', '1.234', 2.5, '1,234', 1234.5];
    for (let k = 0; k < 24; k++) rows.push([`Client ${k % 3}`, dateOfDay(dayFromYmd(2026, 3, 1 + (k % 28))), cells[k % cells.length]!]);
    const file = join(dir, 'decimals.xlsx');
    writeFileSync(file, workbookXlsxBytes([{ cells: { name: 'Sales', rows } }]));
    const { memory, duckdb } = await engines(['segment', file, '--model', 'none'], 'decimals-xlsx');
    expect((memory.input.profile as { decimals: { mark: string }[] }).decimals[0]!.mark).toBe('comma');
    expect(withoutProfile(duckdb)).toEqual(withoutProfile(memory));
  }, 120_000);
});

describe('--engine duckdb on a workbook gives the in-memory report', () => {
  it('on the example workbook (its companion sheets read as in memory)', async () => {
    const { memory, duckdb } = await engines(['segment', 'examples/sample-sales.xlsx'], 'sample');
    expect(memory.clients).toHaveLength(600);
    expect(withoutProfile(duckdb)).toEqual(withoutProfile(memory));
  }, 120_000);

  it('on typed cells: date cells, serial and YYYYMMDD numbers as dates, number codes as names, booleans, a title, missing rows, a cell beyond the header', async () => {
    const day = dayFromYmd(2026, 3, 5);
    const dates: Cell[] = [dateOfDay(day), 46086, 20260305, '05.03.2026', 46086.75, 20261340, 50, -3, true, dateOfDay(dayFromYmd(1899, 1, 1)), 'x'];
    const amounts: Cell[] = [1234.5, 0.1 + 0.2, '1 234,50', 12.345, -7, 1e21, 2.675, true, dateOfDay(day), '$5', 'много'];
    const rows: Cell[][] = [['Отчёт о продажах'], [], ['Client', 'Date', 'Amount', 'Profit', 'Manager']];
    let k = 0;
    for (const date of dates) for (const amount of amounts) rows.push([k % 4 === 0 ? 17850 + (k % 3) : `Client ${k % 5}`, date, amount, k % 2 ? 1.5 : '2,25', `M${k++ % 2}`]);
    rows.push([], [], ['Итого', null, 1000], [null, null, null, null, null, 'beyond'], ['Client 1', dateOfDay(day), 10]);
    const file = join(dir, 'typed.xlsx');
    writeFileSync(file, workbookXlsxBytes([{ cells: { name: 'Продажи', rows } }]));
    const { memory, duckdb } = await engines(['segment', file, '--model', 'none'], 'typed');
    const reasons = new Set((memory.input.rejected as { reason: string }[]).map((r) => r.reason));
    expect([...reasons].sort()).toEqual(['bad-amount', 'bad-date', 'blank', 'no-client', 'subtotal']);
    expect(withoutProfile(duckdb)).toEqual(withoutProfile(memory));
  }, 120_000);
});

describe('the warehouse round trip: winback sql, the result as CSV, --aggregates', () => {
  it('gives the report of the same table read by --engine duckdb, and of the file read in memory', async () => {
    const database = join(dir, 'shop.duckdb');
    const instance = await DuckDBInstance.create(database);
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE sales AS SELECT * FROM read_csv('${distributor}', all_varchar = true, header = true, delim = ';')`);
    const columns = (await connection.runAndReadAll('DESCRIBE sales')).getRowObjectsJS().map((row) => String(row.column_name));
    let sql = '';
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => ((sql += chunk), true)) as typeof process.stdout.write;
    try {
      expect(await main(['sql', '--dialect', 'duckdb', '--table', 'sales', '--columns', columns.join(',')])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    const result = join(dir, 'result.csv');
    await connection.run(`COPY (${sql}) TO '${result}' (HEADER, DELIMITER ',')`);
    connection.closeSync();
    instance.closeSync();

    const fromResult = await report(['segment', result, '--aggregates'], 'aggregates');
    const fromTable = await report(['segment', `${database}#sales`, '--engine', 'duckdb'], 'table');
    const inMemory = await report(['segment', distributor], 'distributor-memory-again');
    expect(withoutSource(fromResult)).toEqual(withoutSource(fromTable));
    expect(withoutSource(fromTable)).toEqual(withoutSource(inMemory));
    expect((fromResult.input.rejected as { sheet: string }[])[0]!.sheet).toBe('result.csv');
  }, 200_000);
});
