/**
 * The fuzzing profile of issue 17: a few hundred generated files — text in every encoding and
 * delimiter, broken quotes, random bytes, invisible names, blank runs, xlsx workbooks — through
 * the command line. For every file: no stack trace, exit 0 or 2 only, one line on a refusal, and
 * on success the JSON's invariant accepted + requests + rejected = rows. The same seed gives the
 * same files, so a failure names a file that can be made again. A few files also go through the
 * real `winback` binary, to see its exit codes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.js';
import { cp1251 } from '../helpers/cp1251.js';
import { xlsxBytes } from '../read/every-reader.js';

const SEED = 20_261_201;
const TEXT_FILES = 300;
const WORKBOOKS = 20;

let dir: string;
let stderr: string[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'winback-fuzz-'));
  vi.spyOn(process.stderr, 'write').mockImplementation((text: string | Uint8Array) => {
    stderr.push(String(text));
    return true;
  });
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => {
  stderr = [];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = fc.constantFrom(['Client', 'Date', 'Amount'], ['Контрагент', 'Дата', 'Сумма', 'Вид'], ['Customer', 'Invoice Date', 'Amount'], ['a', 'b', 'c'], []);
const CELL = fc.oneof(
  fc.constantFrom('Acme', 'ООО "Ромашка"', '"Beta', 'x"y', '\u200b', 'Cибирь', 'Итого', '2026-03-05', '05.03.99', '2999-01-01', '1 234,50', '1,234', '(5)', 'request', '', '   ', '=1+1'),
  fc.string({ maxLength: 8 }),
);
/** Mostly sales lines that read (client, date, amount), some mangled, some random, some empty. */
const SALE = fc.tuple(
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom('Acme', 'ООО Ромашка', 'Beta Ltd', 'Сибирь', 'Cибирь') }, { weight: 1, arbitrary: CELL }),
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom('2026-03-05', '2026-01-10', '05.02.2026', '2025-12-31') }, { weight: 1, arbitrary: CELL }),
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom('10', '1 234,50', '99.5', '-5') }, { weight: 1, arbitrary: CELL }),
);
const LINE = fc.oneof(
  { weight: 8, arbitrary: SALE.map((cells) => [...cells]) },
  { weight: 2, arbitrary: fc.array(CELL, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constant([] as string[]) },
);
const TEXT = fc.record({
  header: HEADER,
  lines: fc.array(LINE, { maxLength: 40 }),
  delimiter: fc.constantFrom(',', ';', '\t'),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'windows-1251', 'utf-16le', 'garbage'),
  blanks: fc.nat({ max: 2000 }),
});

type TextFile = typeof TEXT extends fc.Arbitrary<infer T> ? T : never;

function bytesOf(file: TextFile): Uint8Array {
  const text = [file.header, ...file.lines].map((line) => line.join(file.delimiter)).join('\n') + '\n'.repeat(1 + file.blanks);
  switch (file.encoding) {
    case 'windows-1251':
      return cp1251([...text].map((ch) => (ch.charCodeAt(0) < 0x80 || /[А-яЁё№\u00a0]/.test(ch) ? ch : '?')).join(''));
    case 'utf-16le':
      return Uint8Array.from([0xff, 0xfe, ...[...text].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8])]);
    case 'garbage': {
      const bytes = new TextEncoder().encode(text);
      return bytes.map((b, i) => (i % 97 === 13 ? 0xc0 + (i % 50) : b));
    }
    default: {
      const bytes = new TextEncoder().encode(text);
      return file.encoding === 'utf-8-bom' ? Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]) : bytes;
    }
  }
}

/** One run of `winback segment FILE --json OUT` (and the workbook too): its exit code, what it said, its JSON. */
async function segment(path: string, workbook = false) {
  const out = `${path}.json`;
  let code: number;
  try {
    code = await main(['segment', path, '--json', out, ...(workbook ? ['--out', `${path}.report.xlsx`] : []), '--quiet'], { LANG: 'C' });
  } catch (error) {
    throw new Error(`${path}: the command threw ${(error as Error).stack}`);
  }
  return { code, message: stderr.join(''), report: existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null };
}

function expectSound(path: string, run: Awaited<ReturnType<typeof segment>>): void {
  expect([0, 2], path).toContain(run.code);
  expect(run.message, path).not.toMatch(/\n\s+at /);
  if (run.code === 2) {
    expect(run.message.trim().split('\n'), path).toHaveLength(1);
    expect(run.report, path).toBeNull();
    return;
  }
  const { rows, accepted, requests, rejected } = run.report.input;
  const sales = rejected.filter((r: { source?: string }) => (r.source ?? 'sales') === 'sales');
  const counted = sales.reduce((n: number, r: { row: number; toRow?: number }) => n + (r.toRow === undefined ? 1 : r.toRow - r.row + 1), 0);
  expect(accepted + requests + counted, path).toBe(rows);
}

describe('the fuzzing profile', () => {
  it(`runs ${TEXT_FILES} generated text files through the command line: exit 0 or 2, one line, the invariant`, async () => {
    const files = fc.sample(TEXT, { seed: SEED, numRuns: TEXT_FILES });
    const codes = { 0: 0, 2: 0 };
    for (const [i, file] of files.entries()) {
      const path = join(dir, `text-${i}.csv`);
      writeFileSync(path, bytesOf(file));
      const run = await segment(path, i % 10 === 0);
      expectSound(path, run);
      if (i % 10 === 0) expect(existsSync(`${path}.report.xlsx`), path).toBe(run.code === 0);
      codes[run.code as 0 | 2]++;
      stderr = [];
    }
    // Both outcomes occur, so the profile exercises the refusals and the reports.
    expect(codes[0]).toBeGreaterThan(20);
    expect(codes[2]).toBeGreaterThan(20);
  }, 120_000);

  it(`runs ${WORKBOOKS} generated workbooks and random bytes through the command line`, async () => {
    const grids = fc.sample(fc.array(fc.array(fc.oneof(CELL, fc.double(), fc.date({ noInvalidDate: true }), fc.boolean(), fc.constant(null)), { maxLength: 5 }), { maxLength: 30 }), {
      seed: SEED,
      numRuns: WORKBOOKS,
    });
    for (const [i, grid] of grids.entries()) {
      const path = join(dir, `book-${i}.xlsx`);
      writeFileSync(path, await xlsxBytes([['Client', 'Date', 'Amount'], ...grid]));
      expectSound(path, await segment(path));
      stderr = [];
    }
    for (const [i, bytes] of fc.sample(fc.uint8Array({ maxLength: 300 }), { seed: SEED, numRuns: 20 }).entries()) {
      const path = join(dir, `bytes-${i}.xlsx`);
      writeFileSync(path, Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes]));
      expectSound(path, await segment(path));
      stderr = [];
    }
  }, 120_000);

  it('gives the same exit codes from the real binary', () => {
    const binary = join(process.cwd(), 'bin/winback.mjs');
    if (!existsSync(join(process.cwd(), 'dist/cli/winback.js'))) throw new Error('dist/cli/winback.js is missing: run `npm run build:cli` (npm ci does)');
    for (const [name, bytes, code] of [
      ['ok.csv', 'Client,Date,Amount\nAcme,2026-03-05,10\n', 0],
      ['broken.csv', 'Client,Date,Amount\n"Acme,2026-03-05,10\nBeta,2026-03-06,5\n', 0],
      ['nothing.csv', '', 2],
      ['fake.xlsx', 'PK\u0003\u0004 no zip', 2],
    ] as const) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const run = spawnSync(process.execPath, [binary, 'segment', path, '--json', `${path}.json`, '--quiet'], { encoding: 'utf8' });
      expect(run.status, name).toBe(code);
      expect(run.stderr, name).not.toMatch(/\n\s+at /);
    }
  });
});
