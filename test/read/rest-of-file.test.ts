/**
 * A text file read in two halves (core/read/rest-of-file.ts): the rest read "elsewhere" here in
 * the same thread (test/helpers/rest-in-thread.ts, its messages structured-cloned as a worker's
 * are). Each case gives exactly the outcome of one pass, and says which way the seam went. The
 * property test over random files and seams is in reader-properties.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { csvSource } from '../../core/read/csv.js';
import { readSales } from '../../core/read/read-sales.js';
import { saleLines } from '../../core/read/sales-columns.js';
import { cp1251 } from '../helpers/cp1251.js';
import { chunks, lineStarts, restInThread } from '../helpers/rest-in-thread.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const join = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((part) => [...part]));

/** `count` sales rows from sheet row `first` on (client, date, amount). */
const rows = (count: number, first: number, client = (i: number) => `Client ${i % 7}`, amount = (i: number) => `${i},5`) =>
  Array.from({ length: count }, (_, k) => `${client(first + k)};05.03.2026;${amount(first + k)}\r\n`).join('');

/** One pass, then two halves with the rest from the line start of sheet row `seamRow`. */
function bothWays(bytes: Uint8Array, seamRow: number, options: { answer?: boolean } = {}) {
  const whole = readSales(csvSource(chunks(bytes, 64)));
  const { rest, calls } = restInThread(bytes, lineStarts(bytes)[seamRow - 2]!, options);
  const halves = readSales(csvSource(chunks(bytes, 64), rest));
  return { whole, halves, calls };
}

describe('a file read in two halves', () => {
  it('takes the rest at a line start: rows numbered on, clients numbered once, the same outcome', () => {
    const bytes = utf8('Клиент;Дата;Сумма\r\n' + rows(60, 2));
    const { whole, halves, calls } = bothWays(bytes, 40);
    expect(calls).toEqual({ begun: 1, taken: 1, dropped: 0 });
    expect(halves).toEqual(whole);
    if (!halves.ok) throw new Error('unread');
    expect(halves.records.client.texts).toHaveLength(7);
    const lines = saleLines(halves.records);
    expect(lines[38]).toMatchObject({ row: 40, client: 'Client 5', amount: 4050 });
    expect(lines.at(-1)).toMatchObject({ row: 61, client: 'Client 5', amount: 6150 });
  });

  it('reads on past a seam inside a quoted field that holds a line break, and drops the rest', () => {
    const top = 'Клиент;Дата;Сумма\r\n' + rows(38, 2) + '"ООО\r\n""Север""";05.03.2026;7\r\n';
    const bytes = utf8(top + rows(20, 41));
    // The seam is the line start inside the quoted name (row 40's second line).
    const { rest, calls } = restInThread(bytes, utf8(top).length - utf8('"Север""";05.03.2026;7\r\n').length);
    const halves = readSales(csvSource(chunks(bytes, 64), rest));
    expect(calls).toEqual({ begun: 1, taken: 0, dropped: 1 });
    expect(halves).toEqual(readSales(csvSource(bytes)));
    expect(halves.ok && saleLines(halves.records).find((line) => line.row === 40)?.client).toBe('ООО\r\n"Север"');
  });

  it('joins a run of blank rows across the seam into one entry', () => {
    const bytes = utf8('Client;Date;Amount\r\n' + rows(36, 2) + ';;\r\n'.repeat(6) + rows(10, 44));
    const { whole, halves, calls } = bothWays(bytes, 41);
    expect(calls.taken).toBe(1);
    expect(halves).toEqual(whole);
    expect(halves.ok && halves.rejected).toEqual([{ row: 38, toRow: 43, reason: 'blank' }]);
  });

  it('decides a column\'s decimal comma from both halves: 1,234 in the rest is 1.234', () => {
    const bytes = utf8('Client;Date;Amount\r\n' + rows(40, 2) + rows(5, 42, undefined, () => '1,234'));
    const { whole, halves, calls } = bothWays(bytes, 42);
    expect(calls.taken).toBe(1);
    expect(halves).toEqual(whole);
    expect(halves.ok && saleLines(halves.records).at(-1)!.amount).toBe(123);
    expect(halves.ok && halves.profile.decimals).toEqual([{ field: 'amount', mark: 'comma', ambiguous: 5 }]);
  });

  it('refuses a rest read in another encoding than the top (the rows read here instead)', () => {
    // UTF-8 on top; Windows-1251 bytes below: one pass reads them as stray bytes, so must the halves.
    const bytes = join(utf8('Клиент;Дата;Сумма\r\n' + rows(40, 2, (i) => `Клиент ${i % 7}`)), cp1251(rows(10, 42, (i) => `Север ${i}`)));
    const { whole, halves, calls } = bothWays(bytes, 45);
    expect(calls.taken).toBe(1);
    expect(halves).toEqual(whole);
    expect(halves.ok && halves.profile.file).toMatchObject({ encoding: 'utf-8', encodingSure: false });
    expect(halves.ok && halves.rejected.filter((row) => row.reason === 'bad-bytes')).toHaveLength(10);
  });

  it('takes the encoding from the rest when the top is plain ASCII', () => {
    const bytes = join(utf8('Client;Date;Amount\r\n' + rows(40, 2)), cp1251(rows(10, 42, (i) => `Север ${i}`)));
    const { whole, halves, calls } = bothWays(bytes, 42);
    expect(calls.taken).toBe(1);
    expect(halves).toEqual(whole);
    expect(halves.ok && halves.profile.file).toMatchObject({ encoding: 'windows-1251', encodingSure: true });
    expect(halves.ok && saleLines(halves.records).at(-1)!.client).toBe('Север 51');
  });

  it('lets the file go once the rest is taken, and only then', () => {
    const bytes = utf8('Клиент;Дата;Сумма\r\n' + rows(60, 2));
    const closed = (seamRow: number) => {
      let count = 0;
      const given = Object.assign(chunks(bytes, 64), { close: () => count++ });
      readSales(csvSource(given, restInThread(bytes, lineStarts(bytes)[seamRow - 2]!).rest));
      return count;
    };
    expect(closed(40)).toBe(1);
    expect(closed(12)).toBe(0);
  });

  it('reads the rest itself when the other thread gives nothing', () => {
    const bytes = utf8('Клиент;Дата;Сумма\r\n' + rows(60, 2));
    const { whole, halves, calls } = bothWays(bytes, 40, { answer: false });
    expect(calls).toEqual({ begun: 1, taken: 1, dropped: 0 });
    expect(halves).toEqual(whole);
    expect(halves.ok && halves.records.length).toBe(60);
  });

  it('never begins a rest that starts within the rows the header is searched in', () => {
    const bytes = utf8('Клиент;Дата;Сумма\r\n' + rows(60, 2));
    const { whole, halves, calls } = bothWays(bytes, 12);
    expect(calls).toEqual({ begun: 0, taken: 0, dropped: 0 });
    expect(halves).toEqual(whole);
  });
});
