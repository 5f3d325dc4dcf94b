/**
 * The --json text written in pieces (jsonReportText) is the document JSON.stringify writes,
 * byte for byte: for the full and the sparse report, in both languages, with hostile names, a
 * list long enough to be cut into several pieces, no clients at all, and random rejected rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REJECT_REASONS, type RejectedRow } from '../../core/read/types.js';
import { SOURCE_KEYS } from '../../core/sources/sources.js';
import type { Analysis } from '../../core/analyze/analysis.js';
import { jsonReportText, toJsonReport } from '../../core/report/json-report.js';
import { fullAnalysis, HOSTILE, sparseAnalysis } from './fixture.js';

const whole = (analysis: Analysis, lang: 'en' | 'ru') => JSON.stringify(toJsonReport(analysis, lang), null, 1);

describe('jsonReportText', () => {
  for (const lang of ['en', 'ru'] as const) {
    it(`writes what JSON.stringify writes (${lang}, full and sparse)`, () => {
      for (const analysis of [fullAnalysis(), sparseAnalysis()]) expect([...jsonReportText(analysis, lang)].join('')).toBe(whole(analysis, lang));
    });
  }

  it('keeps hostile names and line breaks inside names as JSON text', () => {
    const analysis = fullAnalysis();
    analysis.clients[0]!.client = 'ООО "Ромашка"\n\t\u2028 ' + HOSTILE.hyperlink;
    const text = [...jsonReportText(analysis, 'ru')].join('');
    expect(text).toBe(whole(analysis, 'ru'));
    expect(JSON.parse(text).clients[0].client).toBe(analysis.clients[0]!.client);
  });

  it('cuts a long client list into pieces of about 16,000 characters, the same text joined', () => {
    const analysis = fullAnalysis();
    const clients = analysis.clients;
    analysis.clients = Array.from({ length: 300 }, (_, i) => ({ ...clients[i % clients.length]!, client: `Client ${i}` }));
    const pieces = [...jsonReportText(analysis, 'en')];
    expect(pieces.length).toBeGreaterThan(2);
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeGreaterThanOrEqual(16_384);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(24_000);
    expect(pieces.join('')).toBe(whole(analysis, 'en'));
  });

  it('lists each rejected row with its fields in the order read (row, toRow, reason, value, source, sheet) and its message last', () => {
    const rejected = JSON.parse([...jsonReportText(fullAnalysis(), 'ru')].join('')).input.rejected as Record<string, unknown>[];
    expect(rejected.map((row) => Object.keys(row))).toEqual([
      ['row', 'reason', 'value', 'source', 'sheet', 'message'],
      ['row', 'toRow', 'reason', 'source', 'sheet', 'message'],
      ['row', 'reason', 'source', 'sheet', 'message'],
      ['row', 'reason', 'value', 'source', 'sheet', 'message'],
      ['row', 'reason', 'value', 'source', 'sheet', 'message'],
      ['row', 'reason', 'value', 'source', 'sheet', 'message'],
      ['row', 'reason', 'source', 'sheet', 'message'],
    ]);
    expect(rejected[1]).toMatchObject({ row: 5, toRow: 7, reason: 'blank', sheet: 'Продажи 2026' });
  });

  it('cuts a long list of rejected rows into pieces too (Online Retail has 135,080)', () => {
    const analysis = fullAnalysis();
    const rejected = analysis.input.rejected;
    analysis.input.rejected = Array.from({ length: 3000 }, (_, i) => ({ ...rejected[i % rejected.length]!, row: i + 2 }));
    const pieces = [...jsonReportText(analysis, 'ru')];
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(24_000);
    expect(pieces.join('')).toBe(whole(analysis, 'ru'));
  });

  it('writes each rejected row as JSON.stringify does, whatever its fields and texts', () => {
    const text = fc.string({ unit: 'binary' });
    const rejected = fc
      .record(
        {
          row: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          toRow: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
          reason: fc.constantFrom(...REJECT_REASONS),
          value: text,
          source: fc.constantFrom(...SOURCE_KEYS),
          sheet: text,
        },
        { requiredKeys: ['row', 'reason'] },
      )
      .map((row): RejectedRow => row);
    const analysis = sparseAnalysis();
    fc.assert(
      fc.property(fc.array(rejected, { maxLength: 40 }), fc.constantFrom('en' as const, 'ru' as const), (rows, lang) => {
        const withRows = { ...analysis, input: { ...analysis.input, rejected: rows } };
        expect([...jsonReportText(withRows, lang)].join('')).toBe(whole(withRows, lang));
      }),
    );
  });

  it('writes an empty client list as []', () => {
    const analysis = { ...sparseAnalysis(), clients: [], winBack: [] };
    expect([...jsonReportText(analysis, 'en')].join('')).toBe(whole(analysis, 'en'));
    expect(analysis.input.rejected).toEqual([]);
  });
});
