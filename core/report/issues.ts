/**
 * The Data issues tab: every row that was not used, so nothing is dropped silently (SPEC §1), and
 * how the sales data was read, so a wrong guess shows before a number is trusted.
 *
 * Notes: sales rows read, used, requests and rejected (a run of blank rows counts all its rows),
 * and the rows rejected in the optional sources. Then:
 * 1. a summary — rejected rows per reason, for the reasons that occur;
 * 2. how the sales data was read (input.profile): encoding and delimiter of a text file (and
 *    whether the reader is sure), the header row, the column chosen for each field with the other
 *    columns that could have been, the decimal separator of each numeric column, the dates of the
 *    accepted rows, two-digit years and invisible characters when there were any;
 * 3. client names that look the same (possible duplicates; never merged), when there are any;
 * 4. the list: the user's name of the sheet or file the row is in, the row number as the user
 *    sees it (a blank run: its first and last row), the reason in words and the offending cell
 *    text. Ordered by source (sales, requests, contacts, complaints), then sheet name, then row.
 *
 * Example: row 17 of the sales sheet with the date "31.02.2026" → Sales, 17, –, "Date cannot be
 * read", 31.02.2026; rows 6 to 1,000,005 empty → Sales, 6, 1000005, "Empty row".
 */
import { compareCodePoints } from '../basics/compare.js';
import type { SheetSpec, TableSpec } from './spec.js';
import { moneyCurrency } from '../options/currency.js';
import { rejectedByReason, sourceOf, type LookAlike, type ReadProfile, type ReasonCount, type RejectedRow } from '../read/types.js';
import { SOURCE_KEYS } from '../sources/sources.js';
import { col, tableOf, textOrNull } from './columns.js';
import type { ReportContext } from './context.js';
import { readProfileLines, type ProfileLine } from './read-profile.js';

export function issuesSheet(ctx: ReportContext): SheetSpec {
  const { analysis, m } = ctx;
  const { rows, accepted, requests, rejected, profile } = analysis.input;
  const { sales, other } = ctx.rejectedRows;
  const notes = [m.notes.issues(rows, accepted, requests, sales)];
  if (other > 0) notes.push(m.notes.issuesOther(other));
  if (rejected.length === 0) notes.push(m.notes.issuesNone);
  const lookAlikes = profile?.lookAlikes ?? [];
  if (lookAlikes.length > 0) notes.push(m.notes.lookAlikes);
  const tables: TableSpec[] = [];
  if (rejected.length > 0) tables.push(summaryTable(ctx, rejected));
  if (profile) tables.push(profileTable(ctx, profile));
  if (lookAlikes.length > 0) tables.push(lookAlikeTable(ctx, lookAlikes));
  if (rejected.length > 0) tables.push(listTable(ctx, rejected));
  return { key: 'issues', name: m.tabs.issues, charts: [], freezeHeader: false, notes, tables };
}

function summaryTable(ctx: ReportContext, rejected: readonly RejectedRow[]): TableSpec {
  const { m } = ctx;
  const columns = [
    col<ReasonCount>('reason', m.columns.reason, 'text', 36, ({ reason }) => m.reject[reason]),
    col<ReasonCount>('rows', m.columns.rows, 'integer', undefined, ({ rows }) => rows),
  ];
  return { id: 'summary', title: m.titles.issuesSummary, ...tableOf(columns, rejectedByReason(rejected)), asTable: false };
}

/** One line per thing the reader decided: what, and how it was read (read-profile.ts). */
function profileTable(ctx: ReportContext, profile: ReadProfile): TableSpec {
  const { m } = ctx;
  const columns = [
    col<ProfileLine>('aspect', m.columns.aspect, 'text', 36, ([aspect]) => aspect),
    col<ProfileLine>('reading', m.columns.reading, 'text', 60, ([, reading]) => reading),
  ];
  return { id: 'profile', title: m.titles.profile, ...tableOf(columns, readProfileLines(ctx.lang, profile, moneyCurrency(ctx.analysis.options))), asTable: false };
}

/** Each name of each look-alike group, with its lines and the characters that set it apart. */
function lookAlikeTable(ctx: ReportContext, groups: readonly LookAlike[][]): TableSpec {
  const { m } = ctx;
  const items = groups.flatMap((group) => group.map((name) => ({ ...name, apart: setApart(name.name) })));
  const columns = [
    col<(typeof items)[number]>('name', m.columns.name, 'text', 36, (item) => item.name),
    col<(typeof items)[number]>('lines', m.columns.lines, 'integer', undefined, (item) => item.lines),
    col<(typeof items)[number]>('letters', m.columns.letters, 'text', 40, (item) => textOrNull(item.apart)),
  ];
  return { id: 'lookAlikes', title: m.titles.lookAlikes, ...tableOf(columns, items), asTable: false };
}

/**
 * What sets a name apart from its look-alikes: its letters written in another alphabet than most
 * of its letters (`Cибирь` → `C U+0043`, a Latin C among Cyrillic letters), no-break spaces and
 * doubled spaces.
 */
function setApart(name: string): string {
  const scripts = { latin: 0, cyrillic: 0, greek: 0 };
  const scriptOf = (code: number): keyof typeof scripts | null =>
    (code >= 65 && code <= 90) || (code >= 97 && code <= 122) ? 'latin' : code >= 0x400 && code <= 0x4ff ? 'cyrillic' : code >= 0x370 && code <= 0x3ff ? 'greek' : null;
  for (const ch of name) {
    const script = scriptOf(ch.codePointAt(0)!);
    if (script) scripts[script]++;
  }
  const main = (Object.keys(scripts) as (keyof typeof scripts)[]).reduce((a, b) => (scripts[b] > scripts[a] ? b : a));
  const marks = new Set<string>();
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    const script = scriptOf(code);
    const space = /\s/.test(ch) && ch !== ' ';
    if ((script !== null && script !== main) || space) marks.add(`${space ? '' : `${ch} `}U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  if (/ {2}/.test(name)) marks.add('"  "');
  return [...marks].join(', ');
}

function listTable(ctx: ReportContext, rejected: readonly RejectedRow[]): TableSpec {
  const { m } = ctx;
  const order = (p: RejectedRow, q: RejectedRow) =>
    SOURCE_RANK.get(sourceOf(p))! - SOURCE_RANK.get(sourceOf(q))! || (p.sheet === q.sheet ? 0 : compareCodePoints(p.sheet ?? '', q.sheet ?? '')) || p.row - q.row;
  // The readers report rows in this order already (135,080 of them on Online Retail): checked, not sorted again.
  const sorted = rejected.every((row, i) => i === 0 || order(rejected[i - 1]!, row) <= 0) ? rejected : [...rejected].sort(order);
  const columns = [
    col<RejectedRow>('sheet', m.columns.sheet, 'text', 36, (r) => sheetName(ctx, r)),
    col<RejectedRow>('row', m.columns.row, 'integer', undefined, (r) => r.row),
    col<RejectedRow>('toRow', m.columns.toRow, 'integer', undefined, (r) => r.toRow ?? null),
    col<RejectedRow>('reason', m.columns.reason, 'text', 36, (r) => m.reject[r.reason]),
    col<RejectedRow>('value', m.columns.cellValue, 'text', 24, (r) => textOrNull(r.value)),
  ];
  return { id: 'rejected', title: m.titles.issuesList, ...tableOf(columns, sorted), asTable: true };
}

const SOURCE_RANK = new Map(SOURCE_KEYS.map((key, rank) => [key, rank]));

/** The user's name of the row's sheet or file; the source's default name when it has none. */
function sheetName(ctx: ReportContext, row: RejectedRow): string {
  return row.sheet ?? ctx.m.source[sourceOf(row)];
}
