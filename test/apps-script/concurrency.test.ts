/**
 * Two runs at once. Every sidebar call is its own execution and executions run in parallel — two
 * Segment clicks, two sidebars, two users of one spreadsheet — so here a second copy of the script
 * (another execution over the same spreadsheet, properties, cache and lock) starts in the middle
 * of the first one's call, or between its calls. The second run gets a sentence; the first one
 * finishes, and the spreadsheet holds each report tab once, as a run alone writes it.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TAB_KEY } from '../../apps-script/sheets-port.js';
import { words } from '../../core/i18n/index.js';
import type { RunRequest } from '../../core/panel/bridge.js';
import { buildAddOn, loadServer, type ServerGlobals } from './bundle.js';
import { drive } from './drive.js';
import { COSTS, fakeHost, type FakeHost } from './fakes.js';
import { reportTabs, smallSales, ZONE } from './sales-fixture.js';

// The model is off: its fit is what takes time in Node, and these tests are about the run.
const request: RunRequest = { sources: { sales: 'Sales' }, options: { model: 'none' }, lang: 'en' };
const second: RunRequest = { ...request, lang: 'ru' };
const sales = smallSales();
const COSTS_AS_SHIPPED = { ...COSTS };
let code: string;
let clean: ReturnType<typeof reportTabs>;

function setUp(): { host: FakeHost; first: ServerGlobals; other: ServerGlobals } {
  const host = fakeHost({ timeZone: ZONE });
  host.book.addSheet('Sales', sales.grid);
  return { host, first: loadServer(code, host), other: loadServer(code, host) };
}

/** Each tab key written once, and the tabs as a run alone writes them. */
function expectOneReport(host: FakeHost): void {
  const keys = host.book.sheets.flatMap((sheet) => sheet.metadata.filter((m) => m.key === TAB_KEY).map((m) => JSON.parse(m.value).key as string));
  expect(keys).toEqual([...new Set(keys)]);
  expect(reportTabs(host.book)).toEqual(clean);
}

beforeAll(async () => {
  ({ code } = await buildAddOn());
  const { host, first } = setUp();
  expect(drive(first, host, request).result?.ok).toBe(true);
  clean = reportTabs(host.book);
});

afterEach(() => {
  Object.assign(COSTS, COSTS_AS_SHIPPED);
});

describe('two runs in one spreadsheet', () => {
  it('a second Segment while a run is active gets a sentence, in its own language, and the first run finishes', () => {
    COSTS.sheetChange = 3_000;
    const { host, first, other } = setUp();
    let refused: unknown = null;
    const run = drive(first, host, request, {
      between: (call) => {
        if (call === 2) refused = drive(other, host, second).start;
      },
    });
    expect(refused).toEqual({ ok: false, message: words('ru').sheets.runInProgress });
    expect(run.result?.ok).toBe(true);
    expectOneReport(host);
  });

  it('a call that starts in the middle of another execution waits for the document lock, then gets a sentence', () => {
    const { host, first, other } = setUp();
    let writes = 0;
    let interleaved: unknown = null;
    host.log.onCall = (name) => {
      if (name !== 'Range.setValues' || ++writes !== 3) return;
      host.log.onCall = null;
      interleaved = other.startSegment(second);
    };
    const run = drive(first, host, request);
    expect(interleaved).toEqual({ ok: false, message: words('ru').sheets.busy });
    expect(host.log.count('Lock.tryLock')).toBeGreaterThan(run.calls.length);
    expect(run.result?.ok).toBe(true);
    expectOneReport(host);
  });

  it('a retried continue that arrives while the first is still running waits, does nothing and says where the run stands', () => {
    const { host, first, other } = setUp();
    const start = first.startSegment(request) as { jobId: string };
    let answer: unknown = null;
    host.log.onCall = (name) => {
      if (name !== 'Range.getValues') return;
      host.log.onCall = null;
      answer = other.continueSegment(start.jobId, 'en');
    };
    let next = first.continueSegment(start.jobId, 'en') as { finished: boolean };
    expect(answer).toEqual({ finished: false, progress: { stage: 'read', done: 0, total: sales.grid.length } });
    while (!next.finished) next = first.continueSegment(start.jobId, 'en') as { finished: boolean };
    expectOneReport(host);
  });

  it('after the first run is done, the next one starts at once', () => {
    const { host, first, other } = setUp();
    expect(drive(first, host, request).result?.ok).toBe(true);
    const again = drive(other, host, request);
    expect(again.result?.ok).toBe(true);
    expectOneReport(host);
  });
});
