/**
 * The playground in headless Chromium, for `npm run bench`: a file opened through the page's file
 * input as a user opens it, then Segment, timed until the summary is shown. Each round starts a
 * fresh browser (so the renderer's peak memory is this round's alone) on the playground server
 * started once (test/e2e/browser.ts, shared with the browser tests).
 *
 * Per round:
 * - `open`: wall seconds from choosing the file until the panel has inspected the sheet (Segment
 *   enabled); `run`: from the click on Segment until the summary (`#wb-result`) is shown; `wall`
 *   is the two together — what the user waits for from choosing the file to reading the summary;
 * - `cpu`: the renderer process's CPU seconds over the same stretch (the DevTools protocol's
 *   `Performance.getMetrics` ProcessTime: every thread of the page's process, the main thread,
 *   the garbage collector's helpers, the compositor);
 * - `peakMB` / `summaryMB`: the resident memory of the page's renderer process, its high-water
 *   mark (VmHWM in /proc/PID/status) and its size when the summary is shown (VmRSS). That process
 *   holds everything the page holds — the JavaScript heap, the file's bytes (ArrayBuffers live
 *   outside the heap), the DOM and Blink's own memory — which is what "page memory" means. The
 *   resident size also counts the Chromium code pages the renderer has mapped (some 75 MB, shared
 *   with the other Chromium processes; an empty playground page is about 130 MB), so it is the
 *   strict measure; `privateMB` (RssAnon at the summary) leaves them out, close to what Chrome's
 *   task manager calls the tab's memory footprint. The page's renderer is the renderer process
 *   with the largest high-water mark (a fresh browser has one more, idle one);
 * - `heapMB`: the JavaScript heap in use when the summary is shown (JSHeapUsedSize), for scale.
 */
import { readFileSync } from 'node:fs';
import type { Browser, CDPSession } from 'playwright-core';
import { launchChromium, type Playground } from '../test/e2e/browser.js';

export interface PlaygroundRound {
  open: number;
  run: number;
  wall: number;
  cpu: number;
  peakMB: number;
  summaryMB: number;
  privateMB: number;
  heapMB: number;
}

export async function playgroundRound(playground: Playground, file: string): Promise<PlaygroundRound> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${playground.url}?sample=0&lang=en`);
    await page.waitForSelector('#pg-file', { state: 'attached' });
    const metrics = await page.context().newCDPSession(page);
    await metrics.send('Performance.enable');
    const cpuBefore = await metric(metrics, 'ProcessTime');
    const started = performance.now();
    await page.setInputFiles('#pg-file', file);
    await page.waitForFunction(() => {
      const segment = document.querySelector<HTMLButtonElement>('#wb-segment');
      return (segment && !segment.disabled) || document.querySelector('#wb-columns-error');
    }, null, { timeout: 300_000, polling: 50 });
    const inspected = performance.now();
    if (await page.$('#wb-columns-error')) throw new Error(`the panel could not use ${file}: ${await page.textContent('#wb-columns-error')}`);
    await page.click('#wb-segment');
    await page.waitForSelector('#wb-result, #wb-run-message', { timeout: 300_000 });
    const shown = performance.now();
    const cpu = (await metric(metrics, 'ProcessTime')) - cpuBefore;
    if (await page.$('#wb-run-message')) throw new Error(`the run failed: ${await page.textContent('#wb-run-message')}`);
    if (problems.length > 0) throw new Error(`the page reported: ${problems.join('; ')}`);
    const memory = rendererMemory(await rendererIds(browser));
    return {
      open: (inspected - started) / 1000,
      run: (shown - inspected) / 1000,
      wall: (shown - started) / 1000,
      cpu,
      peakMB: memory.peakMB,
      summaryMB: memory.nowMB,
      privateMB: memory.privateMB,
      heapMB: (await metric(metrics, 'JSHeapUsedSize')) / 1048576,
    };
  } finally {
    await browser.close();
  }
}

async function metric(session: CDPSession, name: string): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((m) => m.name === name)?.value ?? Number.NaN;
}

async function rendererIds(browser: Browser): Promise<number[]> {
  const session = await browser.newBrowserCDPSession();
  const info = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  return info.processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
}

/** The renderer with the largest high-water mark: its VmHWM, VmRSS and RssAnon in MB. */
function rendererMemory(ids: number[]): { peakMB: number; nowMB: number; privateMB: number } {
  let best = { peakMB: 0, nowMB: 0, privateMB: 0 };
  for (const id of ids) {
    const status = readFileSync(`/proc/${id}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    const peakMB = kb('VmHWM') / 1024;
    if (peakMB > best.peakMB) best = { peakMB, nowMB: kb('VmRSS') / 1024, privateMB: kb('RssAnon') / 1024 };
  }
  return best;
}
