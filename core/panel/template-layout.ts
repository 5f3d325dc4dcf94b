/**
 * What "Make this workbook a template" writes, in one place for every host (Excel, Google Sheets,
 * the playground): the input sheets with the columns the core recognises — headed by the field
 * words of the user's language — the settings key each sheet is remembered under, and the sales
 * mapping the template implies (so the client's first run needs no column checking).
 *
 * Example (English): Sales = Client | Date | Document | Product | Quantity | Amount | Profit |
 * Manager | Region; Requests = Client | Date | Manager; Contacts = Client | Date | Answered |
 * Manager; Complaints = Client | Date | Text.
 */
import { t, type Lang, type SourceKind } from '../i18n/index.js';
import type { ColumnMapping, SalesField } from '../read/types.js';

export type InputKind = 'sales' | SourceKind;
export type FieldKey = keyof ReturnType<typeof t>['field'];

export const TEMPLATE_COLUMNS: Record<InputKind, readonly FieldKey[]> = {
  sales: ['client', 'date', 'document', 'product', 'quantity', 'amount', 'profit', 'manager', 'region'],
  requests: ['client', 'date', 'manager'],
  contacts: ['client', 'date', 'answered', 'manager'],
  complaints: ['client', 'date', 'text'],
};

export const TEMPLATE_KINDS = Object.keys(TEMPLATE_COLUMNS) as InputKind[];

/** The PanelSettings key that remembers each input sheet. */
export const SETTING_OF = {
  sales: 'salesSheet',
  requests: 'requestsSheet',
  contacts: 'contactsSheet',
  complaints: 'complaintsSheet',
} as const satisfies Record<InputKind, string>;

/** The header row of an input sheet in the user's language, e.g. `Client`, `Клиент`. */
export function templateHeaders(lang: Lang, kind: InputKind): string[] {
  return TEMPLATE_COLUMNS[kind].map((field) => capitalize(t(lang).field[field]));
}

/** Field → column of the template's Sales sheet. */
export function templateSalesMapping(): ColumnMapping {
  const mapping: ColumnMapping = {};
  TEMPLATE_COLUMNS.sales.forEach((field, column) => {
    mapping[field as SalesField] = column;
  });
  return mapping;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
