/**
 * The state a run carries between its calls, against a cache that drops entries as the real one
 * may ("not guaranteed to persist"): small (a document property for the cursor, the bulk gzipped in
 * the cache), recomputed on a miss without rewriting what is written, the last answer repeatable,
 * and an abandoned run's state cleaned by the next one.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { planWrites, stepData } from '../../apps-script/plan.js';
import { STALE_MS } from '../../apps-script/segment-job.js';
import { layoutTab } from '../../core/layout/tab-layout.js';
import type { RunRequest } from '../../core/panel/bridge.js';
import { words } from '../../core/i18n/index.js';
import { buildAddOn, loadServer, type ServerGlobals } from './bundle.js';
import { drive } from './drive.js';
import { COSTS, fakeHost, midnightIn, type FakeHost } from './fakes.js';
import { expectedSheets, reportTabs, smallSales, ZONE } from './sales-fixture.js';

// The model is off: its fit is what takes time in Node, and these tests are about the run.
const request: RunRequest = { sources: { sales: 'Sales' }, options: { model: 'none' }, lang: 'en' };
const sales = smallSales();
const COSTS_AS_SHIPPED = { ...COSTS };
let code: string;
let clean: ReturnType<typeof reportTabs>;

function setUp(): { host: FakeHost; server: ServerGlobals } {
  const host = fakeHost({ timeZone: ZONE });
  host.book.addSheet('Sales', sales.grid);
  return { host, server: loadServer(code, host) };
}

/** A slow spreadsheet: a sheet change takes 3 s, a chart 5 s, so writing the report takes several calls. */
function slowWrites(): void {
  COSTS.sheetChange = 3_000;
  COSTS.chart = 5_000;
}

const head = (host: FakeHost) => JSON.parse(host.properties.values.get('winback.run')!) as { id: string; phase: string; write: { cursor: number; total: number } };

beforeAll(async () => {
  ({ code } = await buildAddOn());
  const { host, server } = setUp();
  expect(drive(server, host, request).result?.ok).toBe(true);
  clean = reportTabs(host.book);
});

afterEach(() => {
  Object.assign(COSTS, COSTS_AS_SHIPPED);
});

describe('the state between calls', () => {
  it('is small: the cursor is one document property under 9 KB, the plan is stored gzipped', () => {
    slowWrites();
    const { host, server } = setUp();
    let bulk = 0;
    const run = drive(server, host, request, {
      between: () => {
        if (host.properties.values.has('winback.run') && head(host).phase === 'write') bulk = Math.max(bulk, host.cache.bytes);
      },
    });
    expect(run.result?.ok).toBe(true);
    const layouts = expectedSheets(sales.serialGrid, request.options).map(layoutTab);
    const plain = planWrites(layouts).reduce((sum, step) => sum + JSON.stringify(stepData(step, layouts)).length, 0);
    expect(host.properties.values.get('winback.run')!.length).toBeLessThan(9 * 1024);
    expect(bulk).toBeGreaterThan(0);
    expect(bulk).toBeLessThan(plain / 3);
  });

  it('reads again when the cache dropped the cells read before the analysis, and writes the same tabs', () => {
    // A slow spreadsheet: the read does not fit in one call, so its blocks wait in the cache.
    COSTS.perCellRead = 5;
    const { host, server } = setUp();
    const run = drive(server, host, request, { between: (call) => call === 1 && host.cache.evict() });
    expect(run.calls.filter((call) => call.progress?.stage === 'analyze').length).toBeGreaterThanOrEqual(2);
    expect(run.result?.ok).toBe(true);
    expect(reportTabs(host.book)).toEqual(clean);
  });

  it('recomputes the plan when the cache dropped it mid-write and goes on at its cursor, rewriting nothing', () => {
    slowWrites();
    const { host, server } = setUp();
    let evictedAt = -1;
    const run = drive(server, host, request, {
      between: () => {
        const state = head(host);
        if (evictedAt < 0 && state.phase === 'write' && state.write.cursor > 3) {
          evictedAt = state.write.cursor;
          host.cache.evict();
        }
      },
    });
    expect(evictedAt).toBeGreaterThan(3);
    expect(run.result?.ok).toBe(true);
    expect(reportTabs(host.book)).toEqual(clean);
    expect(host.log.count('Spreadsheet.insertSheet')).toBe(clean.length);
    expect(host.log.count('Sheet.clear')).toBe(0);
  });

  it('writes every tab again when the data changed while the plan was recomputed', () => {
    slowWrites();
    const { host, server } = setUp();
    const newLine = ['A new client', midnightIn(ZONE, 2025, 11, 20), 999];
    let changed = false;
    const run = drive(server, host, request, {
      between: () => {
        if (!changed && head(host).phase === 'write' && head(host).write.cursor > 3) {
          host.book.sheet('Sales').fill([...sales.grid, newLine]);
          host.cache.evict();
          changed = true;
        }
      },
    });
    expect(changed).toBe(true);
    expect(run.result?.ok).toBe(true);
    const fresh = fakeHost({ timeZone: ZONE });
    fresh.book.addSheet('Sales', [...sales.grid, newLine]);
    expect(drive(loadServer(code, fresh), fresh, request).result?.ok).toBe(true);
    const freshTabs = reportTabs(fresh.book);
    expect(reportTabs(host.book)).toEqual(freshTabs);
    expect(reportTabs(host.book)).not.toEqual(clean);
  });

  it('answers the last call again when its answer was lost — from the cache, or recomputed — and rewrites nothing', () => {
    const { host, server } = setUp();
    const run = drive(server, host, request);
    const jobId = run.start.jobId!;
    const writes = host.log.count('Range.setValues');
    expect(server.continueSegment(jobId, 'en')).toEqual({ finished: true, result: run.result });
    host.cache.evict();
    let again = server.continueSegment(jobId, 'en') as { finished: boolean; result?: unknown };
    for (let i = 0; i < 5 && !again.finished; i++) again = server.continueSegment(jobId, 'en') as typeof again;
    expect(again).toEqual({ finished: true, result: run.result });
    expect(host.log.count('Range.setValues')).toBe(writes);
  });

  it('stops with a sentence, not reading for ever, when the cache drops the cells read before every call', () => {
    COSTS.perCellRead = 5;
    const { host, server } = setUp();
    const run = drive(server, host, request, { between: () => host.cache.evict() });
    expect(run.result).toEqual({ ok: false, message: words('en').sheets.stateLost });
    expect(run.calls.length).toBeLessThan(20);
    expect(host.properties.values.has('winback.run')).toBe(false);
  });

  it("cleans an abandoned run's state when the next run takes its place, and tells the abandoned sidebar", () => {
    slowWrites();
    const { host, server } = setUp();
    const abandoned = drive(server, host, request, { maxCalls: 3 });
    expect(abandoned.result).toBeNull();
    const oldId = head(host).id;
    expect([...host.cache.values.keys()].some((key) => key.includes(oldId))).toBe(true);
    host.log.now += STALE_MS + 1;
    const next = drive(server, host, request);
    expect(next.result?.ok).toBe(true);
    expect([...host.cache.values.keys()].some((key) => key.includes(oldId))).toBe(false);
    expect(server.continueSegment(abandoned.start.jobId!, 'en')).toEqual({
      finished: true,
      result: { ok: false, message: 'This run was stopped: it was cancelled, or another run took its place. The next run replaces the tabs it wrote.' },
    });
    expect(reportTabs(host.book)).toEqual(clean);
  });
});
