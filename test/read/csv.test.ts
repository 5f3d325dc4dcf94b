import { describe, expect, it } from 'vitest';
import { csvRows, csvSource } from '../../core/read/csv.js';
import { detectDelimiter } from '../../core/read/csv-delimiter.js';
import { readSales } from '../../core/read/read-sales.js';
import { saleLines } from '../../core/read/sales-columns.js';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { cp1251 } from '../helpers/cp1251.js';
import { chunks as chunked } from '../helpers/rest-in-thread.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

function utf16(text: string, order: 'le' | 'be', mark: boolean): Uint8Array {
  const bytes = mark ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (order === 'le') bytes.push(code & 0xff, code >> 8);
    else bytes.push(code >> 8, code & 0xff);
  }
  return Uint8Array.from(bytes);
}

/** The cells of every row, and the file profile. */
function read(bytes: Uint8Array) {
  const source = csvSource(bytes);
  const rows: string[][] = [];
  for (let row = source.next(); row; row = source.next()) rows.push(Array.from({ length: row.width }, (_, c) => row.cell(c) as string));
  return { rows, profile: source.fileProfile() };
}

describe('csvSource: encodings', () => {
  const text = 'Контрагент;Дата;Сумма\r\nООО "Ёлка";05.03.2026;1\u00a0234,50\r\nИП Щукин № 1;06.03.2026;ёж\r\n';
  const cells = [
    ['Контрагент', 'Дата', 'Сумма'],
    ['ООО "Ёлка"', '05.03.2026', '1\u00a0234,50'],
    ['ИП Щукин № 1', '06.03.2026', 'ёж'],
  ];

  it('reads Windows-1251 bytes of a 1C export, and is sure of it', () => {
    expect(read(cp1251(text))).toEqual({
      rows: cells,
      profile: { encoding: 'windows-1251', encodingSure: true, strayBytes: 0, delimiter: ';', delimiterSure: true },
    });
  });

  it('reads UTF-8 with and without a byte-order mark, and drops the mark', () => {
    expect(read(utf8(text)).rows).toEqual(cells);
    expect(read(utf8(text)).profile.encoding).toBe('utf-8');
    expect(read(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)])).rows).toEqual(cells);
  });

  it('reads UTF-16 LE and BE, with or without the mark (Excel "Unicode text")', () => {
    for (const order of ['le', 'be'] as const) {
      for (const mark of [true, false]) {
        const got = read(utf16('Клиент\tДата\r\nЁж\t2026-03-05\r\n', order, mark));
        expect(got.rows).toEqual([
          ['Клиент', 'Дата'],
          ['Ёж', '2026-03-05'],
        ]);
        expect(got.profile.encoding).toBe(`utf-16${order}`);
        expect(got.profile.delimiter).toBe('\t');
      }
    }
  });

  it('reads unmarked UTF-16 whose zeros are only at the delimiters (a Russian header alone)', () => {
    // Found by the reader property test (seed 26492579): 'Контрагент,Дата,Сумма,Вид операции' as
    // UTF-16 LE without a mark has zero bytes at 4 of its 35 units only, and was read as 1251 bytes.
    for (const order of ['le', 'be'] as const) {
      const got = read(utf16('Контрагент,Дата,Сумма,Вид операции', order, false));
      expect(got.rows).toEqual([['Контрагент', 'Дата', 'Сумма', 'Вид операции']]);
      expect(got.profile.encoding).toBe(`utf-16${order}`);
    }
    expect(read(cp1251('Контрагент,Дата,Сумма\n')).profile.encoding).toBe('windows-1251');
    expect(read(utf8('Контрагент,Дата,Сумма\n')).profile.encoding).toBe('utf-8');
  });

  it('reads unmarked UTF-16 that also writes №, typographic quotes or invisible characters', () => {
    // Found by the reader property test (seed 405026643): a row of U+200B U+200E (high byte 20)
    // beside the Russian header was read as 1251 bytes; 1C headers write № (U+2116, high byte 21).
    const texts = ['Контрагент,Дата,Сумма,Вид операции\r\n\u200b\u200e,,0,\r\n', '№ документа;Контрагент;Сумма\r\nРТ-1;«Ёлка» — “склад”;1\r\n'];
    for (const text of texts) {
      for (const order of ['le', 'be'] as const) {
        const got = read(utf16(text, order, false));
        expect(got.profile.encoding).toBe(`utf-16${order}`);
        expect(got.rows).toEqual(text.trimEnd().split('\r\n').map((line) => line.split(text.includes(';') ? ';' : ',')));
      }
    }
    expect(read(cp1251('№ документа;Контрагент\n')).profile.encoding).toBe('windows-1251');
  });

  it('keeps reading UTF-8 past one Windows-1251 byte, reports that row and says it is not sure', () => {
    // Issue 17, item 8: one stray byte used to turn the whole file into windows-1251 mojibake.
    const bytes = Uint8Array.from([...utf8('Клиент;Дата;Сумма\nООО Ромашка;05.03.2026;1\nООО '), 0xc0, ...utf8('льфа;05.03.2026;2\nИП Ёлкин;05.03.2026;3\n')]);
    const source = csvSource(bytes);
    const read = readSales(source);
    if (!read.ok) throw new Error(read.code);
    expect(saleLines(read.records).map((r) => r.client)).toEqual(['ООО Ромашка', 'ИП Ёлкин']);
    expect(read.rejected).toEqual([{ row: 3, reason: 'bad-bytes', value: 'ООО \ufffdльфа' }]);
    expect(read.profile.file).toEqual({ encoding: 'utf-8', encodingSure: false, strayBytes: 1, delimiter: ';', delimiterSure: true });
  });

  it('reads a large ASCII file in chunks without deciding an encoding it does not need', () => {
    const line = 'Acme Ltd,2026-03-05,1234.50\n';
    const bytes = utf8('Client,Date,Amount\n' + line.repeat(20_000));
    const source = csvSource(chunked(bytes, 4096));
    let rows = 0;
    while (source.next()) rows++;
    expect(rows).toBe(20_001);
    expect(source.fileProfile()).toMatchObject({ encoding: 'utf-8', encodingSure: true, strayBytes: 0 });
  });

  it('gives an empty table for no bytes', () => {
    expect(read(new Uint8Array()).rows).toEqual([]);
    expect(read(Uint8Array.from([0xef, 0xbb, 0xbf])).rows).toEqual([]);
  });
});

describe('csvSource: records', () => {
  it('splits a 1251 semicolon file into the cells a 1C user sees, and readSales reads it', () => {
    const bytes = cp1251('Отчет о продажах\r\n\r\nКонтрагент;Дата;Сумма\r\nООО "Ёлка";05.03.2026;1\u00a0234,50\r\nИтого;;1\u00a0234,50\r\n');
    expect(read(bytes).rows).toEqual([
      ['Отчет о продажах'],
      [''],
      ['Контрагент', 'Дата', 'Сумма'],
      ['ООО "Ёлка"', '05.03.2026', '1\u00a0234,50'],
      ['Итого', '', '1\u00a0234,50'],
    ]);
    const outcome = readSales(csvSource(bytes));
    expect(outcome.ok && saleLines(outcome.records)).toEqual([{ row: 4, client: 'ООО "Ёлка"', day: dayFromYmd(2026, 3, 5), amount: 123450 }]);
    expect(outcome.ok && outcome.rejected).toEqual([{ row: 5, reason: 'subtotal' }]);
  });

  it('keeps delimiters, line breaks and doubled quotes inside quotes, and text after a closing quote', () => {
    const bytes = utf8('a,b,c\n"x, y","line1\nline2","say ""hi"""\n"",plain,"tail"end\n');
    expect(read(bytes).rows).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'line1\nline2', 'say "hi"'],
      ['', 'plain', 'tailend'],
    ]);
  });

  it('handles CRLF, CR and LF, a missing final line break and an empty last field', () => {
    expect(read(utf8('a,b\r\n1,2\r\n')).rows).toEqual([['a', 'b'], ['1', '2']]);
    expect(read(utf8('a,b\r1,2')).rows).toEqual([['a', 'b'], ['1', '2']]);
    expect(read(utf8('a,b\n1,')).rows).toEqual([['a', 'b'], ['1', '']]);
    expect(read(utf8('a,b\n\n1,2\n')).rows).toEqual([['a', 'b'], [''], ['1', '2']]);
  });

  it('reads the same rows whatever the chunk boundaries, even inside a Cyrillic letter or a CRLF', () => {
    const bytes = utf8('Клиент;Дата;Сумма\r\n"ООО ""Ёлка"", склад\r\n2";05.03.2026;"1 234,50"\r\nИП Щукин;06.03.2026;7\r\n');
    const whole = read(bytes).rows;
    for (let size = 1; size <= 17; size++) {
      const source = csvSource(chunked(bytes, size));
      const rows: string[][] = [];
      for (let row = source.next(); row; row = source.next()) rows.push(Array.from({ length: row.width }, (_, c) => row.cell(c) as string));
      expect(rows, `chunks of ${size}`).toEqual(whole);
    }
  });

  it('keeps long and repeated names apart when the bytes sit inside a larger buffer (a Node Buffer from the pool)', () => {
    // Names compared four bytes at a time: offsets into the caller's buffer must count from its start.
    const names = ['ООО «Северный Профиль-2829», Пермь', 'ООО «Северный Профиль-2828», Пермь', 'АО Техснаб', 'АО Техснаб ', 'АО Техснаб'];
    const text = `Клиент;Дата;Сумма\n${names.map((name, i) => `${name};0${i + 1}.03.2026;${i + 1}`).join('\n')}\n`;
    const inside = new Uint8Array(3 + utf8(text).length + 5);
    inside.set(utf8(text), 3);
    for (const bytes of [inside.subarray(3, 3 + utf8(text).length), utf8(text)]) {
      const source = csvSource(bytes);
      const keys: number[] = [];
      for (let row = source.next(); row; row = source.next()) keys.push(row.textKey!(0));
      expect(keys).toEqual([0, 1, 2, 3, 4, 3]);
      const read = readSales(csvSource(bytes));
      if (!read.ok) throw new Error(read.code);
      expect(read.records.client.texts).toEqual([names[0], names[1], 'АО Техснаб']);
      expect([...read.records.client.ids]).toEqual([0, 1, 2, 2, 2]);
    }
  });

  it('reads a field that repeats the one above as that field again, whatever the row above left unread', () => {
    // A field with the bytes of the field above is taken over, not scanned: its text key and day
    // are the row above's only where that row looked them up. Row 33 has no client, so its date
    // and product are never read; row 34 repeats them and must not get row 32's. (Below the rows
    // the header is searched in, which are read as cells.)
    const filler = 'Pad,2026-01-01,Pad,1\n'.repeat(30);
    const bytes = utf8(`Client,Date,Product,Amount\n${filler}Acme,2026-03-01,"Nails, box",1\n,2026-03-02,Glue,2\nBeta,2026-03-02,Glue,3\n"Beta",2026-03-02,"Glue",4\n`);
    const outcome = readSales(csvSource(bytes));
    if (!outcome.ok) throw new Error(outcome.code);
    expect(saleLines(outcome.records).slice(30)).toEqual([
      { row: 32, client: 'Acme', day: dayFromYmd(2026, 3, 1), amount: 100, product: 'Nails, box' },
      { row: 34, client: 'Beta', day: dayFromYmd(2026, 3, 2), amount: 300, product: 'Glue' },
      { row: 35, client: 'Beta', day: dayFromYmd(2026, 3, 2), amount: 400, product: 'Glue' },
    ]);
    expect(outcome.rejected).toEqual([{ row: 33, reason: 'no-client' }]);
  });

  it('reads a date with the options asked for, in a row that takes the date over too', () => {
    const source = csvSource(utf8('Date\n5/3/2026\n5/3/2026\n'));
    source.next();
    for (let row = source.next(); row; row = source.next()) {
      expect(row.day(0, { slashDates: 'dmy' })).toBe(dayFromYmd(2026, 3, 5));
      expect(row.day(0, { slashDates: 'mdy' })).toBe(dayFromYmd(2026, 5, 3));
    }
  });

  it('reads repeated rows past the first megabyte in any chunks, where a refill moves the buffer under a record', () => {
    // Below 1 MB the whole file is in the buffer before the first record; past it, a record that
    // straddles a chunk starts again after the refill, and must then scan every field.
    const rows = ['"ООО ""Ёлка"", склад";05.03.2026;РТ-1;1 234,50', '"ООО ""Ёлка"", склад";05.03.2026;РТ-1;7', 'ИП Щукин;06.03.2026;РТ-2;7'];
    const text = `Клиент;Дата;Документ;Сумма\r\n${Array.from({ length: 60_000 }, (_, i) => rows[i % 3]).join('\r\n')}\r\n`;
    const bytes = utf8(text);
    expect(bytes.length).toBeGreaterThan(2 << 20);
    const whole = read(bytes).rows;
    expect(whole[1]).toEqual(['ООО "Ёлка", склад', '05.03.2026', 'РТ-1', '1 234,50']);
    for (const size of [4093, 65_537]) {
      const source = csvSource(chunked(bytes, size));
      const cells: string[][] = [];
      const keys: number[] = [];
      for (let row = source.next(); row; row = source.next()) {
        cells.push(Array.from({ length: row.width }, (_, c) => row.cell(c) as string));
        keys.push(row.textKey!(0), row.textKey!(2));
      }
      expect(cells, `chunks of ${size}`).toEqual(whole);
      expect(keys.slice(2, 8)).toEqual([1, 1, 1, 1, 2, 2]);
      expect(new Set(keys.slice(2)).size).toBe(2);
    }
  });

  it('finds the stray byte again in a row that repeats a row with one', () => {
    const broken = [...utf8('ООО '), 0xc0, ...utf8('льфа;05.03.2026;2\n')];
    const filler = utf8('ООО Ромашка;05.03.2026;1\n'.repeat(31));
    const bytes = Uint8Array.from([...utf8('Клиент;Дата;Сумма\n'), ...filler, ...broken, ...broken, ...utf8('ИП Ёлкин;05.03.2026;3\n')]);
    const outcome = readSales(csvSource(bytes));
    if (!outcome.ok) throw new Error(outcome.code);
    expect(outcome.rejected).toEqual([
      { row: 33, reason: 'bad-bytes', value: 'ООО \ufffdльфа' },
      { row: 34, reason: 'bad-bytes', value: 'ООО \ufffdльфа' },
    ]);
    expect(outcome.profile.file?.strayBytes).toBe(2);
  });

  it('reports an unclosed quote on its own row and reads on from the next line', () => {
    // Issue 17, item 3: the quote used to swallow the rest of the file (5 lines → "3 rows").
    const bytes = utf8('Client,Date,Amount\nAcme,2026-03-01,10\n"Beta Ltd,2026-03-02,20\nGamma,2026-03-03,30\nDelta,2026-03-04,40\nEpsilon,2026-03-05,50\n');
    const outcome = readSales(csvSource(bytes));
    if (!outcome.ok) throw new Error(outcome.code);
    expect(saleLines(outcome.records).map((r) => r.client)).toEqual(['Acme', 'Gamma', 'Delta', 'Epsilon']);
    expect(outcome.rejected).toEqual([{ row: 3, reason: 'unclosed-quote', value: 'Beta Ltd,2026-03-02,20' }]);
    expect(outcome.dataRows).toBe(5);
  });

  it('calls a quote unclosed when its closing quote is followed by text after a line break, or it outgrows a cell', () => {
    const stray = utf8('Client,Amount\n"Acme,1\nBeta,2\nGamma "x",3\nDelta,4\n');
    expect(csvRows(stray).cells).toEqual([['Client', 'Amount'], ['Acme,1'], ['Beta', '2'], ['Gamma "x"', '3'], ['Delta', '4']]);
    expect([...csvRows(stray).problems]).toEqual([[1, { problem: 'unclosed-quote', value: 'Acme,1' }]]);
    const long = utf8(`Client,Amount\n"Acme\n${'x'.repeat(40_000)}",1\nBeta,2\n`);
    expect(csvRows(long).problems.get(1)).toEqual({ problem: 'unclosed-quote', value: 'Acme' });
  });
});

describe('detectDelimiter', () => {
  const bytes = (text: string) => utf8(text);
  it('picks the delimiter that splits the most records evenly', () => {
    expect(detectDelimiter(bytes('a,b,c\n1,2,3\n'))).toEqual({ delimiter: ',', sure: true });
    expect(detectDelimiter(bytes('Клиент;Дата;Сумма\nООО "А, Б";05.03.2026;1,5\nИП В;06.03.2026;2,5\n')).delimiter).toBe(';');
    expect(detectDelimiter(bytes('a\tb\n1\t2\n')).delimiter).toBe('\t');
    expect(detectDelimiter(bytes('"x;y;z",b\n"1;2;3",2\n')).delimiter).toBe(',');
  });

  it('reads a small TSV with 1,234.50 amounts on tabs, not commas', () => {
    // Issue 17, item 8: on a tie the comma used to win.
    expect(detectDelimiter(bytes('Client\tAmount\tProfit\nAcme\t1,234.50\t2,000.00\n'))).toEqual({ delimiter: '\t', sure: true });
    expect(detectDelimiter(bytes('x\t1,5\ny\t2,5\n'))).toEqual({ delimiter: '\t', sure: false });
  });

  it('is not misled by 1C title lines or by a stray quote inside a field', () => {
    expect(detectDelimiter(bytes('Отчет о продажах, март\nПериод: 01.03.2026 - 31.03.2026\n\nКлиент;Дата;Сумма\nА;1;2\nБ;3;4\n')).delimiter).toBe(';');
    expect(detectDelimiter(bytes('Product\tSize\nPipe 12" long\t3\nPipe 10" long\t4\n')).delimiter).toBe('\t');
  });

  it('falls back to a comma for a single column', () => {
    expect(detectDelimiter(bytes('one\ntwo\n'))).toEqual({ delimiter: ',', sure: true });
    expect(detectDelimiter(bytes(''))).toEqual({ delimiter: ',', sure: true });
  });
});
