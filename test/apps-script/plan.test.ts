import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NUMBER_FORMATS, tableLines } from '../../apps-script/cells.js';
import { splitUtf8 } from '../../apps-script/chunks.js';
import { layoutTab, lineCount, topRow } from '../../apps-script/layout.js';
import { planWrites } from '../../apps-script/plan.js';
import type { SheetSpec } from '../../core/ports.js';
import { clientsSpec, DAY, HOSTILE } from './spec-fixture.js';

describe('layoutTab', () => {
  it('places notes, a titled table and an untitled one as the doc comment works out', () => {
    const layout = layoutTab(clientsSpec(3));
    expect(layout.notesRows).toBe(2);
    expect(layout.tables).toEqual([
      { id: 'clients', titleRow: 4, headerRow: 5, firstDataRow: 6, rows: 3, columns: 6 },
      { id: 'totals', titleRow: null, headerRow: 10, firstDataRow: 11, rows: 2, columns: 2 },
    ]);
    expect(layout.height).toBe(12);
    expect(layout.width).toBe(6);
    expect(layout.frozenRows).toBe(5);
    expect(layout.chartColumn).toBe(8);
    expect(topRow(layout.tables[0])).toBe(4);
    expect(lineCount(layout.tables[0])).toBe(5);
    expect(lineCount(layout.tables[1])).toBe(3);
  });

  it('starts at row 1 without notes and freezes nothing unless asked', () => {
    const spec: SheetSpec = { ...clientsSpec(1), notes: [], freezeHeader: false };
    const layout = layoutTab(spec);
    expect(layout.tables[0].titleRow).toBe(1);
    expect(layout.frozenRows).toBe(0);
  });
});

describe('planWrites', () => {
  it('cuts a 4-column table of 10,000 rows into 5,000-row blocks (the doc example)', () => {
    const base = clientsSpec(0);
    const table = { ...base.tables[1], columns: [...base.tables[0].columns.slice(0, 4)], rows: Array.from({ length: 10_000 }, () => ['a', 1, 0.1, 'x']) };
    const steps = planWrites([{ ...base, tables: [table] }], 20_000);
    expect(steps).toEqual([
      { kind: 'open', tab: 0 },
      { kind: 'lines', tab: 0, table: 0, from: 0, to: 5000 },
      { kind: 'lines', tab: 0, table: 0, from: 5000, to: 10_000 },
      { kind: 'lines', tab: 0, table: 0, from: 10_000, to: 10_001 },
      { kind: 'finish', tab: 0 },
    ]);
  });

  it('covers every line of every table exactly once, in order', () => {
    const sheets = [clientsSpec(10_000), clientsSpec(7, 'Other')];
    const steps = planWrites(sheets);
    sheets.forEach((sheet, tab) => {
      layoutTab(sheet).tables.forEach((table, index) => {
        const blocks = steps.filter((s) => s.kind === 'lines' && s.tab === tab && s.table === index);
        const covered = blocks.flatMap((s) => (s.kind === 'lines' ? [s.from, s.to] : []));
        expect(covered[0]).toBe(0);
        expect(covered.at(-1)).toBe(lineCount(table));
        for (let i = 1; i < covered.length - 1; i += 2) expect(covered[i]).toBe(covered[i + 1]);
      });
    });
    expect(steps.filter((s) => s.kind === 'lines' && s.tab === 0 && s.table === 0)).toHaveLength(4);
  });
});

describe('tableLines', () => {
  const table = clientsSpec(3).tables[0];

  it('writes the title, the header and data rows with per-cell formats; text cells are plain text', () => {
    const block = tableLines(table, 0, 4);
    expect(block.values).toEqual([
      ['All clients', '', '', '', '', ''],
      ['Client', 'Revenue', 'Share', 'Status', 'Last purchase', 'Orders'],
      [HOSTILE[0], 1000.5, 0.1, 'active', 46086, 0],
      [HOSTILE[1], 999.5, 2 / 30, 'at-risk', '', 1],
    ]);
    expect(block.formats[0]).toEqual(['@', '@', '@', '@', '@', '@']);
    expect(block.formats[1]).toEqual(['@', '@', '@', '@', '@', '@']);
    expect(block.formats[2]).toEqual(['@', '#,##0.00', '0.0%', '@', 'yyyy-mm-dd', '#,##0']);
    expect(block.formats[3][4]).toBe(NUMBER_FORMATS.date);
  });

  it('gives a string in a number column the text format too', () => {
    const odd = { ...table, rows: [['x', '-5', 0, 'new', DAY, 1]] };
    expect(tableLines(odd, 2, 3).formats[0].slice(0, 2)).toEqual(['@', '@']);
  });

  it('starts at any line: a block in the middle holds data rows only', () => {
    const block = tableLines(table, 3, 5);
    expect(block.values.map((row) => row[0])).toEqual([HOSTILE[1], HOSTILE[2]]);
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
