/**
 * The streaming xlsx reader's text keys: a shared string's index stands for its text, so a reader
 * numbers each shared text once; texts written inline have no key.
 */
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
