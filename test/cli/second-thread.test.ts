/**
 * The command line's second thread (cli/second-thread.ts, its worker cli/worker.ts as built into
 * dist/cli/worker.js by `npm ci`): the count-model fits and the second half of a large text file,
 * each the same as this thread gives, and every way a worker can fail handled by doing the job here.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { fileChunks, openFile } from '../../cli/read-file.js';
import fc from 'fast-check';
import { lineStartAfter, packRejected, restAnswer, restPartOf, startSecondThread, unpackRejected, WORKER_SCRIPT, type RestAnswer, type SecondThread } from '../../cli/second-thread.js';
import { REJECT_REASONS, type RejectedRow } from '../../core/read/types.js';
import { runCountFitJob, type CountFitJob } from '../../core/analyze/client-model.js';
import { csvSource } from '../../core/read/csv.js';
import { readSales, readSalesRest } from '../../core/read/read-sales.js';
import type { RestOfFile, RestPlan } from '../../core/read/rest-of-file.js';
import { HEADER_SEARCH_ROWS } from '../../core/read/detect-header.js';
import type { TableSource } from '../../core/read/table-source.js';
import { aggregateRepeatData } from '../../core/model/index.js';
import { cdnowSummary } from '../model/cdnow.js';

const BUILT = pathToFileURL(join(process.cwd(), 'dist/cli/worker.js'));
const data = aggregateRepeatData(cdnowSummary());
const jobs: CountFitJob[] = [
  { kind: 'bgnbd', data },
  { kind: 'paretonbd', data },
];
const folder = mkdtempSync(join(tmpdir(), 'winback-second-thread-'));
const script = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return pathToFileURL(path);
};
/** Files from 1 MB on are split (the command line's SPLIT_BYTES is 16 MB). */
const SPLIT = { splitBytes: 1 << 20 };
const built = () => {
  if (!existsSync(BUILT)) throw new Error('dist/cli/worker.js is missing: run `npm run build:cli` (npm ci does)');
  return BUILT;
};

describe('the second thread fitting the models', () => {
  it('gives the fits of this thread, number for number, in job order', async () => {
    const fitter = startSecondThread(built())!;
    try {
      const results = await fitter.fit(jobs);
      expect(results).toEqual(jobs.map(runCountFitJob));
      // CDNOW's published BG/NBD r (REFERENCE_RESULTS.md) comes back through the worker.
      expect(results[0]!.ok && results[0]!.params.r).toBeCloseTo(0.243, 3);
      expect(await fitter.fit([])).toEqual([]);
    } finally {
      fitter.close();
    }
  });

  it('is built beside the command line, where the command line looks for it', () => {
    // The command line's bundle resolves WORKER_SCRIPT next to itself: both must come out of the build.
    expect(WORKER_SCRIPT.pathname.endsWith('/cli/worker.js')).toBe(true);
    expect(existsSync(join(process.cwd(), 'dist/cli/winback.js'))).toBe(true);
    expect(existsSync(BUILT)).toBe(true);
  });

  it('is not started without its script (the command line run from its sources fits in its thread)', () => {
    expect(startSecondThread(pathToFileURL(join(folder, 'missing.js')))).toBeNull();
  });

  it('fits every job here that a worker never takes (this thread helps once it waits)', async () => {
    const idle = startSecondThread(script('idle.mjs', 'setInterval(() => {}, 1000);\n'))!;
    expect(await idle.fit(jobs)).toEqual(jobs.map(runCountFitJob));
    idle.close();
  });

  it('fits here what a worker that exits leaves, in this batch and every later one', async () => {
    const fitter = startSecondThread(script('exits.mjs', 'process.exit(3);\n'))!;
    expect(await fitter.fit(jobs)).toEqual(jobs.map(runCountFitJob));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await fitter.fit(jobs)).toEqual(jobs.map(runCountFitJob));
    fitter.close();
  });

  it('fits here the job a worker took and died with', async () => {
    const dies = script(
      'dies.mjs',
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', ({ fits }) => { Atomics.add(fits.claims, 0, 1); throw new Error('out of memory in the worker'); });\n",
    );
    const fitter = startSecondThread(dies)!;
    expect(await fitter.fit(jobs)).toEqual(jobs.map(runCountFitJob));
    fitter.close();
  });
});

/**
 * A sales CSV of 2 MB (the threads below split from 1 MB on): Russian names, comma decimals, and near the middle a run
 * of blank lines, a subtotal and a bad date, so the seam has something to get wrong.
 */
function largeCsv(): string {
  const path = join(folder, 'large.csv');
  const lines = ['Контрагент;Дата;Документ;Сумма;Менеджер'];
  // Bytes, not characters: each Cyrillic letter is two bytes in UTF-8.
  let bytes = 0;
  for (let i = 0; bytes < 2 << 20; i++) {
    if (i === 12_000) lines.push(';;;;', ';;;;', 'Итого;;;;', `ООО "Север-${i}";31.02.2026;Д-${i};5;Иванова А.`);
    // In the second half: what the worker reads and hands over packed (cli/second-thread.ts).
    if (i === 24_000) lines.push(';;;;', ';;;;', ';;;;', `;05.03.2026;Д-${i};5;Иванова А.`, `ООО "Юг-${i}";05.03.2026;Д-${i};сорок;Петров С.`, `ООО "Юг-${i}";2026-13-45;Д-${i};5;Петров С.`);
    const line = `ООО "Строй-${i % 997}";${String(1 + (i % 28)).padStart(2, '0')}.0${1 + (i % 9)}.2026;Д-${i};${i % 5000},25;${['Иванова А.', 'Петров С.'][i % 2]}`;
    lines.push(line);
    bytes += Buffer.byteLength(line) + 2;
  }
  writeFileSync(path, lines.join('\r\n') + '\r\n');
  return path;
}

/** The sales of `path` read through openFile with the thread's rest, and whether a rest was taken. */
async function readHalves(path: string, thread: SecondThread) {
  const taken: boolean[] = [];
  const file = await openFile(path, (at, size) => {
    const rest = thread.restOfFile(at, size);
    return rest && ({ ...rest, take: () => { const part = rest.take(); taken.push(part !== null); return part; } } satisfies RestOfFile);
  });
  if ('problem' in file) throw new Error(file.problem.code);
  const answer = file.read();
  if (!('grid' in answer)) throw new Error('no grid');
  return { outcome: readSales(answer.grid as TableSource), taken };
}

describe('the second thread reading the rest of a large text file', () => {
  const path = largeCsv();
  const whole = readSales(csvSource(fileChunks(path)));

  it('gives exactly what one pass in this thread gives', async () => {
    const thread = startSecondThread(built(), SPLIT)!;
    try {
      const { outcome, taken } = await readHalves(path, thread);
      expect(taken).toEqual([true]);
      expect(outcome).toEqual(whole);
      // Field for field and in the same order (the JSON report writes them so).
      expect(JSON.stringify(outcome)).toBe(JSON.stringify(whole));
      expect(whole.ok && whole.rejected.map((row) => row.reason)).toEqual(['blank', 'subtotal', 'bad-date', 'blank', 'no-client', 'bad-amount', 'bad-date']);
    } finally {
      thread.close();
    }
  });

  it('reads the rest here when the worker exits without a word (given up on after the stall time)', async () => {
    const thread = startSecondThread(script('silent.mjs', 'process.exit(3);\n'), { ...SPLIT, stallMs: 300 })!;
    const { outcome, taken } = await readHalves(path, thread);
    expect(taken).toEqual([false]);
    expect(outcome).toEqual(whole);
    thread.close();
  });

  it('reads the rest here when the worker answers without a part', async () => {
    const failing = script(
      'failing.mjs',
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', ({ rest }) => { rest.port.postMessage({ failed: 'the disk went away' }); Atomics.store(rest.flags, 0, 1); Atomics.notify(rest.flags, 0); });\n",
    );
    const thread = startSecondThread(failing, SPLIT)!;
    const { outcome, taken } = await readHalves(path, thread);
    expect(taken).toEqual([false]);
    expect(outcome).toEqual(whole);
    thread.close();
  });

  it('leaves a small file, and a file without a line break after its middle, to one pass', () => {
    const thread = startSecondThread(built(), SPLIT)!;
    const small = join(folder, 'small.csv');
    writeFileSync(small, 'Client;Date;Amount\r\nAcme;05.03.2026;5\r\n');
    expect(thread.restOfFile(small, 40)).toBeUndefined();
    expect(lineStartAfter(small, 25)).toBeNull();
    expect(lineStartAfter(small, 3)).toBe(20);
    thread.close();
  });
});

describe('rejected rows packed for the hand-over between the threads', () => {
  it('unpack to the same rows, field for field and in the same order, whatever their texts', () => {
    const rejected = fc
      .record({ row: fc.integer({ min: 1, max: 2 ** 31 - 1 }), run: fc.nat(1000), runs: fc.boolean(), reason: fc.constantFrom(...REJECT_REASONS), value: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }) })
      .map(({ row, run, runs, reason, value }): RejectedRow => ({ row, ...(runs ? { toRow: Math.min(2 ** 31 - 1, row + run + 1) } : {}), reason, ...(value === undefined ? {} : { value }) }));
    fc.assert(
      fc.property(fc.array(rejected, { maxLength: 50 }), (rows) => {
        const packed = structuredClone(packRejected(rows));
        expect(JSON.stringify(unpackRejected(packed))).toBe(JSON.stringify(rows));
      }),
    );
  });

  it('packs a row text, a blank run and a plain row as the comment says', () => {
    const packed = packRejected([
      { row: 3, reason: 'bad-date', value: '31.02' },
      { row: 5, toRow: 8, reason: 'blank' },
      { row: 9, reason: 'no-client' },
    ]);
    expect([...packed.row]).toEqual([3, 5, 9]);
    expect([...packed.toRow]).toEqual([0, 8, 0]);
    expect([...packed.reason].map((k) => REJECT_REASONS[k])).toEqual(['bad-date', 'blank', 'no-client']);
    expect(packed.indexedValues).toEqual([0, '31.02']);
  });

  it('refuses a reason it has no index for, rather than pack it as another', () => {
    expect(() => packRejected([{ row: 3, reason: 'no-such-reason' as RejectedRow['reason'] }])).toThrow(/no such reason/);
  });
});

describe("the rest's answer between the threads", () => {
  it('is read back as the part the worker read, its column buffers moved rather than copied', () => {
    // More rows above the seam than the header search reads ahead, so the top stops at it.
    const top = 'Клиент;Дата;Сумма;Менеджер\r\n' + 'ООО "Север";05.03.2026;5;Иванова А.\r\n'.repeat(HEADER_SEARCH_ROWS + 10);
    const rest = 'ООО "Юг";05.03.2026;7,50;Петров С.\r\n;;;\r\n;;;\r\n;05.03.2026;3;\r\nООО "Юг";31.02.2026;4;\r\nИтого;;10;\r\nООО "Север";06.03.2026;2;Иванова А.\r\n';
    const bytes = new TextEncoder().encode(top + rest);
    const from = new TextEncoder().encode(top).length;
    let plan: RestPlan | null = null;
    readSales(csvSource(bytes, { from, begin: (asked) => void (plan = asked), take: () => null, drop: () => {} }));
    let given = false;
    const part = readSalesRest(() => (given ? null : ((given = true), bytes.slice(from))), plan!);
    expect(part.table.rejected.map((row) => row.reason)).toEqual(['blank', 'no-client', 'bad-date', 'subtotal']);
    const before = structuredClone(part);

    const { answer, transfer } = restAnswer(part);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(answer, transfer);
    const received = restPartOf(receiveMessageOnPort(port2)!.message as RestAnswer);
    port1.close();

    expect(received).toEqual(before);
    expect(JSON.stringify(received)).toBe(JSON.stringify(before));
    // Every buffer listed was moved (detached here; a buffer listed twice would have made postMessage throw).
    expect(transfer.every((buffer) => buffer.byteLength === 0)).toBe(true);
    const { columns } = part.reader;
    expect([columns.row, columns.day, columns.amount, columns.client.ids, columns.manager!.ids].map((array) => array.length)).toEqual([0, 0, 0, 0, 0]);
  });
});
