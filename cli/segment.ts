/**
 * `winback segment`: files in → read → analyze → report → .xlsx and/or .json out.
 * Returns the exit code (SPEC §9): 0 on success (rejected rows are reported, not fatal), 2 on
 * unusable input with a one-line reason.
 */
import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { analyze } from '../core/analyze/analyze.js';
import type { Analysis } from '../core/analyze/analysis.js';
import { cliText, failureText, type Lang } from '../core/i18n/index.js';
import { toJsonReport } from '../core/report/json-report.js';
import { buildReport } from '../core/report/index.js';
import { readComplaints, readContacts, readRequests, readSales } from '../core/read/index.js';
import type { Grid, ReadOptions, ReadOutcome } from '../core/read/types.js';
import type { SegmentCommand } from './args.js';
import type { ProgressLine } from './progress.js';
import { readGridFromFile } from './read-file.js';
import { findCompanionSheets } from '../core/sources/companion-sheets.js';
import { writeReportXlsx } from '../xlsx/write-report.js';

export class InputError extends Error {}

export async function runSegment(cmd: SegmentCommand, progress: ProgressLine): Promise<Analysis> {
  const text = cliText(cmd.lang);
  const out = cmd.out ?? (cmd.json ? undefined : 'winback-report.xlsx');
  for (const target of [out, cmd.json]) {
    if (target && resolve(target) === resolve(cmd.input)) throw new InputError(text.wouldOverwrite(target));
  }
  progress.stage(text.reading(basename(cmd.input)));
  const source = await readOrFail(cmd.input, cmd.sheet, cmd.lang);
  const sales = orFail(readSales(source.grid, { date1904: source.date1904 }), cmd.lang, cmd.input);
  progress.stage(text.read(sales.dataRows, sales.records.length, sales.rejected.length));

  const companions = { requests: cmd.requests, contacts: cmd.contacts, complaints: cmd.complaints };
  for (const found of findCompanionSheets(cmd.input, source.sheetNames ?? [], source.sheetName, companions)) {
    companions[found.kind] = found.file;
    progress.stage(text.companion(found.kind, found.sheet));
  }
  const requests = await readCompanion(companions.requests, readRequests, cmd.lang);
  const contacts = await readCompanion(companions.contacts, readContacts, cmd.lang);
  const complaints = await readCompanion(companions.complaints, readComplaints, cmd.lang);
  const companionRejected = [requests, contacts, complaints].flatMap((c) => c?.rejected ?? []);

  progress.stage(text.analysing(sales.records.length));
  const outcome = analyze(
    {
      sales: sales.records,
      requests: requests?.records ?? sales.requests,
      contacts: contacts?.records,
      complaints: complaints?.records,
      rows: sales.dataRows,
      rejected: [...sales.rejected, ...companionRejected],
    },
    cmd.options,
  );
  if (!outcome.ok) throw new InputError(failureText(cmd.lang, outcome.code));
  const analysis = outcome.analysis;
  if (out) {
    progress.stage(text.writing(out));
    await writeReportXlsx(buildReport(analysis, cmd.lang), out);
  }
  if (cmd.json) await writeFile(cmd.json, JSON.stringify(toJsonReport(analysis, cmd.lang), null, 1));
  progress.done(text.done(analysis.clients.length, analysis.winBack.length, [out, cmd.json].filter(Boolean).join(', ')));
  return analysis;
}

async function readOrFail(file: string, sheet: string | undefined, lang: Lang) {
  const [path, namedSheet] = splitSheet(file);
  try {
    return await readGridFromFile(path, sheet ?? namedSheet);
  } catch (error) {
    throw new InputError(cliText(lang).unreadable(path, (error as Error).message));
  }
}

function orFail<T, F extends string>(outcome: ReadOutcome<T, F>, lang: Lang, file: string) {
  if (!outcome.ok) throw new InputError(cliText(lang).unusable(file, failureText(lang, outcome.code, outcome.missing)));
  return outcome;
}

/** Records of an optional source, and its rejected rows labelled with the file (and sheet). */
async function readCompanion<T, F extends string>(
  file: string | undefined,
  read: (grid: Grid, options: ReadOptions<F>) => ReadOutcome<T, F>,
  lang: Lang,
) {
  if (!file) return undefined;
  const { grid, date1904 } = await readOrFail(file, undefined, lang);
  const outcome = orFail(read(grid, { date1904 }), lang, file);
  const sheet = basename(file);
  return { records: outcome.records, rejected: outcome.rejected.map((r) => ({ ...r, sheet })) };
}

/** `book.xlsx#Sheet` → [`book.xlsx`, `Sheet`]. */
export function splitSheet(file: string): [string, string | undefined] {
  const hash = file.lastIndexOf('#');
  return hash > 0 ? [file.slice(0, hash), file.slice(hash + 1)] : [file, undefined];
}
