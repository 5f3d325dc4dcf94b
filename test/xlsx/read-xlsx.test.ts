/**
 * The streaming xlsx reader's text keys: a shared string's index stands for its text, and so do
 * the bytes of a text written in the sheet (inline, or a formula's text) within its column, so a
 * reader numbers each text once; a text of several pieces, or in CDATA, has no key.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readSales } from '../../core/read/read-sales.js';
import { openXlsx } from '../../xlsx/read-xlsx.js';
import { xlsxBytes } from '../read/every-reader.js';

describe('openXlsx rows: text keys', () => {
  it('gives a shared string the same key wherever it stands, a different one for a different text', async () => {
    const names = ['Acme', ' Acme ', 'Beta', 'Acme', 'Acme\u200b', 'Beta'];
    const bytes = await xlsxBytes([['Client', 'Date', 'Amount'], ...names.map((name, i) => [name, new Date(Date.UTC(2026, 2, i + 1)), 10 * (i + 1)])]);
    const source = openXlsx(bytes).rows('S');
    const keys: number[] = [];
    const texts: string[] = [];
    for (let row = source.next(); row; row = source.next()) {
      keys.push(row.textKey!(0));
      texts.push(row.text(0));
      if (row.index > 0) expect(row.textKey!(1), 'a date cell').toBe(-1);
      expect(row.textKey!(7), 'beyond the row').toBe(-1);
    }
    expect(texts.slice(1)).toEqual(['Acme', 'Acme', 'Beta', 'Acme', 'Acme\u200b', 'Beta']);
    const [, acme, spaced, beta, acmeAgain, invisible, betaAgain] = keys;
    expect(acme).toBeGreaterThanOrEqual(0);
    expect(acmeAgain).toBe(acme);
    expect(betaAgain).toBe(beta);
    expect(new Set([acme, spaced, beta, invisible]).size).toBe(4);

    const read = readSales(openXlsx(bytes).rows('S'));
    if (!read.ok) throw new Error(read.code);
    expect(read.records.client.texts).toEqual(['Acme', 'Beta']);
    expect([...read.records.client.ids]).toEqual([0, 0, 1, 0, 0, 1]);
    expect(read.profile.invisibleNames).toBe(1);
  });
});

/** A workbook of one sheet `S` whose sheetData is `rows`. */
function sheetOf(rows: string): Uint8Array {
  return zipSync({
    'xl/workbook.xml': strToU8('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': strToU8(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`),
  });
}

describe('openXlsx rows: texts written in the sheet', () => {
  it('keys inline texts and formula texts by their bytes in their column, decoding each once', () => {
    const inline = (r: number, text: string) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>${text}</t></is></c><c r="B${r}" t="str"><f>A${r}</f><v>${text}</v></c></row>`;
    const rows = [
      inline(1, 'ООО &quot;Ёлка&quot;'),
      inline(2, 'Acme &amp; Co'),
      inline(3, 'ООО &quot;Ёлка&quot;'),
      inline(4, 'ООО "Ёлка"'),
      '<row r="5"><c r="A5" t="inlineStr"><is><r><t>Acme </t></r><r><t>&amp; Co</t></r></is></c><c r="B5" t="str"><v><![CDATA[Acme & Co]]></v></c></row>',
      '<row r="6"><c r="A6" t="inlineStr"><is><t>Acme &amp; Co</t><rPh sb="0" eb="1"><t>ア</t></rPh></is></c></row>',
    ].join('');
    const source = openXlsx(sheetOf(rows)).rows('S');
    const seen: { a: [string, number]; b: [string, number] }[] = [];
    for (let row = source.next(); row; row = source.next()) seen.push({ a: [row.text(0), row.textKey!(0)], b: [row.text(1), row.textKey!(1)] });
    expect(seen.map((s) => s.a[0])).toEqual(['ООО "Ёлка"', 'Acme & Co', 'ООО "Ёлка"', 'ООО "Ёлка"', 'Acme & Co', 'Acme & Co']);
    expect(seen.map((s) => s.b[0])).toEqual(['ООО "Ёлка"', 'Acme & Co', 'ООО "Ёлка"', 'ООО "Ёлка"', 'Acme & Co', '']);
    const [first, second, third, fourth, rich, phonetic] = seen.map((s) => s.a[1]);
    expect(third).toBe(first);
    expect(new Set([first, second, fourth]).size).toBe(3);
    expect(phonetic).toBe(second);
    expect(rich, 'a text of two pieces').toBe(-1);
    expect(seen[4]!.b[1], 'a text in CDATA').toBe(-1);
    expect(seen[2]!.b[1]).toBe(seen[0]!.b[1]);
  });
});
