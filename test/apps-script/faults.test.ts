/**
 * What a real spreadsheet does to a long run and the fake now does too: transient service errors,
 * an execution killed at 6 minutes, a tab deleted mid-run, a step that keeps failing. The run is
 * saved after every step, every step is idempotent and retried with backoff, and the next call
 * resumes where the last one stopped — the tabs end up cell for cell as a clean run writes them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_STEP_FAILURES } from '../../apps-script/segment-job.js';
import { RETRY_DELAYS_MS } from '../../apps-script/retry.js';
import type { RunRequest } from '../../core/panel/bridge.js';
import { buildAddOn, loadServer } from './bundle.js';
import { drive } from './drive.js';
import { failureMessage } from '../../core/pipeline/failure-message.js';
import { afterEach } from 'vitest';
import { COSTS, fakeHost, LIMITS, TRANSIENT_ERRORS, type FakeHost } from './fakes.js';
import { reportTabs, smallSales, ZONE } from './sales-fixture.js';

// The model is off: its fit is what takes time in Node, and these tests are about the run, not the numbers.
const request: RunRequest = { sources: { sales: 'Sales' }, options: { model: 'none' }, lang: 'en' };
const sales = smallSales();
const COSTS_AS_SHIPPED = { ...COSTS };
let code: string;

afterEach(() => {
  Object.assign(COSTS, COSTS_AS_SHIPPED);
});
let clean: ReturnType<typeof reportTabs>;

function setUp(): { host: FakeHost; server: ReturnType<typeof loadServer> } {
  const host = fakeHost({ timeZone: ZONE });
  host.book.addSheet('Sales', sales.grid);
  return { host, server: loadServer(code, host) };
}

beforeAll(async () => {
  ({ code } = await buildAddOn());
  const { host, server } = setUp();
  expect(drive(server, host, request).result?.ok).toBe(true);
  clean = reportTabs(host.book);
});

describe('a run in a spreadsheet that fails now and then', () => {
  it('retries a transient service error with backoff and writes what a clean run writes', () => {
    const { host, server } = setUp();
    host.log.fail('Range.setValues', 2, TRANSIENT_ERRORS[0]);
    host.log.fail('Range.getValues', 1, TRANSIENT_ERRORS[1]);
    host.log.fail('Range.applyRowBanding', 1, TRANSIENT_ERRORS[2]);
    const run = drive(server, host, request);
    expect(run.result?.ok).toBe(true);
    expect(reportTabs(host.book)).toEqual(clean);
    expect(host.log.count('Utilities.sleep')).toBe(4);
  });

  it('does not retry an error that is not transient; the next call tries the step again and the run goes on', () => {
    const { host, server } = setUp();
    host.log.fail('Sheet.setFrozenRows', 1, 'Invalid argument: rows');
    const run = drive(server, host, request);
    expect(run.result?.ok).toBe(true);
    expect(reportTabs(host.book)).toEqual(clean);
    expect(host.log.count('Utilities.sleep')).toBe(0);
  });

  it('a step that still fails after its retries ends the call; the next call resumes at that step', () => {
    const { host, server } = setUp();
    host.log.fail('Range.setValues', RETRY_DELAYS_MS.length + 1);
    const run = drive(server, host, request);
    expect(run.result?.ok).toBe(true);
    expect(reportTabs(host.book)).toEqual(clean);
    expect(host.log.count('Utilities.sleep')).toBe(RETRY_DELAYS_MS.length);
  });

  it('resumes after the execution is killed at 6 minutes, from the step after the last one saved', () => {
    const { host, server } = setUp();
    let writes = 0;
    let cursorAtKill = -1;
    host.log.onCall = (name) => {
      if (name !== 'Range.setValues' || ++writes !== 5) return;
      cursorAtKill = (JSON.parse(host.properties.values.get('winback.run')!) as { write: { cursor: number } }).write.cursor;
      host.log.now += LIMITS.executionMs;
    };
    const run = drive(server, host, request);
    host.log.onCall = null;
    expect(run.calls.some((call) => call.error === 'Exceeded maximum execution time')).toBe(true);
    expect(cursorAtKill).toBeGreaterThan(0);
    expect(run.result?.ok).toBe(true);
    expect(reportTabs(host.book)).toEqual(clean);
    expect(host.book.sheets).toHaveLength(clean.length + 1);
  });

  it(`stops with a sentence naming the tab when one step fails ${MAX_STEP_FAILURES} calls in a row, and cleans its state`, () => {
    const { host, server } = setUp();
    host.log.fail('Range.createFilter', 100, 'We could not apply the filter.');
    const run = drive(server, host, request);
    expect(run.result).toEqual({ ok: false, message: expect.stringMatching(/^Writing the tab "Clients" failed several times \(We could not apply the filter\.\)/) });
    expect(host.properties.values.has('winback.run')).toBe(false);
    expect(host.cache.values.size).toBe(0);
  });

  it('says so when the user deletes a tab the run is writing', () => {
    const { host, server } = setUp();
    let deleted = false;
    host.log.onCall = (name) => {
      const clients = host.book.sheets.find((sheet) => sheet.name === 'Clients');
      if (name !== 'Range.setValues' || !clients || deleted) return;
      host.book.sheets.splice(host.book.sheets.indexOf(clients), 1);
      deleted = true;
    };
    const run = drive(server, host, request);
    host.log.onCall = null;
    expect(deleted).toBe(true);
    expect(run.result).toEqual({ ok: false, message: 'The tab "Clients" was deleted while the report was being written. Press Segment to write the report again.' });
  });

  it('says so when the user deletes the sheet the run is reading', () => {
    // A very slow spreadsheet: the top of the sheet takes a call of its own.
    COSTS.perCellRead = 300;
    const { host, server } = setUp();
    const run = drive(server, host, request, { between: (call) => call === 1 && host.book.sheets.splice(0, 1) });
    expect(run.result).toEqual({ ok: false, message: failureMessage('en', { kind: 'unavailable', source: 'sales', sheet: 'Sales', problem: { code: 'no-sheet' } }, 'panel') });
    expect(host.properties.values.has('winback.run')).toBe(false);
  });
});
