/**
 * The panel's "Columns" block: one labelled <select> per field showing the detected column (the
 * user corrects a wrong guess there), and the preview of the first rows as the core reads them.
 * Header texts and cell values are sheet data: they go in as text only.
 *
 * A required field the sheet lacks is marked `aria-invalid` and described by the sentence that
 * says which column to pick.
 *
 * The preview shows values as the user's language writes them (dates `05.03.2026`, amounts
 * `28 609,01` in Russian); the scrollable box around it is a focusable region, so a keyboard can
 * scroll it (axe `scrollable-region-focusable`).
 */
import {
  columnLetters,
  hasOwn,
  PANEL_FIELDS,
  parseIsoDay,
  REQUIRED_SALES_FIELDS,
  rejectReasonText,
  words,
  type ColumnMapping,
  type Lang,
  type PanelField,
  type RejectReason,
  type SheetInspection,
} from '../core/index.js';
import { h } from './dom.js';

const NUMERIC: ReadonlySet<PanelField> = new Set(['amount', 'profit', 'quantity', 'price']);

/** Id of a field's select, for focus and tests. */
export const columnSelectId = (field: PanelField) => `wb-col-${field}`;

export const COLUMNS_ERROR_ID = 'wb-columns-error';

export function columnsView(
  doc: Document,
  lang: Lang,
  inspection: SheetInspection,
  onPick: (field: PanelField, column: number | undefined) => void,
): HTMLElement {
  const text = words(lang).panel;
  const missing = new Set(inspection.failure?.missing ?? []);
  const fields = PANEL_FIELDS.map((field) => {
    const id = columnSelectId(field);
    const select = h(doc, 'select', {
      id,
      'aria-invalid': missing.has(field) ? 'true' : undefined,
      'aria-describedby': missing.has(field) ? COLUMNS_ERROR_ID : undefined,
    });
    select.append(h(doc, 'option', { value: '' }, text.columns.notUsed));
    columnCount(inspection).forEach((column) => {
      const header = inspection.headers[column] ?? '';
      select.append(h(doc, 'option', { value: String(column) }, text.columns.option(columnLetters(column), header)));
    });
    const mapped = inspection.mapping[field];
    select.value = mapped === undefined ? '' : String(mapped);
    select.addEventListener('change', () => onPick(field, select.value === '' ? undefined : Number(select.value)));
    const required = (REQUIRED_SALES_FIELDS as readonly PanelField[]).includes(field);
    return h(
      doc,
      'div',
      { class: 'wb-field' },
      h(doc, 'label', { for: id }, text.columns.field[field], required ? h(doc, 'span', { class: 'wb-required' }, ` (${text.columns.required})`) : null),
      select,
    );
  });
  return h(
    doc,
    'div',
    {},
    h(doc, 'p', { class: 'wb-help', id: 'wb-columns-help' }, text.columns.help),
    ...fields,
    inspection.ok ? previewTable(doc, lang, inspection) : null,
  );
}

/** Column indices to offer: every header cell, and any column a mapping points past them. */
function columnCount(inspection: SheetInspection): number[] {
  const mapped = Object.values(inspection.mapping).filter((c): c is number => c !== undefined);
  const count = Math.max(inspection.headers.length, ...mapped.map((c) => c + 1), 0);
  return Array.from({ length: count }, (_, i) => i);
}

function previewTable(doc: Document, lang: Lang, inspection: SheetInspection): HTMLElement {
  const text = words(lang).panel;
  const { mapping } = inspection;
  const derivedAmount = mapping.amount === undefined && mapping.quantity !== undefined && mapping.price !== undefined;
  const fields = PANEL_FIELDS.filter((f) => mapping[f] !== undefined || (f === 'amount' && derivedAmount));
  if (inspection.preview.length === 0) return h(doc, 'p', { class: 'wb-help' }, text.preview.empty);
  const captionId = 'wb-preview-caption';
  const head = h(
    doc,
    'tr',
    {},
    h(doc, 'th', { scope: 'col' }, text.preview.row),
    ...fields.map((f) => h(doc, 'th', { scope: 'col' }, text.columns.field[f])),
  );
  const rows = inspection.preview.map((row) => {
    if (row.rejected) {
      return h(
        doc,
        'tr',
        { class: 'wb-skipped' },
        h(doc, 'th', { scope: 'row' }, String(row.row)),
        h(doc, 'td', { colspan: Math.max(1, fields.length) }, `${text.preview.skipped}: ${reasonText(lang, row.rejected)}`),
      );
    }
    return h(
      doc,
      'tr',
      {},
      h(doc, 'th', { scope: 'row' }, String(row.row)),
      ...fields.map((f) => h(doc, 'td', { class: NUMERIC.has(f) ? 'wb-number' : undefined }, shownValue(lang, f, row.values[f]))),
    );
  });
  return h(
    doc,
    'div',
    { class: 'wb-scroll', role: 'region', 'aria-labelledby': captionId, tabindex: 0 },
    h(doc, 'table', { class: 'wb-preview' }, h(doc, 'caption', { id: captionId }, text.preview.caption), h(doc, 'thead', {}, head), h(doc, 'tbody', {}, ...rows)),
  );
}

/**
 * A preview value as the user's language writes it: the inspection gives dates as `YYYY-MM-DD`
 * and numbers as plain decimals. Amount and profit: two decimals, grouped; quantity and price as
 * read. Text as it is.
 *
 * Example: ('ru', 'amount', '28609.01') → `28 609,01`; ('ru', 'date', '2026-03-05') → `05.03.2026`.
 */
export function shownValue(lang: Lang, field: PanelField, value: string | undefined): string {
  if (value === undefined) return '';
  const format = words(lang).format;
  if (field === 'date') {
    const day = parseIsoDay(value);
    return day === null ? value : format.date(day);
  }
  if (!NUMERIC.has(field) || !/^-?\d+(\.\d+)?$/.test(value)) return value;
  return field === 'amount' || field === 'profit' ? format.amount(Number(value)) : format.number(Number(value));
}

/**
 * `Client: A · Sale date: B · Amount: H` — the required columns the panel will use; an amount made
 * of quantity × unit price shows as `Amount: D × E`.
 */
export function requiredColumnsLine(lang: Lang, inspection: SheetInspection): string {
  const text = words(lang).panel.columns;
  const { mapping } = inspection;
  return REQUIRED_SALES_FIELDS.flatMap((field) => {
    const column = mapping[field];
    if (column !== undefined) return [`${text.field[field]}: ${columnLetters(column)}`];
    if (field === 'amount' && mapping.quantity !== undefined && mapping.price !== undefined) {
      return [`${text.field.amount}: ${text.product(columnLetters(mapping.quantity), columnLetters(mapping.price))}`];
    }
    return [];
  }).join(' · ');
}

/** A reject reason key in words; an unknown key is shown as it is. */
function reasonText(lang: Lang, reason: string): string {
  return hasOwn(words(lang).report.reject, reason) ? rejectReasonText(lang, reason as RejectReason) : reason;
}

/** The mapping the selects now show (fields set to "not used" are left out). */
export function withPick(mapping: ColumnMapping, field: PanelField, column: number | undefined): ColumnMapping {
  const next: ColumnMapping = { ...mapping };
  if (column === undefined) delete next[field];
  else next[field] = column;
  return next;
}
