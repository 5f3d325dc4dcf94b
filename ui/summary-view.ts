/**
 * The panel's result view after a run: clients per status, the ABC-XYZ matrix as a small heat-map
 * table, the top of the win-back list with its actions, links that open each written tab, and the
 * rejected rows with a link to the Data issues tab. Client names are sheet data: text only.
 */
import { heatMap, parseIsoDay, scaleColour, statusLabel, words, type Lang, type RunSummary, type SheetKey, type WrittenTab } from '../core/index.js';
import { h } from './dom.js';

const STATUSES = ['new', 'active', 'at-risk', 'lost'] as const;
const ABC = ['A', 'B', 'C'] as const;
const XYZ = ['X', 'Y', 'Z', 'N'] as const;

export interface SummaryViewInput {
  summary: RunSummary;
  tabs: WrittenTab[];
  /** The language the run wrote in (the summary's data texts are in it). */
  runLang: Lang;
}

export const RESULT_HEADING_ID = 'wb-result-heading';

export function summaryView(doc: Document, lang: Lang, input: SummaryViewInput, openSheet: (name: string) => void): HTMLElement {
  const text = words(lang).panel;
  const { summary, tabs } = input;
  const tabName = (key: SheetKey) => tabs.find((tab) => tab.key === key)?.name;
  const link = (label: string, sheet: string | undefined, id?: string) => {
    if (!sheet) return null;
    const button = h(doc, 'button', { type: 'button', class: 'wb-link', id }, label);
    button.addEventListener('click', () => openSheet(sheet));
    return button;
  };
  const { count, date: formatDate } = words(lang).format;
  const date = (iso: string) => formatDate(parseIsoDay(iso) ?? 0);

  return h(
    doc,
    'div',
    {},
    h(doc, 'h2', { id: RESULT_HEADING_ID, tabindex: -1 }, text.result.heading),
    h(doc, 'p', { id: 'wb-result-line' }, text.result.line(summary.clients, count(summary.clients), date(summary.asOf), date(summary.windowFrom), date(summary.windowTo))),
    input.runLang !== lang ? h(doc, 'p', { class: 'wb-note' }, text.result.otherLanguage) : null,
    h(doc, 'h3', {}, text.result.statusHeading),
    h(
      doc,
      'ul',
      { class: 'wb-statuses', id: 'wb-status-counts' },
      ...STATUSES.map((status) =>
        h(doc, 'li', { class: `wb-${status}` }, h(doc, 'span', {}, statusLabel(lang, status)), h(doc, 'strong', {}, count(summary.statusCounts[status]))),
      ),
    ),
    h(doc, 'h3', { id: 'wb-matrix-heading' }, text.result.matrixHeading),
    matrixTable(doc, lang, summary.matrix),
    h(doc, 'h3', {}, text.result.winBackHeading),
    winBackList(doc, lang, summary),
    summary.winBackCount > 0 ? h(doc, 'p', {}, link(text.result.winBackAll(count(summary.winBackCount)), tabName('winback'), 'wb-open-winback')) : null,
    summary.modelNote ? h(doc, 'p', { class: 'wb-help' }, summary.modelNote) : null,
    h(doc, 'h3', {}, text.result.tabsHeading),
    h(doc, 'ul', { class: 'wb-tabs', id: 'wb-tabs' }, ...tabs.map((tab) => h(doc, 'li', {}, link(tab.name, tab.name)))),
    h(
      doc,
      'p',
      { id: 'wb-rejected' },
      summary.rejectedRows > 0 ? `${text.result.rejected(summary.rejectedRows, count(summary.rejectedRows))} ` : text.result.rejectedNone,
      summary.rejectedRows > 0 ? link(text.result.rejectedLink, tabName('issues'), 'wb-open-issues') : null,
    ),
  );
}

/** Rows A, B, C × columns X, Y, Z, N, each cell's background on the report's heat-map scale. */
function matrixTable(doc: Document, lang: Lang, matrix: Record<string, number>): HTMLElement {
  const counts = ABC.flatMap((abc) => XYZ.map((xyz) => matrix[abc + xyz] ?? 0));
  const sorted = [...counts].sort((a, b) => a - b);
  const middle = (sorted[5]! + sorted[6]!) / 2;
  const stops = heatMap([]);
  return h(
    doc,
    'table',
    { class: 'wb-heat', id: 'wb-matrix', 'aria-labelledby': 'wb-matrix-heading' },
    h(doc, 'caption', {}, words(lang).panel.result.matrixCaption),
    h(doc, 'thead', {}, h(doc, 'tr', {}, h(doc, 'td', {}), ...XYZ.map((xyz) => h(doc, 'th', { scope: 'col' }, xyz)))),
    h(
      doc,
      'tbody',
      {},
      ...ABC.map((abc) =>
        h(
          doc,
          'tr',
          {},
          h(doc, 'th', { scope: 'row' }, abc),
          ...XYZ.map((xyz) => {
            const n = matrix[abc + xyz] ?? 0;
            const cell = h(doc, 'td', { 'data-cell': abc + xyz }, words(lang).format.count(n));
            cell.style.backgroundColor = scaleColour(n, sorted[0]!, middle, sorted[sorted.length - 1]!, stops);
            return cell;
          }),
        ),
      ),
    ),
  );
}

function winBackList(doc: Document, lang: Lang, summary: RunSummary): HTMLElement {
  const text = words(lang).panel;
  if (summary.topWinBack.length === 0) return h(doc, 'p', {}, text.result.winBackNone);
  return h(
    doc,
    'ol',
    { class: 'wb-winback', id: 'wb-winback' },
    ...summary.topWinBack.map((client) =>
      h(
        doc,
        'li',
        {},
        h(doc, 'div', { class: 'wb-client' }, client.client),
        h(doc, 'div', { class: 'wb-meta' }, [client.tier, client.status].filter(Boolean).join(' · ')),
        h(doc, 'ul', { class: 'wb-chips' }, ...client.signals.map((signal) => h(doc, 'li', {}, signal))),
        client.actions.length > 0
          ? h(doc, 'details', {}, h(doc, 'summary', {}, text.result.actions), h(doc, 'ul', {}, ...client.actions.map((action) => h(doc, 'li', {}, action))))
          : null,
      ),
    ),
  );
}
