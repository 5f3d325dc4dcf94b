import { describe, expect, it } from 'vitest';
import { fingerprint, planWrites, stepData, tabRows } from '../../apps-script/plan.js';
import { layoutTab, tableLineCount } from '../../core/layout/tab-layout.js';
import { clientsSpec, kpiSpec } from './spec-fixture.js';

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

describe('stepData', () => {
  const layouts = [clientsSpec(6), kpiSpec()].map(layoutTab);
  const data = planWrites(layouts).map((step) => stepData(step, layouts));

  it('opens each tab at exactly its extent, with the notes and the widths in pixels', () => {
    const open = data[0];
    expect(open).toMatchObject({ kind: 'open', tab: 0, open: { key: 'clients', name: 'Clients', rows: layouts[0].extentRows, columns: layouts[0].extentColumns } });
    if (open.kind !== 'open') return;
    expect(open.open.notes).toEqual([{ row: 1, lines: [[{ value: 'As of 2026-03-05.', format: '@' }], [{ value: 'One row per client.', format: '@' }]] }]);
    expect(open.open.widths[0]).toBe(30 * 7 + 16);
  });

  it("opens a long list with its lead line on row 1 and its notes under the table, and freezes through its header on row 2", () => {
    const base = clientsSpec(6);
    const below = layoutTab({ ...base, notesBelow: { lead: 'As of 2026-03-05 · notes under the list ↓' }, tables: [{ ...base.tables[0], title: '' }], charts: [] });
    const steps = planWrites([below]).map((step) => stepData(step, [below]));
    const open = steps[0];
    const finish = steps.at(-1)!;
    if (open.kind !== 'open' || finish.kind !== 'finish') throw new Error('no open or finish step');
    // Row 1 the lead, row 2 the header, rows 3–8 the clients, row 9 blank, rows 10–11 the notes.
    expect(open.open.notes).toEqual([
      { row: 1, lines: [[{ value: 'As of 2026-03-05 · notes under the list ↓', format: '@' }]] },
      { row: 10, lines: [[{ value: 'As of 2026-03-05.', format: '@' }], [{ value: 'One row per client.', format: '@' }]] },
    ]);
    expect(steps.find((d) => d.kind === 'lines')).toMatchObject({ row: 2 });
    expect([open.open.rows, finish.finish.frozenRows]).toEqual([11, 2]);
  });

  it('puts each block of lines at its 1-based sheet row: the title of the first table on row 4', () => {
    const lines = data.find((d) => d.kind === 'lines' && d.tab === 0);
    expect(lines).toMatchObject({ kind: 'lines', row: 4 });
    if (lines?.kind !== 'lines') return;
    expect(lines.lines[0][0]).toEqual({ value: 'All clients', format: '@' });
    expect(lines.lines[1].map((c) => c.value)).toEqual(['Client', 'Revenue', 'Share', 'Status', 'Last purchase', 'Orders']);
  });

  it('finishes with the boxes the port applies: bold title and header, one banded and filtered body, the chart at H5', () => {
    const finish = data.find((d) => d.kind === 'finish' && d.tab === 0);
    if (finish?.kind !== 'finish') throw new Error('no finish step');
    expect(finish.finish.bold[0]).toEqual({ row: 4, column: 1, rows: 2, columns: 6 });
    expect(finish.finish.banded).toEqual([{ row: 5, column: 1, rows: 7, columns: 6 }]);
    expect(finish.finish.filter).toEqual({ row: 5, column: 1, rows: 7, columns: 6 });
    expect(finish.finish.frozenRows).toBe(0);
    expect(finish.finish.charts).toEqual([
      { kind: 'pareto', title: 'Pareto', ranges: [1, 2, 3].map((column) => ({ row: 5, column, rows: 7, columns: 1 })), anchor: { row: 5, column: 8 } },
    ]);
    expect(finish.finish.rules.map((r) => r.kind)).toEqual(['text', 'text', 'text', 'gradient']);
  });

  it('gives a tab whose frozen header is its last row one row more: Sheets refuses to freeze every row', () => {
    const empty = layoutTab({ ...clientsSpec(0), notes: [], tables: [clientsSpec(0).tables[0]], charts: [] });
    expect(empty.frozenRows).toBe(empty.extentRows);
    expect(tabRows(empty)).toBe(empty.extentRows + 1);
    expect(tabRows(layouts[0])).toBe(layouts[0].extentRows);
  });
});

describe('fingerprint', () => {
  it('is the same for the same plan and differs when one cell differs', () => {
    const texts = (rows: number) => {
      const layouts = [clientsSpec(rows)].map(layoutTab);
      return planWrites(layouts).map((step) => JSON.stringify(stepData(step, layouts)));
    };
    expect(fingerprint(texts(30))).toBe(fingerprint(texts(30)));
    expect(fingerprint(texts(30))).not.toBe(fingerprint(texts(31)));
    expect(fingerprint(['ab', 'c'])).not.toBe(fingerprint(['a', 'bc']));
    expect(fingerprint([])).toMatch(/^[0-9a-f]{8}$/);
  });
});
