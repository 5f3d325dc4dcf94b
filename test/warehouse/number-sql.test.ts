/**
 * The SQL reading of a number text (warehouse/number-sql.ts) against the reader's own
 * (core/read/parse-number.ts) on DuckDB, text by text: the same cents, the same proof of the
 * decimal separator (`comma`, `dot`, or `either` for a text only its column decides), the same
 * other reading of an ambiguous text and the same currency. Texts are known shapes and random
 * strings of digits, separators, spaces, signs, brackets and currency letters.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCents } from '../../core/read/exact-units.js';
import { parseNumberText, type NumberShape } from '../../core/read/parse-number.js';
import { numberSql } from '../../warehouse/number-sql.js';
import { SQL_DIALECTS } from '../../warehouse/sql-dialect.js';

interface Reading {
  cents: number | null;
  mark: string | null;
  other: number | null;
  code: string | null;
}

function memoryReading(text: string): Reading {
  const shape: NumberShape = { evidence: null, alternative: Number.NaN, currency: null };
  const value = parseNumberText(text, shape);
  const either = value !== null && !Number.isNaN(shape.alternative);
  return {
    cents: value === null ? null : toCents(value),
    mark: value === null ? null : either ? 'either' : shape.evidence,
    other: either ? toCents(shape.alternative) : null,
    code: value === null ? null : shape.currency,
  };
}

async function sqlReadings(texts: readonly string[]): Promise<Reading[]> {
  const d = SQL_DIALECTS.duckdb;
  const n = numberSql(d);
  const f = 'amount';
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run('CREATE TABLE cells (i INTEGER, amount_text VARCHAR)');
    const appender = await connection.createAppender('cells');
    texts.forEach((text, i) => {
      appender.appendInteger(i);
      // The aggregation trims a cell's text (JavaScript's spaces) before reading it.
      const trimmed = text.trim();
      if (trimmed === '') appender.appendNull();
      else appender.appendVarchar(trimmed);
      appender.endRow();
    });
    appender.closeSync();
    const cents = (e: string) => `CAST(${d.scaled(e, 2)} AS DOUBLE)`;
    const sql = `WITH s1 AS (SELECT *, ${n.flags(f, false).join(', ')} FROM cells),
      s2 AS (SELECT *, ${n.parts(f).join(', ')} FROM s1),
      s3 AS (SELECT *, ${n.numbers(f).join(', ')} FROM s2),
      s4 AS (SELECT *, ${n.values(f).join(', ')} FROM s3),
      s5 AS (SELECT *, ${n.finals(f, false).join(', ')} FROM s4)
      SELECT ${cents('amount_number')} AS cents, amount_mark AS mark, ${cents('amount_other')} AS other, amount_code AS code FROM s5 ORDER BY i`;
    return (await connection.runAndReadAll(sql)).getRowObjectsJS() as unknown as Reading[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const KNOWN = [
  '1,5', '12 345,67', '12,345.67', '12.345,67', '1,234', '1.234', '-1,234', '+1,234', '(1.234)', '1.234.567', '1,234,567', '0,123', '1234,567',
  '$1,234.00', '€ 5', '1 234 руб.', '1234,5 р.', '₽ 5', 'руб 5', '5 USD', '(120.00)', '120-', '−7,25', "1'234,5", '1’234,5', '1\u00a0234,50', '1\u202f234',
  '1,23,456', '1 23 456', '12,34,5', '1.2.3,4', '1,2.3,4', '(-5)', '$5 €', '--5', '5 руб. руб.', '1  234', '1.234,5 6', '(5', '5)', '1,234.5.6',
  ',5', '5,', '.5', '5.', '1.5E+03', '-2e-3', '5%', 'abc', '', '-', '.', ',', '1 000 000', '123 456 789 012 345 678,5', '1e400', '١٢٣',
];
const ALPHABET = ['0', '1', '2', '5', '9', ',', '.', ' ', '\u00a0', "'", '-', '−', '+', '(', ')', '$', '€', 'р', 'у', 'б', 'usd', 'e'];
/** Number-like texts: a prefix, runs of one to four digits joined by separators, a suffix. */
const NUMBER_LIKE = fc
  .tuple(
    fc.constantFrom('', '', '', '-', '+', '−', '(', '$', '$ ', '€', '₽ ', 'руб ', ' ', '(-', '--'),
    fc.array(fc.stringMatching(/^[0-9]{1,4}$/), { minLength: 1, maxLength: 4 }),
    fc.array(fc.constantFrom(',', '.', ' ', '\u00a0', "'", '’', '  ', ',,'), { minLength: 3, maxLength: 3 }),
    fc.constantFrom('', '', '', '-', ')', ' руб.', ' р.', ' USD', ' €', '%', ' ', ' ₽)', 'e5'),
  )
  .map(([prefix, runs, separators, suffix]) => prefix + runs.map((run, k) => (k === 0 ? run : separators[k - 1]! + run)).join('') + suffix);

describe('a number text in SQL reads as the reader reads it', () => {
  it('on the known shapes', async () => {
    const sql = await sqlReadings(KNOWN);
    KNOWN.forEach((text, i) => expect({ text, ...sql[i] }).toEqual({ text, ...memoryReading(text) }));
  });

  it('on random strings of digits, separators, spaces, signs, brackets and currencies', async () => {
    const texts = [
      ...fc.sample(fc.array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 10 }).map((parts) => parts.join('')), { numRuns: 3000, seed: 16 }),
      ...fc.sample(NUMBER_LIKE, { numRuns: 5000, seed: 16 }),
    ];
    const read = texts.map(memoryReading);
    // The texts hold every outcome: unreadable, each proof, ambiguous, a currency.
    expect(new Set(read.map((r) => (r.cents === null ? 'none' : r.mark)))).toEqual(new Set(['none', null, 'comma', 'dot', 'either']));
    expect(read.filter((r) => r.mark === 'either').length).toBeGreaterThan(10);
    const sql = await sqlReadings(texts);
    texts.forEach((text, i) => expect({ text, ...sql[i] }).toEqual({ text, ...read[i] }));
  });
});
