/**
 * The Data issues tab: every row that was not used, so nothing is dropped silently (SPEC §1).
 *
 * Notes: sales rows read, used and rejected, and the rows rejected in the optional sources. Then
 * a summary — rejected rows per reason, for the reasons that occur — and the list: the user's
 * name of the sheet or file the row is in, the row number as the user sees it, the reason in words
 * and the offending cell text. The list is ordered by source (sales, requests, contacts,
 * complaints), then by sheet name, then by row. With no rejected row the tab holds only its notes.
 *
 * Example: row 17 of the sales sheet with the date "31.02.2026" → Sales, 17, "Date cannot be
 * read", 31.02.2026.
 */
import { compareCodePoints } from '../basics/compare.js';
import type { SheetSpec, TableSpec } from './spec.js';
import type { RejectReason, RejectedRow } from '../read/types.js';
import { SOURCE_KEYS, type SourceKey } from '../sources/sources.js';
import { col, tableOf, textOrNull } from './columns.js';
import type { ReportContext } from './context.js';

export function issuesSheet(ctx: ReportContext): SheetSpec {
  const { analysis, m } = ctx;
  const { rows, accepted, rejected } = analysis.input;
  const other = rejected.filter((r) => sourceOf(r) !== 'sales').length;
  const notes = [m.notes.issues(rows, accepted, rejected.length - other)];
  if (other > 0) notes.push(m.notes.issuesOther(other));
  const sheet: Omit<SheetSpec, 'notes' | 'tables'> = { key: 'issues', name: m.tabs.issues, charts: [], freezeHeader: false };
  if (rejected.length === 0) return { ...sheet, notes: [...notes, m.notes.issuesNone], tables: [] };
  return { ...sheet, notes, tables: [summaryTable(ctx, rejected), listTable(ctx, rejected)] };
}

function summaryTable(ctx: ReportContext, rejected: readonly RejectedRow[]): TableSpec {
  const { m } = ctx;
  const reasons = (Object.keys(m.reject) as RejectReason[]).filter((reason) => rejected.some((r) => r.reason === reason));
  const columns = [
    col<RejectReason>('reason', m.columns.reason, 'text', 36, (reason) => m.reject[reason]),
    col<RejectReason>('rows', m.columns.rows, 'integer', undefined, (reason) => rejected.filter((r) => r.reason === reason).length),
  ];
  return { id: 'summary', title: m.titles.issuesSummary, ...tableOf(columns, reasons), asTable: false };
}

function listTable(ctx: ReportContext, rejected: readonly RejectedRow[]): TableSpec {
  const { m } = ctx;
  const sorted = [...rejected].sort(
    (p, q) =>
      SOURCE_KEYS.indexOf(sourceOf(p)) - SOURCE_KEYS.indexOf(sourceOf(q)) ||
      compareCodePoints(p.sheet ?? '', q.sheet ?? '') ||
      p.row - q.row,
  );
  const columns = [
    col<RejectedRow>('sheet', m.columns.sheet, 'text', 36, (r) => sheetName(ctx, r)),
    col<RejectedRow>('row', m.columns.row, 'integer', undefined, (r) => r.row),
    col<RejectedRow>('reason', m.columns.reason, 'text', 36, (r) => m.reject[r.reason]),
    col<RejectedRow>('value', m.columns.cellValue, 'text', 24, (r) => textOrNull(r.value)),
  ];
  return { id: 'rejected', title: m.titles.issuesList, ...tableOf(columns, sorted), asTable: true };
}

function sourceOf(row: RejectedRow): SourceKey {
  return row.source ?? 'sales';
}

/** The user's name of the row's sheet or file; the source's default name when it has none. */
function sheetName(ctx: ReportContext, row: RejectedRow): string {
  return row.sheet ?? ctx.m.source[sourceOf(row)];
}
