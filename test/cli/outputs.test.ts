/**
 * Issue 17 items 1–2 and issue 12 item 7: the command line never overwrites an input, checks its
 * outputs before any work, leaves nothing half-written, corrects columns with --map, and speaks the
 * language of --lang — every refusal one sentence and exit 2. Disk faults (read-only folder, full
 * disk, a folder vanishing) are injected through the outputs' file system.
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseCommandLine } from '../../cli/args.js';
import { main } from '../../cli/main.js';
import { memoryProblem } from '../../cli/memory.js';
import { fileSystem, nodeFs, type OutputFs } from '../../cli/outputs.js';
import { stderrProgress } from '../../cli/progress.js';
import { InputError, runSegment } from '../../cli/segment.js';

let dir: string;
const CSV = 'Client,Customer ID,Date,Amount\nAcme Ltd,C-1,2026-03-01,100\nBeta LLC,C-2,2026-03-02,50\nAcme Ltd,C-1,2026-03-05,70\n';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'winback-outputs-'));
  writeFileSync(join(dir, 'sales.csv'), CSV);
  writeFileSync(join(dir, 'req.csv'), 'Client,Date\nAcme Ltd,2026-03-02\n');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Sales');
  for (const line of CSV.trim().split('\n')) sheet.addRow(line.split(','));
  await book.xlsx.writeFile(join(dir, 'book.xlsx'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let errors: string[] = [];
beforeAll(() => {
  vi.spyOn(process.stderr, 'write').mockImplementation((text: string | Uint8Array) => {
    errors.push(String(text));
    return true;
  });
});
afterEach(() => {
  errors = [];
});

const at = (name: string) => join(dir, name);
const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
/** Files left in the folder that are not the test's own (temporary files would show here). */
const leftovers = (folder = dir) => readdirSync(folder).filter((name) => name.includes('winback-tmp'));

async function run(...argv: string[]): Promise<{ code: number; message: string }> {
  const code = await main(['segment', ...argv, '--quiet'], { LANG: 'en_US.UTF-8' });
  return { code, message: errors.join('') };
}

describe('an output may never replace an input (item 1)', () => {
  it.each([
    ['the workbook of book.xlsx#Sales', ['book.xlsx#Sales', '--out', 'book.xlsx'], 'book.xlsx'],
    ['a companion file as --out', ['sales.csv', '--requests', 'req.csv', '--out', 'req.csv'], 'req.csv'],
    ['a companion file as --json', ['sales.csv', '--requests', 'req.csv', '--json', 'req.csv'], 'req.csv'],
    ['the input through another spelling of its path', ['sales.csv', '--json', './sub/../sales.csv'], 'sales.csv'],
  ])('refuses %s', async (_, argv, file) => {
    mkdirSync(at('sub'), { recursive: true });
    const before = digest(at(file));
    const { code, message } = await run(...argv.map((a) => (a.startsWith('-') ? a : a.replace(/^(\.\/)?/, `${dir}/`))));
    expect(code).toBe(2);
    expect(message).toMatch(/is an input file: it will not be overwritten/);
    expect(message.trim().split('\n')).toHaveLength(1);
    expect(digest(at(file))).toBe(before);
  });

  it('refuses a symbolic link and a hard link to the input', async () => {
    symlinkSync(at('sales.csv'), at('link.json'));
    linkSync(at('sales.csv'), at('hard.json'));
    const before = digest(at('sales.csv'));
    for (const out of ['link.json', 'hard.json']) {
      errors = [];
      const { code, message } = await run(at('sales.csv'), '--json', at(out));
      expect(code).toBe(2);
      expect(message).toContain('is an input file');
    }
    expect(digest(at('sales.csv'))).toBe(before);
  });

  it('refuses --out and --json naming the same file', async () => {
    const { code, message } = await run(at('sales.csv'), '--out', at('same.out'), '--json', at('same.out'));
    expect(code).toBe(2);
    expect(message).toContain('--out and --json both name');
    expect(existsSync(at('same.out'))).toBe(false);
  });
});

describe('outputs checked before any work, nothing half-written (item 2)', () => {
  it('says in one sentence that the folder is missing or that the path is a folder, and writes nothing', async () => {
    let result = await run(at('sales.csv'), '--out', at('nowhere/report.xlsx'));
    expect(result).toEqual({ code: 2, message: expect.stringMatching(/^winback: cannot write --out .*nowhere\/report\.xlsx: the folder .*nowhere does not exist\n$/) });
    errors = [];
    mkdirSync(at('a-folder'));
    result = await run(at('sales.csv'), '--json', at('a-folder'));
    expect(result).toEqual({ code: 2, message: expect.stringMatching(/cannot write --json .*a-folder: it is a folder\n$/) });
  });

  it('refuses a folder that cannot be written to before reading anything', async () => {
    const readOnly: OutputFs = { ...nodeFs, access: async () => Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })) };
    await expect(runSegment(command(['--out', at('ro/report.xlsx')]), quiet(), readOnly)).rejects.toThrow(
      new InputError(`cannot write --out ${at('ro/report.xlsx')}: the folder ${at('ro')} does not exist`),
    );
    mkdirSync(at('ro'));
    await expect(runSegment(command(['--out', at('ro/report.xlsx')]), quiet(), readOnly)).rejects.toThrow(`the folder ${at('ro')} cannot be written to`);
  });

  it('on a full disk leaves the previous report and JSON as they were, and no temporary file', async () => {
    mkdirSync(at('full'));
    writeFileSync(at('full/report.xlsx'), 'the old report');
    writeFileSync(at('full/report.json'), 'the old json');
    let writes = 0;
    const fullDisk: OutputFs = {
      ...nodeFs,
      async write(path, parts) {
        if (++writes === 2) {
          writeFileSync(path, 'half');
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        }
        return nodeFs.write(path, parts);
      },
    };
    await expect(runSegment(command(['--out', at('full/report.xlsx'), '--json', at('full/report.json')]), quiet(), fullDisk)).rejects.toThrow(
      `cannot write --json ${at('full/report.json')}: the disk is full (nothing was written)`,
    );
    expect(readFileSync(at('full/report.xlsx'), 'utf8')).toBe('the old report');
    expect(readFileSync(at('full/report.json'), 'utf8')).toBe('the old json');
    expect(leftovers(at('full'))).toEqual([]);
  });

  it('writes text and byte parts in order, whatever their sizes (texts gathered into megabyte writes)', async () => {
    const long = 'Ж'.repeat(400_000) + '€';
    const parts: (string | Uint8Array)[] = ['{', 'Ромашка "ООО"', new Uint8Array([0x41, 0x42]), '', long, 'x'.repeat(349_525), '💶', new TextEncoder().encode('ё'), '}'];
    for (let i = 0; i < 2000; i++) parts.push(`,${i}:Сумма`);
    await nodeFs.write(at('parts.txt'), parts);
    const expected = Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));
    expect(readFileSync(at('parts.txt')).equals(expected)).toBe(true);
  });

  it('writes every byte when the file system takes a few at a time (a short write), and stops on a write that takes none', async () => {
    const parts: (string | Uint8Array)[] = ['Сумма, руб.', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]), 'x'.repeat(400_000), '€'];
    const written: number[] = [];
    // A handle that takes at most 7 bytes a write, as a file system may (filehandle.write's bytesWritten).
    const handle = (limit: number) => ({
      write: async (bytes: Uint8Array, offset = 0, length = bytes.length - offset) => {
        const taken = Math.min(limit, length);
        written.push(...bytes.subarray(offset, offset + taken));
        return { bytesWritten: taken, buffer: bytes };
      },
      sync: async () => {},
      close: async () => {},
    });
    await fileSystem(async () => handle(7) as never).write('short.txt', parts);
    const expected = Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));
    expect(Buffer.from(written).equals(expected)).toBe(true);
    // The sentence the user reads, through writeOutputs.
    const stalled = fileSystem(async () => handle(0) as never);
    mkdirSync(at('stalled'));
    await expect(runSegment(command(['--json', at('stalled/report.json')]), quiet(), stalled)).rejects.toThrow(
      new InputError(`cannot write --json ${at('stalled/report.json')}: the disk stopped taking the file (nothing was written)`),
    );
    expect(leftovers(at('stalled'))).toEqual([]);
  });

  it('replaces the previous files only once both are written', async () => {
    mkdirSync(at('ok'));
    writeFileSync(at('ok/report.json'), 'old');
    const { code } = await run(at('sales.csv'), '--out', at('ok/report.xlsx'), '--json', at('ok/report.json'));
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(at('ok/report.json'), 'utf8')).input).toMatchObject({ rows: 3, accepted: 3, requests: 0 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(at('ok/report.xlsx'));
    expect(book.worksheets[0]!.name).toBe('Summary');
    expect(leftovers(at('ok'))).toEqual([]);
  });
});

describe('--map field="Header" (issue 12, item 7)', () => {
  it('takes the named column for the field instead of the detected one', async () => {
    const { code } = await run(at('sales.csv'), '--map', 'client="Customer ID"', '--json', at('mapped.json'));
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(at('mapped.json'), 'utf8'));
    expect(report.clients.map((c: { client: string }) => c.client)).toEqual(['C-1', 'C-2']);
    expect(report.input.profile.columns[0]).toEqual({ field: 'client', column: 1, letter: 'B', header: 'Customer ID', candidates: [{ column: 0, letter: 'A', header: 'Client' }] });
  });

  it('says which headers there are when the named one is not among them', async () => {
    const { code, message } = await run(at('sales.csv'), '--map', 'client=Buyer', '--json', at('x.json'));
    expect(code).toBe(2);
    expect(message).toBe('winback: sales.csv: no column headed "Buyer" (the headers are: Client, Customer ID, Date, Amount)\n');
    expect(existsSync(at('x.json'))).toBe(false);
  });

  it('refuses a --map that is not FIELD="Header" with a known field', () => {
    const error = (map: string) => {
      const parsed = parseCommandLine(['segment', 'a.csv', '--map', map], 'en');
      return parsed.kind === 'error' ? parsed.error : '';
    };
    expect(error('customer=Buyer')).toMatch(/^--map must be FIELD="Header" with FIELD one of client, date, amount/);
    expect(error('client=')).toContain('(got "client=")');
    const ok = parseCommandLine(['segment', 'a.csv', '--map', 'client="Customer ID"', '--map', 'amount=Net'], 'en');
    expect(ok.kind === 'run' && ok.command.headers).toEqual({ client: 'Customer ID', amount: 'Net' });
  });
});

describe('--currency (issue 12, item 6)', () => {
  /** The number format of each number cell under the header `header` on the Clients tab. */
  async function columnFormats(file: string, header: string): Promise<string[]> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('Clients')!;
    const formats: string[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell, c) => {
        if (cell.value === header) {
          for (let r = Number(row.number) + 1; r <= sheet.rowCount; r++) {
            const below = sheet.getRow(r).getCell(c);
            if (typeof below.value === 'number') formats.push(below.numFmt);
          }
        }
      });
    });
    return formats;
  }

  it('shows the money in the currency the amounts show: "12 345,67 ₽" → RUB', async () => {
    writeFileSync(at('rub.csv'), 'Client;Date;Amount\nAcme Ltd;01.03.2026;12 345,67 ₽\nBeta LLC;02.03.2026;1 200,00 ₽\nAcme Ltd;05.03.2026;700 ₽\n');
    const { code } = await run(at('rub.csv'), '--out', at('rub.xlsx'), '--json', at('rub.json'));
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(at('rub.json'), 'utf8'));
    expect([report.currency, report.input.profile.currencies]).toEqual(['RUB', ['RUB']]);
    const formats = await columnFormats(at('rub.xlsx'), 'Revenue');
    expect(formats).toHaveLength(2);
    expect(new Set(formats)).toEqual(new Set(['"₽"#,##0.00']));
  });

  it('takes a code in any case, or none, over what the amounts show', async () => {
    expect((await run(at('sales.csv'), '--currency', 'usd', '--out', at('usd.xlsx'), '--json', at('usd.json'))).code).toBe(0);
    expect(JSON.parse(readFileSync(at('usd.json'), 'utf8')).currency).toBe('USD');
    expect(new Set(await columnFormats(at('usd.xlsx'), 'Revenue'))).toEqual(new Set(['"$"#,##0.00']));
    expect((await run(at('sales.csv'), '--out', at('plain.xlsx'), '--json', at('plain.json'))).code).toBe(0);
    expect(JSON.parse(readFileSync(at('plain.json'), 'utf8')).currency).toBeNull();
    expect(new Set(await columnFormats(at('plain.xlsx'), 'Revenue'))).toEqual(new Set(['#,##0.00']));
    const none = parseCommandLine(['segment', 'a.csv', '--currency', 'NONE'], 'en');
    expect(none.kind === 'run' && none.command.options.currency).toBe('none');
  });

  it('refuses any other value in one sentence, in the chosen language, exit 2, nothing written', async () => {
    const english = await run(at('sales.csv'), '--currency', 'rubles', '--json', at('bad.json'));
    expect(english).toEqual({ code: 2, message: 'winback: --currency must be one of RUB, USD, EUR, GBP, none (got "rubles")\n' });
    errors = [];
    const russian = await run(at('sales.csv'), '--currency', 'KZT', '--lang', 'ru', '--json', at('bad.json'));
    expect(russian).toEqual({ code: 2, message: 'winback: --currency: нужно одно из: RUB, USD, EUR, GBP, none (получено «KZT»)\n' });
    expect(existsSync(at('bad.json'))).toBe(false);
  });
});

describe('every message in the chosen language', () => {
  it('answers in Russian with --lang ru, even when the environment is English and the line is wrong', async () => {
    const bad = parseCommandLine(['segment', 'a.csv', '--period', 'year', '--lang', 'ru'], 'en');
    expect(bad).toEqual({ kind: 'error', error: expect.stringContaining('--period: нужно') });
    const { code, message } = await run(at('sales.csv'), '--lang', 'ru', '--out', at('nowhere/r.xlsx'));
    expect(code).toBe(2);
    expect(message).toContain('папки');
    errors = [];
    const input = await run(at('sales.csv'), '--lang=ru', '--json', at('sales.csv'));
    expect(input.message).toContain('это входной файл');
  });
});

describe('a file too big for the memory budget', () => {
  it('gets a sentence with its lines and what to do before any work', async () => {
    const sentence = await memoryProblem(at('sales.csv'), 'en', { heap: 100, total: 1_000_000 });
    expect(sentence).toBe('sales.csv has about 4 lines: reading them needs about 0 MB of memory, more than the 0 MB this computer can give; run it with --engine duckdb, which aggregates the lines on disk (or split the file, for example by year)');
    expect(await memoryProblem(at('sales.csv'), 'en')).toBeNull();
    expect(await memoryProblem(at('book.xlsx'), 'en', { heap: 1, total: 1 })).toBeNull();
  });
});

function command(extra: string[]) {
  const parsed = parseCommandLine(['segment', at('sales.csv'), ...extra], 'en');
  if (parsed.kind !== 'run') throw new Error('bad command');
  return parsed.command;
}

function quiet() {
  return stderrProgress(true);
}
