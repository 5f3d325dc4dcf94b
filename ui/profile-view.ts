/**
 * The panel's "How the sales data was read" block, shown with the inspection, before Segment, so a
 * wrong guess shows before a number is trusted (issue 17, item 13). It says what the report's Data
 * issues tab says, in the same words:
 * - its one-line summary: a file's encoding, delimiter and header row (a sheet's header row), and
 *   how many of the rows looked at will not be used;
 * - the lines of the tab's table of the same name (core readProfileLines): encoding, delimiter,
 *   header row, the column of each field and the other candidates, decimal separators, dates,
 *   two-digit years, invisible characters;
 * - the rows that will not be used, per reason, as the tab's "Rejected rows by reason";
 * - when the host handed over only the top of the sheet (Excel, Google Sheets), how many rows that
 *   was: the tab covers every row.
 * The block is folded to its summary, and open when the reader was not sure of the encoding, the
 * delimiter or a decimal separator. Sheet values go in as text only.
 *
 * Example (en): a Windows-1251 file with a subtotal and a bad date → summary "Read as Windows-1251
 * (Cyrillic), columns separated by semicolon, header in row 3. 2 rows will not be used.", reasons
 * [['Subtotal or total row', 1], ['Date cannot be read', 1]].
 */
import { readProfileLines, readProfileUnsure, rejectReasonText, words, type Lang, type ProfileLine, type SheetInspection } from '../core/index.js';
import { h } from './dom.js';

export interface ProfileContent {
  summary: string;
  lines: ProfileLine[];
  /** [reason in words, rows] */
  reasons: [string, number][];
  /** The sentence saying the rows looked at are only the top of the sheet; null when they are all of it. */
  sample: string | null;
  /** The reader was not sure of something: the block opens. */
  unsure: boolean;
}

export const PROFILE_ID = 'wb-profile';

export function profileContent(lang: Lang, inspection: SheetInspection): ProfileContent | null {
  const { profile } = inspection;
  if (!inspection.ok || !profile) return null;
  const { report, panel, format } = words(lang);
  const p = report.profile;
  const read = profile.file
    ? p.line(p.encodings[profile.file.encoding], p.delimiters[profile.file.delimiter], profile.headerRow)
    : p.sheetLine(profile.headerRow);
  const notUsed = profile.rejected.reduce((n, r) => n + r.rows, 0);
  return {
    summary: notUsed > 0 ? `${read} ${panel.readProfile.notUsed(notUsed, format.count(notUsed))}` : read,
    lines: readProfileLines(lang, profile),
    reasons: profile.rejected.map(({ reason, rows }) => [rejectReasonText(lang, reason), rows]),
    sample: profile.rows < inspection.rows ? panel.readProfile.sample(format.count(profile.rows), format.count(inspection.rows), report.tabs.issues) : null,
    unsure: readProfileUnsure(profile),
  };
}

/** The block, or null when the sheet's header was not found. `open` is the user's last choice, if any. */
export function profileView(doc: Document, lang: Lang, inspection: SheetInspection, open: boolean | null, onToggle: (open: boolean) => void): HTMLElement | null {
  const content = profileContent(lang, inspection);
  if (!content) return null;
  const { report, format } = words(lang);
  const summaryId = `${PROFILE_ID}-summary`;
  const table = (caption: string | null, labelledBy: string | null, head: [string, string], rows: [string, string][]) =>
    h(
      doc,
      'table',
      { class: 'wb-profile', 'aria-labelledby': labelledBy ?? undefined },
      caption ? h(doc, 'caption', {}, caption) : null,
      h(doc, 'thead', {}, h(doc, 'tr', {}, h(doc, 'th', { scope: 'col' }, head[0]), h(doc, 'th', { scope: 'col' }, head[1]))),
      h(doc, 'tbody', {}, ...rows.map(([what, how]) => h(doc, 'tr', {}, h(doc, 'th', { scope: 'row' }, what), h(doc, 'td', {}, how)))),
    );
  const details = h(
    doc,
    'details',
    { class: 'wb-section wb-details', id: PROFILE_ID, open: open ?? content.unsure },
    h(doc, 'summary', { id: summaryId }, report.titles.profile, h(doc, 'span', { class: 'wb-summary-line' }, content.summary)),
    table(null, summaryId, [report.columns.aspect, report.columns.reading], content.lines),
    content.reasons.length > 0
      ? table(report.titles.issuesSummary, null, [report.columns.reason, report.columns.rows], content.reasons.map(([reason, rows]) => [reason, format.count(rows)]))
      : h(doc, 'p', { class: 'wb-help' }, report.notes.issuesNone),
    content.sample ? h(doc, 'p', { class: 'wb-help' }, content.sample) : null,
  );
  details.addEventListener('toggle', () => {
    if (details.isConnected) onToggle(details.open);
  });
  return details;
}
