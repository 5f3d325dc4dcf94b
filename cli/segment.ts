/**
 * `winback segment`: the sales file (and any companion files or sheets) opened once, the core's
 * pipeline run over them, then the report written as .xlsx and/or .json. Returns the analysis;
 * an input that cannot be used is an InputError whose message is the one line for the user
 * (exit code 2, SPEC §9). Rejected rows are reported, not fatal.
 *
 * Companion sources: a file given with --requests / --contacts / --complaints, else a sheet of the
 * sales workbook named like the source (core/sources), read from the workbook already open.
 */
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import {
  companionSheets,
  failureMessage,
  OPTIONAL_SOURCES,
  runPipeline,
  toJsonReport,
  words,
  type Analysis,
  type Lang,
  type OptionalSource,
  type PipelineFailure,
  type SourceKey,
} from '../core/index.js';
import { reportWorkbook, reportXlsxBytes } from '../xlsx/write-report.js';
import type { SegmentCommand } from './args.js';
import type { ProgressLine } from './progress.js';
import { openFile, type OpenedFile } from './read-file.js';

export class InputError extends Error {}

/** Where a source comes from: an opened file and the sheet of it (undefined: its first sheet). */
interface SourceFile {
  file: OpenedFile;
  sheet?: string;
  /** The user's name for it: the sheet's name (a text file's sheet is named after the file). */
  label: string;
}

export async function runSegment(cmd: SegmentCommand, progress: ProgressLine): Promise<Analysis> {
  const text = words(cmd.lang).cli;
  const out = cmd.out ?? (cmd.json ? undefined : 'winback-report.xlsx');
  for (const target of [out, cmd.json]) {
    if (target && resolve(target) === resolve(splitSheet(cmd.input)[0])) throw new InputError(text.wouldOverwrite(target));
  }
  progress.stage(text.reading(basename(cmd.input)));
  const sources = await openSources(cmd, progress);
  const request = {
    sources: Object.fromEntries(Object.entries(sources).map(([key, source]) => [key, source.label])) as { sales: string } & Partial<Record<SourceKey, string>>,
    options: cmd.options,
    lang: cmd.lang,
  };
  const outcome = await runPipeline(
    request,
    {
      has: async () => true,
      read: async (key) => {
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
    },
  );
  if (!outcome.ok) throw new InputError(outcome.cancelled ? '' : failureMessage(cmd.lang, outcome.failure, 'cli'));
  const analysis = outcome.analysis;
  const { rows, accepted, rejected } = analysis.input;
  progress.stage(text.read(rows, accepted, rejected.length));
  if (out) {
    progress.stage(text.writing(out));
    await writeFile(out, await reportXlsxBytes(reportWorkbook(outcome.sheets), outcome.sheets));
  }
  if (cmd.json) await writeFile(cmd.json, JSON.stringify(toJsonReport(analysis, cmd.lang), null, 1));
  progress.done(text.done(analysis.clients.length, analysis.winBack.length, [out, cmd.json].filter(Boolean).join(', ')));
  return analysis;
}

/** Opens the sales file and every companion source, each file once. */
async function openSources(cmd: SegmentCommand, progress: ProgressLine): Promise<{ sales: SourceFile } & Partial<Record<SourceKey, SourceFile>>> {
  const text = words(cmd.lang).cli;
  const [salesPath, salesSheet] = splitSheet(cmd.input);
  const salesFile = await openOrFail(salesPath, cmd.lang);
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
      sources[key] = { file: salesFile, sheet, label: sheet };
      progress.stage(text.companion(words(cmd.lang).report.source[key], sheet));
    }
  }
  return sources;
}

async function openOrFail(path: string, lang: Lang): Promise<OpenedFile> {
  const opened = await openFile(path);
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
  return { file, sheet: name, label: name };
}

/** `book.xlsx#Sheet` → [`book.xlsx`, `Sheet`]. */
export function splitSheet(file: string): [string, string | undefined] {
  const hash = file.lastIndexOf('#');
  return hash > 0 ? [file.slice(0, hash), file.slice(hash + 1)] : [file, undefined];
}
