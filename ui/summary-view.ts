/**
 * The panel's result view after a run: clients per status, the ABC-XYZ matrix as a small heat-map
 * table, the top of the win-back list as cards, links that open each written tab, and the rejected
 * rows with a link to the Data issues tab. Client names are sheet data: text only.
 *
 * Everything is worded here, in the language the panel speaks now, from the summary's numbers and
 * keys — so a language switch after a run re-words the cards too (the tabs keep the language they
 * were written in, and a note says so).
 *
 * The numbers explain each other: below the statuses, the clients without a status (only returns);
 * below the matrix, the clients without a class (nothing bought in the period), so each block adds
 * up to the client count of the first line. The heat-map is one hue, white to blue, in proportion
 * to the count of its cell (0 is white, the fullest cell the darkest): it says how many clients a
 * cell holds and nothing about good or bad — a full C-Z cell is as dark as a full A-X one.
 *
 * Each card: the client, its tier and status, the value at stake (formerValue, what the client
 * bought in its last active year) and the days without a purchase, the signs, and what to do.
 */
import {
  ABC_CLASSES,
  actionSentence,
  parseIsoDay,
  scaleColour,
  signalLabel,
  STATUSES,
  statusLabel,
  tierLabel,
  words,
  XYZ_CLASSES,
  type ColourStops,
  type Lang,
  type RunSummary,
  type SheetKey,
  type WrittenTab,
} from '../core/index.js';
import { h } from './dom.js';
import { explainer } from './explainer.js';

/** White to a mid blue: dark text stays readable on every cell (contrast above 4.5:1 with #242424). */
const HEAT: ColourStops = { low: '#FFFFFF', mid: '#DCE9F6', high: '#9DC3E6' };

export interface SummaryViewInput {
  summary: RunSummary;
  tabs: WrittenTab[];
  /** The language the run wrote its tabs in. */
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
    h(
      doc,
      'p',
      { id: 'wb-result-line' },
      text.result.line(summary.clients, count(summary.clients), date(summary.asOf), date(summary.windowFrom), date(summary.windowTo), summary.periods, summary.period),
    ),
    input.runLang !== lang ? h(doc, 'p', { class: 'wb-note' }, text.result.otherLanguage) : null,
    h(doc, 'h3', { id: 'wb-status-heading' }, text.result.statusHeading),
    h(
      doc,
      'ul',
      { class: 'wb-statuses', id: 'wb-status-counts', 'aria-labelledby': 'wb-status-heading' },
      ...STATUSES.map((status) =>
        h(doc, 'li', { class: `wb-${status}` }, h(doc, 'span', {}, statusLabel(lang, status)), h(doc, 'strong', {}, count(summary.statusCounts[status]))),
      ),
    ),
    summary.noStatus > 0 ? h(doc, 'p', { class: 'wb-help', id: 'wb-no-status' }, text.result.noStatus(summary.noStatus, count(summary.noStatus))) : null,
    explainer(doc, 'wb-explain-statuses', text.result.explain.statuses),
    h(doc, 'h3', { id: 'wb-matrix-heading' }, text.result.matrixHeading),
    matrixTable(doc, lang, summary.matrix),
    h(
      doc,
      'p',
      { class: 'wb-help', id: 'wb-no-class' },
      summary.noClass > 0 ? text.result.noClass(summary.noClass, count(summary.noClass)) : text.result.allClassified,
    ),
    explainer(doc, 'wb-explain-matrix', text.result.explain.matrix),
    h(doc, 'h3', { id: 'wb-winback-heading' }, text.result.winBackHeading),
    winBackList(doc, lang, summary),
    summary.winBackCount > 0 ? explainer(doc, 'wb-explain-winback', text.result.explain.winBack) : null,
    summary.winBackCount > 0 ? h(doc, 'p', {}, link(text.result.winBackAll(summary.winBackCount, count(summary.winBackCount)), tabName('winback'), 'wb-open-winback')) : null,
    modelNote(doc, lang, summary),
    h(doc, 'h3', { id: 'wb-tabs-heading' }, text.result.tabsHeading),
    h(doc, 'ul', { class: 'wb-tabs', id: 'wb-tabs', 'aria-labelledby': 'wb-tabs-heading' }, ...tabs.map((tab) => h(doc, 'li', {}, link(tab.name, tab.name)))),
    h(
      doc,
      'p',
      { id: 'wb-rejected' },
      summary.rejectedRows > 0 ? `${text.result.rejected(summary.rejectedRows, count(summary.rejectedRows))} ` : text.result.rejectedNone,
      summary.rejectedRows > 0 ? link(text.result.rejectedLink, tabName('issues'), 'wb-open-issues') : null,
    ),
  );
}

/** The shade of a cell holding `n` clients when the fullest cell holds `max`. */
export function heatColour(n: number, max: number): string {
  return max > 0 ? scaleColour(n, 0, max / 2, max, HEAT) : HEAT.low;
}

/** Rows A, B, C × columns X, Y, Z, N, each cell shaded by its count. */
function matrixTable(doc: Document, lang: Lang, matrix: Record<string, number>): HTMLElement {
  const max = Math.max(0, ...Object.values(matrix));
  return h(
    doc,
    'table',
    { class: 'wb-heat', id: 'wb-matrix', 'aria-labelledby': 'wb-matrix-heading', 'aria-describedby': 'wb-matrix-caption' },
    h(doc, 'caption', { id: 'wb-matrix-caption' }, words(lang).panel.result.matrixCaption),
    h(doc, 'thead', {}, h(doc, 'tr', {}, h(doc, 'td', {}), ...XYZ_CLASSES.map((xyz) => h(doc, 'th', { scope: 'col' }, xyz)))),
    h(
      doc,
      'tbody',
      {},
      ...ABC_CLASSES.map((abc) =>
        h(
          doc,
          'tr',
          {},
          h(doc, 'th', { scope: 'row' }, abc),
          ...XYZ_CLASSES.map((xyz) => {
            const n = matrix[abc + xyz] ?? 0;
            const cell = h(doc, 'td', { 'data-cell': abc + xyz }, words(lang).format.count(n));
            cell.style.backgroundColor = heatColour(n, max);
            return cell;
          }),
        ),
      ),
    ),
  );
}

function winBackList(doc: Document, lang: Lang, summary: RunSummary): HTMLElement {
  const text = words(lang).panel.result;
  const { amount, count } = words(lang).format;
  if (summary.topWinBack.length === 0) return h(doc, 'p', {}, text.winBackNone);
  return h(
    doc,
    'ol',
    { class: 'wb-winback', id: 'wb-winback', 'aria-labelledby': 'wb-winback-heading' },
    ...summary.topWinBack.map((card) =>
      h(
        doc,
        'li',
        {},
        h(doc, 'div', { class: 'wb-client' }, card.client),
        h(doc, 'div', { class: 'wb-meta' }, [card.list ? words(lang).report.list[card.list] : '', card.tier ? tierLabel(lang, card.tier) : '', card.status ? statusLabel(lang, card.status) : ''].filter(Boolean).join(' · ')),
        h(
          doc,
          'div',
          { class: 'wb-stake' },
          h(doc, 'strong', { class: 'wb-value' }, text.valueAtStake(amount(card.valueAtStake))),
          card.recencyDays === null ? null : h(doc, 'span', { class: 'wb-silent' }, text.silent(card.recencyDays, count(card.recencyDays))),
        ),
        h(doc, 'ul', { class: 'wb-chips' }, ...card.signals.map((signal) => h(doc, 'li', {}, signalLabel(lang, signal)))),
        card.actions.length > 0
          ? h(doc, 'details', {}, h(doc, 'summary', {}, text.actions), h(doc, 'ul', {}, ...card.actions.map((action) => h(doc, 'li', {}, actionSentence(lang, card, action)))))
          : null,
      ),
    ),
  );
}

/** Why P(alive) is empty or rough, in words, with the counts behind a "too few". */
function modelNote(doc: Document, lang: Lang, summary: RunSummary): HTMLElement | null {
  const model = summary.model;
  if (!model) return null;
  const { count } = words(lang).format;
  const report = words(lang).report;
  const text = words(lang).panel.result;
  if (model.kind === 'not-converged') {
    return h(doc, 'div', { id: 'wb-model-note' }, h(doc, 'p', { class: 'wb-help' }, report.notes.modelNotConverged), explainer(doc, 'wb-explain-converge', text.explain.notConverged));
  }
  const sentence =
    model.code === 'too-few-repeaters'
      ? text.modelTooFew(count(model.clients), count(model.repeaters), count(model.minClients), count(model.minRepeaters))
      : report.notes.modelSkipped(report.modelSkipped[model.code]);
  return h(doc, 'div', { id: 'wb-model-note' }, h(doc, 'p', { class: 'wb-help' }, sentence), explainer(doc, 'wb-explain-model-result', words(lang).panel.settings.explain.model));
}
