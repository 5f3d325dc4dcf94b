import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fileChunks } from '../../cli/read-file.js';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { csvSource } from '../../core/read/csv.js';
import { readSales } from '../../core/read/read-sales.js';
import { saleLines } from '../../core/read/sales-columns.js';
import type { ReadResult, SaleLine } from '../../core/read/types.js';

const FILE = '../shared/data/online_retail_uci/online_retail.csv';

/**
 * An independent reading of the file: split each line with a plain regex (the file has no line
 * breaks inside quotes), and compute each line's cents from the decimal texts with BigInt —
 * quantity × price exactly, then rounded half away from zero.
 */
function referenceLines() {
  const lines = readFileSync(FILE, 'utf8').split('\n').slice(1).filter((line) => line !== '');
  return lines.map((line, i) => {
    const fields = [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!).slice(0, 8);
    const [quantity, price, customer] = [fields[3]!, fields[5]!, fields[6]!];
    return { row: i + 2, customer, cents: exactCents(quantity, price) };
  });
}

function exactCents(quantity: string, price: string): bigint {
  const [whole, fraction = ''] = price.split('.');
  const scaled = BigInt(quantity) * BigInt(whole! + fraction);
  const divisor = 10n ** BigInt(fraction.length);
  const negative = scaled < 0n;
  const hundredfold = (negative ? -scaled : scaled) * 100n;
  let cents = hundredfold / divisor;
  if ((hundredfold % divisor) * 2n >= divisor) cents += 1n;
  return negative ? -cents : cents;
}

describe('reading the UCI Online Retail file (the columnar reader, straight from the bytes)', () => {
  let read: Omit<ReadResult<unknown>, 'records'> & { records: SaleLine[] };
  let reference: ReturnType<typeof referenceLines>;

  beforeAll(() => {
    const outcome = readSales(csvSource(fileChunks(FILE)));
    if (!outcome.ok) throw new Error(`no header: ${outcome.code}`);
    read = { ...outcome, records: saleLines(outcome.records) };
    reference = referenceLines();
  });

  it('finds the header in row 1 and 541,909 data rows', () => {
    expect(read.headerRow).toBe(0);
    expect(read.headers).toEqual(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']);
    expect(read.mapping).toEqual({ document: 0, product: 1, quantity: 3, date: 4, price: 5, client: 6, region: 7 });
    expect(read.dataRows).toBe(541_909);
    expect(reference.length).toBe(541_909);
  });

  it('rejects exactly the 135,080 rows without a CustomerID, with their file row numbers', () => {
    expect(read.rejected.length).toBe(135_080);
    expect(read.rejected.every((r) => r.reason === 'no-client')).toBe(true);
    const withoutCustomer = reference.filter((line) => line.customer === '').map((line) => line.row);
    expect(read.rejected.map((r) => r.row)).toEqual(withoutCustomer);
  });

  it('accepts the other 406,829 rows of 4,372 clients', () => {
    expect(read.records.length).toBe(406_829);
    expect(new Set(read.records.map((r) => r.client)).size).toBe(4_372);
    expect(read.records[0]).toEqual({
      row: 2,
      client: '17850',
      day: dayFromYmd(2010, 12, 1),
      amount: 1530,
      quantity: 6000,
      product: '85123A',
      document: '536365',
      region: 'United Kingdom',
    });
    const days = read.records.map((r) => r.day);
    expect(days.reduce((a, b) => Math.min(a, b))).toBe(dayFromYmd(2010, 12, 1));
    expect(days.reduce((a, b) => Math.max(a, b))).toBe(dayFromYmd(2011, 12, 9));
  });

  it('derives every amount as Quantity × UnitPrice rounded to the cent, as an exact reading gives', () => {
    const expected = reference.filter((line) => line.customer !== '');
    expect(read.records.map((r) => r.row)).toEqual(expected.map((line) => line.row));
    const mismatches = read.records.filter((r, i) => BigInt(r.amount) !== expected[i]!.cents);
    expect(mismatches).toEqual([]);
    const acceptedCents = read.records.reduce((sum, r) => sum + r.amount, 0);
    expect(acceptedCents).toBe(Number(expected.reduce((sum, line) => sum + line.cents, 0n)));
  });

  it('sums Quantity × UnitPrice over all rows to the published 9,747,747.93', () => {
    expect(reference.reduce((sum, line) => sum + line.cents, 0n)).toBe(974_774_793n);
  });
});
