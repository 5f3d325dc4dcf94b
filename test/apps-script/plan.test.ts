import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitUtf8 } from '../../apps-script/chunks.js';
import { planWrites } from '../../apps-script/plan.js';
import { layoutTab, tableLineCount } from '../../core/layout/tab-layout.js';
import { clientsSpec } from './spec-fixture.js';

describe('planWrites', () => {
  it('cuts a 4-column table of 10,000 rows into 5,000-row blocks (the doc example)', () => {
    const base = clientsSpec(0);
    const table = { ...base.tables[1], columns: [...base.tables[0].columns.slice(0, 4)], rows: Array.from({ length: 10_000 }, () => ['a', 1, 0.1, 'x']) };
    const steps = planWrites([layoutTab({ ...base, tables: [table], charts: [] })], 20_000);
    expect(steps).toEqual([
      { kind: 'open', tab: 0 },
      { kind: 'lines', tab: 0, table: 0, from: 0, to: 5000 },
      { kind: 'lines', tab: 0, table: 0, from: 5000, to: 10_000 },
      { kind: 'lines', tab: 0, table: 0, from: 10_000, to: 10_001 },
      { kind: 'finish', tab: 0 },
    ]);
  });

  it('covers every line of every table exactly once, in order', () => {
    const layouts = [clientsSpec(10_000), clientsSpec(7, 'Other')].map(layoutTab);
    const steps = planWrites(layouts);
    layouts.forEach((layout, tab) => {
      layout.tables.forEach((table, index) => {
        const blocks = steps.filter((s) => s.kind === 'lines' && s.tab === tab && s.table === index);
        const covered = blocks.flatMap((s) => (s.kind === 'lines' ? [s.from, s.to] : []));
        expect(covered[0]).toBe(0);
        expect(covered.at(-1)).toBe(tableLineCount(table));
        for (let i = 1; i < covered.length - 1; i += 2) expect(covered[i]).toBe(covered[i + 1]);
      });
    });
    expect(steps.filter((s) => s.kind === 'lines' && s.tab === 0 && s.table === 0)).toHaveLength(4);
  });
});

describe('splitUtf8', () => {
  it('cuts by UTF-8 bytes: "aбв" at 4 bytes → "aб", "в" (the doc example)', () => {
    expect(splitUtf8('aбв', 4)).toEqual(['aб', 'в']);
  });

  it('never splits a surrogate pair', () => {
    expect(splitUtf8('😀😀', 5)).toEqual(['😀', '😀']);
  });

  it('pieces join back to the text and each fits the byte limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.integer({ min: 4, max: 64 }), (text, maxBytes) => {
        const pieces = splitUtf8(text, maxBytes);
        expect(pieces.join('')).toBe(text);
        pieces.forEach((piece, i) => {
          expect(Buffer.byteLength(piece, 'utf8')).toBeLessThanOrEqual(maxBytes);
          expect(piece.length).toBeGreaterThan(0);
          const splitPair = /[\ud800-\udbff]$/.test(piece) && /^[\udc00-\udfff]/.test(pieces[i + 1] ?? '');
          expect(splitPair).toBe(false);
        });
      }),
    );
  });
});
