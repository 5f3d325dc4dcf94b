import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeWindows1251, writeCsv1251 } from '../../examples/cp1251.js';

const decode = (bytes: Uint8Array) => new TextDecoder('windows-1251').decode(bytes);

describe('encodeWindows1251', () => {
  it('gives the documented bytes', () => {
    expect([...encodeWindows1251('Цена № 1 — «ok»')]).toEqual([
      0xd6, 0xe5, 0xed, 0xe0, 0x20, 0xb9, 0x20, 0x31, 0x20, 0x97, 0x20, 0xab, 0x6f, 0x6b, 0xbb,
    ]);
  });

  it('round-trips every character it knows through TextDecoder("windows-1251")', () => {
    let text = '';
    for (let c = 0x20; c < 0x7f; c++) text += String.fromCharCode(c);
    for (let c = 0x0410; c <= 0x044f; c++) text += String.fromCharCode(c);
    text += 'Ёё\u00a0№«»—\t\r\n';
    const bytes = encodeWindows1251(text);
    expect(bytes.length).toBe(text.length);
    expect(decode(bytes)).toBe(text);
  });

  it('writes one ? for each character it does not know', () => {
    expect(decode(encodeWindows1251('x²×😀é'))).toBe('x????');
  });
});

describe('writeCsv1251', () => {
  it('writes ;-separated rows with CRLF, quoting cells with ; quotes or line breaks', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'winback-cp1251-')), 'out.csv');
    await writeCsv1251([
      ['Контрагент', 'Сумма'],
      ['=HYPERLINK("http://x","y")', '1\u00a0234,50 руб.'],
      ['ООО «А;Б»', 'две\nстроки'],
      ['', ''],
    ], path);
    expect(decode(await readFile(path))).toBe(
      'Контрагент;Сумма\r\n"=HYPERLINK(""http://x"",""y"")";1\u00a0234,50 руб.\r\n"ООО «А;Б»";"две\nстроки"\r\n;\r\n',
    );
  });
});
