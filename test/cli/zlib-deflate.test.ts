import { unzipSync } from 'fflate';
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zlibCompression, zlibDeflate } from '../../cli/zlib-deflate.js';
import { buildReport } from '../../core/report/index.js';
import { reportXlsxBytes, workbookXlsxBytes, type WorkbookSheet } from '../../xlsx/write-xlsx.js';
import { fullAnalysis } from '../report/fixture.js';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('zlibCompression — the command line compression of the report workbook', () => {
  it('gives the worked example: the chunks "ab" and "c" inflate together to "abc"', () => {
    const deflate = zlibDeflate();
    const pieces = [deflate(new TextEncoder().encode('ab'), false), deflate(new TextEncoder().encode('c'), true)];
    expect(text(inflateRawSync(Buffer.concat(pieces)))).toBe('abc');
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(zlibCompression.crc32(bytes('c'), zlibCompression.crc32(bytes('ab'), 0))).toBe(0x352441c2);
  });

  it('writes the CRC-32 of each part into the zip directory, as unzip checks it, a part of several chunks too', () => {
    const rows = Array.from({ length: 40_000 }, (_, r) => [`Клиент ${r}`, r, 'Москва']);
    const sheets: WorkbookSheet[] = [...buildReport(fullAnalysis(), 'ru').map((report) => ({ report })), { cells: { name: 'Sales', rows } }];
    const book = workbookXlsxBytes(sheets, { compression: zlibCompression });
    const parts = unzipSync(book);
    const listed = centralDirectory(book);
    expect([...listed.keys()].sort()).toEqual(Object.keys(parts).sort());
    expect(Math.max(...Object.values(parts).map((p) => p.length))).toBeGreaterThan(2 * (1 << 20));
    for (const [name, crc] of listed) expect(crc, name).toBe(crc32(parts[name]!));
  });

  it('writes the same parts as the default deflater, a report and a sheet of several megabytes of XML', () => {
    const rows = Array.from({ length: 40_000 }, (_, r) => [`Client ${r % 997}`, r, `Product & <${r % 31}>`, 'Москва']);
    const books: WorkbookSheet[][] = [buildReport(fullAnalysis(), 'ru').map((report) => ({ report })), [{ cells: { name: 'Sales', rows } }]];
    for (const book of books) {
      const ours = unzipSync(workbookXlsxBytes(book, { compression: zlibCompression }));
      const theirs = unzipSync(workbookXlsxBytes(book));
      expect(Object.keys(ours)).toEqual(Object.keys(theirs));
      for (const name of Object.keys(theirs)) expect(text(ours[name]!), name).toBe(text(theirs[name]!));
    }
    const sheet = unzipSync(workbookXlsxBytes(books[1]!, { compression: zlibCompression }))['xl/worksheets/sheet1.xml']!;
    expect(sheet.length).toBeGreaterThan(2 * (1 << 20));
    expect(text(sheet)).toContain('Product &amp; &lt;30&gt;');
  });

  it('stops the workbook when the deflater fails', () => {
    const failing = () => () => {
      throw new Error('disk full');
    };
    expect(() => reportXlsxBytes(buildReport(fullAnalysis(), 'en'), { compression: { ...zlibCompression, deflate: failing } })).toThrow('disk full');
  });
});

/** Each part's name and CRC-32 as the zip's central directory lists them (APPNOTE 4.3.12). */
function centralDirectory(zip: Uint8Array): Map<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const listed = new Map<string, number>();
  let at = view.getUint32(end + 16, true);
  for (let i = view.getUint16(end + 10, true); i > 0; i--) {
    const nameLength = view.getUint16(at + 28, true);
    listed.set(text(zip.subarray(at + 46, at + 46 + nameLength)), view.getUint32(at + 16, true));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return listed;
}
