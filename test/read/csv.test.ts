import { describe, expect, it } from 'vitest';
import { decodeText, detectDelimiter, parseCsv } from '../../core/read/csv.js';
import { readSales } from '../../core/read/read-sales.js';
import { dayFromYmd } from '../../core/basics/calendar.js';

/** Windows-1251 bytes of a text made of ASCII, А–я, Ё, ё, № and NBSP. */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    const special: Record<string, number> = { Ё: 0xa8, ё: 0xb8, '№': 0xb9, '\u00a0': 0xa0 };
    if (ch in special) return special[ch]!;
    throw new Error(`no 1251 byte for ${ch}`);
  });
}

describe('decodeText', () => {
  it('reads Windows-1251 bytes of a 1C export', () => {
    const text = 'Контрагент;Дата;Сумма\r\nООО "Ёлка";05.03.2026;1\u00a0234,50\r\nИП Щукин № 1;06.03.2026;ёж\r\n';
    const decoded = decodeText(cp1251(text));
    expect(decoded).toEqual({ text, encoding: 'windows-1251' });
  });

  it('reads UTF-8 with and without a byte-order mark, and drops the mark', () => {
    const bytes = new TextEncoder().encode('Клиент,Дата\n');
    expect(decodeText(bytes)).toEqual({ text: 'Клиент,Дата\n', encoding: 'utf-8' });
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ text: 'Клиент,Дата\n', encoding: 'utf-8' });
  });

  it('reads UTF-16 LE with its mark (Excel "Unicode text")', () => {
    const text = 'Клиент\tДата\r\n';
    const bytes = [0xff, 0xfe];
    for (const ch of text) bytes.push(ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8);
    expect(decodeText(Uint8Array.from(bytes))).toEqual({ text, encoding: 'utf-16le' });
  });

  it('gives an empty text for no bytes', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('parseCsv', () => {
  it('splits a 1251 semicolon file into the cells a 1C user sees, and readSales reads it', () => {
    const grid = parseCsv(decodeText(cp1251('Отчет о продажах\r\n\r\nКонтрагент;Дата;Сумма\r\nООО "Ёлка";05.03.2026;1\u00a0234,50\r\nИтого;;1\u00a0234,50\r\n')).text);
    expect(grid).toEqual([
      ['Отчет о продажах'],
      [''],
      ['Контрагент', 'Дата', 'Сумма'],
      ['ООО "Ёлка"', '05.03.2026', '1\u00a0234,50'],
      ['Итого', '', '1\u00a0234,50'],
    ]);
    const read = readSales(grid);
    expect(read.ok && read.records).toEqual([{ row: 4, client: 'ООО "Ёлка"', day: dayFromYmd(2026, 3, 5), amount: 123450 }]);
    expect(read.ok && read.rejected).toEqual([{ row: 5, reason: 'subtotal' }]);
  });

  it('keeps delimiters, line breaks and doubled quotes inside quotes', () => {
    const text = 'a,b,c\n"x, y","line1\nline2","say ""hi"""\n"",plain,"tail"end\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'line1\nline2', 'say "hi"'],
      ['', 'plain', 'tailend'],
    ]);
  });

  it('handles CRLF, CR and LF, a missing final line break and an empty last field', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a,b\r1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a,b\n1,')).toEqual([['a', 'b'], ['1', '']]);
    expect(parseCsv('a,b\n\n1,2\n')).toEqual([['a', 'b'], [''], ['1', '2']]);
    expect(parseCsv('"open\n')).toEqual([['open\n']]);
  });

  it('returns no rows for an empty text or a lone mark', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\ufeff')).toEqual([]);
    expect(parseCsv('\ufeffa,b')).toEqual([['a', 'b']]);
  });

  it('reads tab-separated files', () => {
    expect(parseCsv('Client\tDate\tAmount\nAcme, Inc\t2026-03-05\t1,234.50\n')).toEqual([
      ['Client', 'Date', 'Amount'],
      ['Acme, Inc', '2026-03-05', '1,234.50'],
    ]);
  });
});

describe('detectDelimiter', () => {
  it('picks the delimiter found the same number of times in most records', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('Клиент;Дата;Сумма\nООО "А, Б";05.03.2026;1,5\nИП В;06.03.2026;2,5\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('"x;y;z",b\n"1;2;3",2\n')).toBe(',');
  });

  it('is not misled by 1C title lines', () => {
    expect(detectDelimiter('Отчет о продажах, март\nПериод: 01.03.2026 - 31.03.2026\n\nКлиент;Дата;Сумма\nА;1;2\nБ;3;4\n')).toBe(';');
  });

  it('falls back to a comma for a single column', () => {
    expect(detectDelimiter('one\ntwo\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });
});
