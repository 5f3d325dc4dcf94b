import { unzipSync } from 'fflate';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zlibDeflate } from '../../cli/zlib-deflate.js';
import { buildReport } from '../../core/report/index.js';
import { reportXlsxBytes, workbookXlsxBytes, type WorkbookSheet } from '../../xlsx/write-xlsx.js';
import { fullAnalysis } from '../report/fixture.js';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('zlibDeflate — the command line deflater of the report workbook', () => {
  it('gives the worked example: the chunks "ab" and "c" inflate together to "abc"', () => {
    const deflate = zlibDeflate();
    const pieces = [deflate(new TextEncoder().encode('ab'), false), deflate(new TextEncoder().encode('c'), true)];
    expect(text(inflateRawSync(Buffer.concat(pieces)))).toBe('abc');
  });

  it('writes the same parts as the default deflater, a report and a sheet of several megabytes of XML', () => {
    const rows = Array.from({ length: 40_000 }, (_, r) => [`Client ${r % 997}`, r, `Product & <${r % 31}>`, 'Москва']);
    const books: WorkbookSheet[][] = [buildReport(fullAnalysis(), 'ru').map((report) => ({ report })), [{ cells: { name: 'Sales', rows } }]];
    for (const book of books) {
      const ours = unzipSync(workbookXlsxBytes(book, { deflate: zlibDeflate }));
      const theirs = unzipSync(workbookXlsxBytes(book));
      expect(Object.keys(ours)).toEqual(Object.keys(theirs));
      for (const name of Object.keys(theirs)) expect(text(ours[name]!), name).toBe(text(theirs[name]!));
    }
    const sheet = unzipSync(workbookXlsxBytes(books[1]!, { deflate: zlibDeflate }))['xl/worksheets/sheet1.xml']!;
    expect(sheet.length).toBeGreaterThan(2 * (1 << 20));
    expect(text(sheet)).toContain('Product &amp; &lt;30&gt;');
  });

  it('stops the workbook when the deflater fails', () => {
    const failing = () => () => {
      throw new Error('disk full');
    };
    expect(() => reportXlsxBytes(buildReport(fullAnalysis(), 'en'), { deflate: failing })).toThrow('disk full');
  });
});
