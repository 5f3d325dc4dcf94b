/**
 * The Google Sheets part of `npm run bench`: a run of the built add-on (Code.js, loaded as Apps
 * Script loads it) over the typed fakes the tests use, on 200,000 generated sales lines, driven as
 * the sidebar drives it. Prints the server calls and the service calls they made, the largest
 * call's time in the fakes' cost model (a fixed cost per service call and per cell moved — not
 * Google's servers) and its time in Node, and the state carried between calls (the run's document
 * property and its compressed cache entries).
 */
import { dayFromYmd, ymdFromDay } from '../core/basics/calendar.js';
import { generateDistributor } from '../examples/distributor.js';
import { buildAddOn, loadServer } from '../test/apps-script/bundle.js';
import { fakeHost, midnightIn, type FakeHost, type StoredCell } from '../test/apps-script/fakes.js';

const LINES = 200_000;
const ZONE = 'Europe/Moscow';
const KB = 1024;

function salesGrid(): StoredCell[][] {
  const data = generateDistributor({ seed: 11, clients: 2_000, years: 3, endDay: dayFromYmd(2026, 10, 31), linesTarget: LINES });
  const dates = new Map<number, Date>();
  const dateOf = (day: number) => {
    let date = dates.get(day);
    if (!date) {
      const { year, month, day: d } = ymdFromDay(day);
      dates.set(day, (date = midnightIn(ZONE, year, month, d)));
    }
    return new Date(date.getTime());
  };
  const grid: StoredCell[][] = [['Client', 'Date', 'Document', 'Product', 'Quantity', 'Amount', 'Manager']];
  for (const s of data.sales) grid.push([s.client, dateOf(s.day), s.document, s.product, s.quantity / 1000, s.amount / 100, s.manager]);
  return grid;
}

const serviceCalls = (host: FakeHost) => [...host.log.counts.values()].reduce((sum, n) => sum + n, 0);

/** The state a run carries from one call to the next: its document property and its cache entries. */
function carried(host: FakeHost): { property: number; cache: number; entries: number } {
  const property = host.properties.values.get('winback.run')?.length ?? 0;
  return { property, cache: host.cache.bytes, entries: host.cache.values.size };
}

export async function sheetsRunBenchmark(): Promise<void> {
  console.log(`Google Sheets add-on on the fake Apps Script services, ${LINES.toLocaleString('en')} lines:`);
  const { code } = await buildAddOn();
  const host = fakeHost({ timeZone: ZONE });
  const grid = salesGrid();
  host.book.addSheet('Sales', grid);
  const server = loadServer(code, host);
  host.log.reset();
  const calls: { stage: string; simulated: number; node: number; services: number; state: ReturnType<typeof carried> }[] = [];
  const call = (stage: string, body: () => unknown) => {
    const before = { simulated: host.log.now, node: performance.now(), services: serviceCalls(host) };
    const value = body();
    calls.push({ stage, simulated: host.log.now - before.simulated, node: performance.now() - before.node, services: serviceCalls(host) - before.services, state: carried(host) });
    return value;
  };
  const request = { sources: { sales: 'Sales' }, options: {}, lang: 'en' };
  const start = call('start', () => server.startSegment(request)) as { ok: boolean; jobId: string; message?: string };
  if (!start.ok) throw new Error(start.message);
  let stage = 'read';
  for (;;) {
    const next = call(stage, () => server.continueSegment(start.jobId, 'en')) as { finished: boolean; progress?: { stage: string; done: number; total: number }; result?: { ok: boolean } };
    if (next.finished) {
      if (!next.result?.ok) throw new Error(JSON.stringify(next.result));
      calls.at(-1)!.stage += ' → done';
      break;
    }
    const { progress } = next;
    calls.at(-1)!.stage += ` → ${progress!.stage} ${progress!.done}/${progress!.total}`;
    stage = progress!.stage;
  }
  console.log(`  ${(grid.length - 1).toLocaleString('en')} lines × ${grid[0].length} columns; ${calls.length} server calls (startSegment + continueSegment)`);
  for (const [i, c] of calls.entries()) {
    console.log(
      `    #${String(i + 1).padStart(2)} ${c.stage.padEnd(22)} ${String(c.services).padStart(6)} service calls, ${(c.simulated / 1000).toFixed(1).padStart(5)} s simulated, ${(c.node / 1000).toFixed(1).padStart(5)} s in Node; then carried ${(c.state.property / KB).toFixed(1)} KB property + ${(c.state.cache / KB).toFixed(0)} KB in ${c.state.entries} cache entries`,
    );
  }
  const largest = calls.reduce((max, c) => (c.simulated > max.simulated ? c : max));
  const slowest = calls.reduce((max, c) => (c.node > max.node ? c : max));
  const state = calls.reduce((max, c) => Math.max(max, c.state.property + c.state.cache), 0);
  const top = [...host.log.counts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, n]) => `${name} ${n}`);
  console.log(`  service calls in all: ${serviceCalls(host).toLocaleString('en')} (${top.join(', ')}, …); cells read ${host.log.cellsRead.toLocaleString('en')}`);
  console.log(`  largest call in the cost model: ${(largest.simulated / 1000).toFixed(1)} s (${largest.stage}); slowest in Node: ${(slowest.node / 1000).toFixed(1)} s (${slowest.stage}); Apps Script allows 360 s`);
  console.log(`  state carried between calls: at most ${(state / KB).toFixed(0)} KB (the largest cache value ${(host.cache.largestValue / KB).toFixed(0)} KB of 100 KB)`);
}
