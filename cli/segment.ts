/**
 * `winback segment`: the outputs checked first (cli/outputs.ts: writable, never an input, not
 * the same file twice), the sales file sized against the memory this process can use, then the
 * sales file (and any companion files or sheets) opened once and read straight from the bytes,
 * the core's pipeline run over them, and the report written as .xlsx and/or .json — each to a
 * temporary file renamed over its target only when all are written. Returns the analysis; an
 * input or output that cannot be used is an InputError whose message is the one line for the user
 * (exit code 2, SPEC §9). Rejected rows are reported, not fatal.
 *
 * Companion sources: a file given with --requests / --contacts / --complaints, else a sheet of the
 * sales workbook named like the source (core/sources), read from the workbook already open.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  companionSheets,
  failureMessage,
  OPTIONAL_SOURCES,
  rejectedRows,
  runPipeline,
  jsonReportText,
  words,
  type Analysis,
  type CountFitJob,
  type Lang,
  type OptionalSource,
  type PipelineFailure,
  type SourceKey,
  type SourceRead,
} from '../core/index.js';
import { reportXlsxBytes } from '../xlsx/write-xlsx.js';
import { zlibCompression } from './zlib-deflate.js';
import { XlsxProblem } from '../xlsx/read-xlsx.js';
import type { SegmentCommand } from './args.js';
import { memoryProblem } from './memory.js';
import { startSecondThread, type SecondThread } from './second-thread.js';
import { checkOutputs, nodeFs, OutputError, writeOutputs, type Output, type OutputFs } from './outputs.js';
import type { ProgressLine } from './progress.js';
import { fileProblem, openFile, type OpenedFile } from './read-file.js';
import { EngineProblem, readAggregates, readWithDuckDb, type EngineSource } from '../warehouse/duckdb-engine.js';
import { AggregateProblem } from '../warehouse/aggregates.js';

export class InputError extends Error {}

/** Where a source comes from: an opened file and the sheet of it (undefined: its first sheet). */
interface SourceFile {
  file: OpenedFile;
  sheet?: string;
  /** The user's name for it: the sheet's name (a text file's sheet is named after the file). */
  label: string;
  /** The file's path as given. */
  path: string;
}

export async function runSegment(cmd: SegmentCommand, progress: ProgressLine, fs: OutputFs = nodeFs): Promise<Analysis> {
  const text = words(cmd.lang).cli;
  const out = cmd.out ?? (cmd.json ? undefined : 'winback-report.xlsx');
  const outputs: Output[] = [...(out ? [{ option: '--out' as const, path: out }] : []), ...(cmd.json ? [{ option: '--json' as const, path: cmd.json }] : [])];
  const inputs = [cmd.input, ...OPTIONAL_SOURCES.map((key) => cmd[key]).filter((f): f is string => Boolean(f))].map((f) => splitSheet(f)[0]);
  const refused = await checkOutputs(outputs, inputs, cmd.lang, fs);
  if (refused) throw new InputError(refused);
  const [salesPath] = splitSheet(cmd.input);
  if (cmd.engine === 'memory') {
    if (await isParquet(salesPath)) throw new InputError(text.engine.parquet(salesPath));
    const tooBig = await memoryProblem(salesPath, cmd.lang);
    if (tooBig) throw new InputError(tooBig);
  }

  const thread = startSecondThread();
  try {
    return await segmentWith(cmd, progress, fs, { text, out, outputs, salesPath, thread });
  } finally {
    thread?.close();
  }
}

async function segmentWith(
  cmd: SegmentCommand,
  progress: ProgressLine,
  fs: OutputFs,
  { text, out, outputs, salesPath, thread }: { text: ReturnType<typeof words>['cli']; out: string | undefined; outputs: Output[]; salesPath: string; thread: SecondThread | null },
): Promise<Analysis> {
  progress.stage(text.reading(basename(salesPath)));
  const engine = cmd.engine === 'duckdb' ? await readByEngine(cmd) : undefined;
  const engineRead = engine?.read;
  const sources = await openSources(cmd, progress, engine?.file ?? (await openOrFail(salesPath, cmd.lang, thread)));
  const request = {
    sources: Object.fromEntries(Object.entries(sources).map(([key, source]) => [key, source.label])) as { sales: string } & Partial<Record<SourceKey, string>>,
    options: cmd.options,
    lang: cmd.lang,
    headers: cmd.headers,
    tabs: out !== undefined,
  };
  let outcome;
  try {
    outcome = await runPipeline(
      request,
      {
        has: async () => true,
        read: async (key) => {
          if (key === 'sales' && engineRead) return engineRead;
          const source = sources[key]!;
          return source.file.read(source.sheet);
        },
      },
      {
        onProgress: (p) => {
          if (p.stage === 'analyze' && p.done === 0) progress.stage(text.analysing(p.total));
        },
        cancelled: () => false,
        pause: async () => {},
        ...(thread ? { fit: (jobs: readonly CountFitJob[]) => thread.fit(jobs) } : {}),
      },
    );
  } catch (error) {
    throw new InputError(readingProblem(error, sources.sales.path, cmd.lang));
  }
  // The second thread has done its jobs: its memory is given back before the outputs are written.
  thread?.close();
  if (!outcome.ok) throw new InputError(outcome.cancelled ? '' : failureMessage(cmd.lang, outcome.failure, 'cli'));
  const analysis = outcome.analysis;
  const { rows, accepted, requests, rejected } = analysis.input;
  progress.stage(text.read(rows, accepted, requests, rejectedRows(rejected).sales));
  const sheets = outcome.sheets;
  const written = outputs.map((output) => ({
    ...output,
    parts: output.option === '--out' ? () => [reportXlsxBytes(sheets, { compression: zlibCompression })] : () => jsonReportText(analysis, cmd.lang),
  }));
  for (const output of written) progress.stage(text.writing(output.path));
  try {
    await writeOutputs(written, cmd.lang, fs);
  } catch (error) {
    if (error instanceof OutputError) throw new InputError(error.message);
    throw error;
  }
  progress.done(text.done(analysis.clients.length, analysis.winBack.length, outputs.map((o) => o.path).join(', ')));
  return analysis;
}

/** True when the file starts with Parquet's magic bytes `PAR1` (only DuckDB reads it). */
async function isParquet(path: string): Promise<boolean> {
  return (await fileHead(path, 4)) === 'PAR1';
}

/** The file's first bytes as Latin-1 text ('' when it cannot be read: opening it later says why). */
async function fileHead(path: string, length: number): Promise<string> {
  try {
    const file = await open(path, 'r');
    try {
      const head = new Uint8Array(length);
      const { bytesRead } = await file.read(head, 0, length, 0);
      return String.fromCharCode(...head.subarray(0, bytesRead));
    } finally {
      await file.close();
    }
  } catch {
    return '';
  }
}

/** A file that turned out unreadable while its rows were read, in the command line's words. */
function readingProblem(error: unknown, path: string, lang: Lang): string {
  const problem = error instanceof XlsxProblem ? { code: 'not-workbook' as const, detail: error.message } : fileProblemOrThrow(error);
  return failureMessage(lang, { kind: 'unavailable', source: 'sales', sheet: path, problem }, 'cli');
}

function fileProblemOrThrow(error: unknown) {
  if (typeof (error as NodeJS.ErrnoException).code === 'string') return fileProblem(error);
  throw error;
}

/**
 * `--engine duckdb`: the sales lines read and aggregated by DuckDB (warehouse/duckdb-engine.ts) —
 * a Parquet file or a DuckDB table by DuckDB itself, a text file or a workbook's sheet opened as in
 * memory and its rows handed over — or with `--aggregates` the result of `winback sql`. Gives the
 * reader's outcome and the opened sales file (a workbook's other sheets hold the companion
 * sources); every refusal is one sentence.
 */
async function readByEngine(cmd: SegmentCommand): Promise<{ read: SourceRead; file: OpenedFile }> {
  const text = words(cmd.lang).cli;
  const [path, table] = splitSheet(cmd.input);
  try {
    if (cmd.aggregates) {
      await openOrFail(path, cmd.lang);
      return { read: await readAggregates(path), file: engineFile(path, table) };
    }
    let source: EngineSource;
    let file: OpenedFile;
    if (await isParquet(path)) {
      source = { kind: 'parquet', path };
      file = engineFile(path, undefined);
    } else if (await isDuckDbFile(path)) {
      if (table === undefined) throw new InputError(text.engine.needsTable(path));
      source = { kind: 'database', path, table };
      file = engineFile(path, table);
    } else {
      file = await openOrFail(path, cmd.lang);
      const answer = file.read(located(file, path, table ?? cmd.sheet, cmd.lang).sheet);
      if ('problem' in answer) throw new InputError(failureMessage(cmd.lang, { kind: 'unavailable', source: 'sales', sheet: path, problem: answer.problem }, 'cli'));
      source = { kind: 'sheet', rows: answer.grid, date1904: answer.date1904, textCells: !file.isWorkbook };
    }
    const outcome = await readWithDuckDb({ source, headers: cmd.headers, asOf: cmd.options.asOf });
    if ('failure' in outcome) throw new InputError(unusable(outcome.failure, file.sheetNamed(table ?? cmd.sheet) ?? basename(path), cmd.lang));
    return { read: outcome, file };
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof AggregateProblem) throw new InputError(text.aggregatesProblem(path, error.message));
    if (error instanceof XlsxProblem) throw new InputError(readingProblem(error, path, cmd.lang));
    if (!(error instanceof EngineProblem)) throw error;
    if (error.code === 'no-table') throw new InputError(text.engine.noTable(error.detail, path));
    throw new InputError(text.engine.unreadable(path, error.detail.split('\n')[0]!));
  }
}

/** A sheet whose header the engine could not use, in the command line's words. */
function unusable(failure: Pick<Extract<PipelineFailure, { kind: 'unusable' }>, 'code' | 'missing' | 'header' | 'headers'>, sheet: string, lang: Lang): string {
  const { code, missing, header, headers } = failure;
  return failureMessage(lang, { kind: 'unusable', source: 'sales', sheet, code, missing, ...(header === undefined ? {} : { header, headers }) }, 'cli');
}

/** True when the file starts as a DuckDB database does (its magic bytes `DUCK` after the first 8). */
async function isDuckDbFile(path: string): Promise<boolean> {
  return (await fileHead(path, 12)).slice(8) === 'DUCK';
}

/** The sales source in its opened file, and every companion source, each file opened once. */
async function openSources(cmd: SegmentCommand, progress: ProgressLine, salesFile: OpenedFile): Promise<{ sales: SourceFile } & Partial<Record<SourceKey, SourceFile>>> {
  const text = words(cmd.lang).cli;
  const [salesPath, salesSheet] = splitSheet(cmd.input);
  const sales = located(salesFile, salesPath, salesSheet ?? cmd.sheet, cmd.lang);
  const sources: { sales: SourceFile } & Partial<Record<SourceKey, SourceFile>> = { sales };
  for (const key of OPTIONAL_SOURCES) {
    const given = cmd[key];
    if (!given) continue;
    const [path, sheet] = splitSheet(given);
    sources[key] = located(await openOrFail(path, cmd.lang), path, sheet, cmd.lang);
  }
  if (salesFile.isWorkbook) {
    const given: Partial<Record<OptionalSource, string>> = { requests: cmd.requests, contacts: cmd.contacts, complaints: cmd.complaints };
    const found = companionSheets(salesFile.sheetNames, sales.label, given);
    for (const key of OPTIONAL_SOURCES) {
      const sheet = found[key];
      if (sheet === undefined) continue;
      sources[key] = { file: salesFile, sheet, label: sheet, path: salesPath };
      progress.stage(text.companion(words(cmd.lang).report.source[key], sheet));
    }
  }
  return sources;
}

/** The sales source an engine reads: one sheet, named after the table or the file; the pipeline never reads it as a file. */
function engineFile(path: string, table: string | undefined): OpenedFile {
  const name = table ?? basename(path);
  return { sheetNames: [name], isWorkbook: false, sheetNamed: () => name, read: () => ({ problem: { code: 'no-file' } }) };
}

async function openOrFail(path: string, lang: Lang, thread?: SecondThread | null): Promise<OpenedFile> {
  const opened = await openFile(path, thread ? (file, size) => thread.restOfFile(file, size) : undefined);
  if ('problem' in opened) throw new InputError(failureMessage(lang, { kind: 'unavailable', source: 'sales', sheet: path, problem: opened.problem }, 'cli'));
  return opened;
}

/** A source in an opened file, checked to exist: the named sheet, else the file's first sheet. */
function located(file: OpenedFile, path: string, sheet: string | undefined, lang: Lang): SourceFile {
  const name = file.sheetNamed(sheet);
  if (name === null) {
    const failure: PipelineFailure = { kind: 'unavailable', source: 'sales', sheet: path, problem: { code: 'no-sheet', sheet, sheets: file.sheetNames } };
    throw new InputError(failureMessage(lang, failure, 'cli'));
  }
  return { file, sheet: name, label: name, path };
}

/** `book.xlsx#Sheet` → [`book.xlsx`, `Sheet`]. */
export function splitSheet(file: string): [string, string | undefined] {
  const hash = file.lastIndexOf('#');
  return hash > 0 ? [file.slice(0, hash), file.slice(hash + 1)] : [file, undefined];
}
