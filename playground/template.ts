/**
 * "Make this workbook a template" in the playground: an instructions sheet and empty Sales,
 * Requests, Contacts and Complaints sheets whose headers the core recognises (the field words of
 * the user's language), and settings that point the panel at them with the sales mapping — the
 * same template the Excel and Sheets hosts make. A sheet of that name that already exists is kept
 * as it is (it may hold data), and its settings still point at it.
 *
 * Example (English): sheets Instructions, Sales (Client | Date | Document | Product | Quantity |
 * Amount | Profit | Manager | Region), Requests (Client | Date | Manager), Contacts (Client | Date |
 * Answered | Manager), Complaints (Client | Date | Text).
 */
import { t, type Lang, type SourceKind } from '../core/i18n/index.js';
import { panelText } from '../core/i18n/panel.js';
import type { ColumnMapping, SalesField } from '../core/types.js';
import type { PanelSettings } from '../ui/bridge.js';
import type { MemoryWorkbook } from './memory-port.js';

type InputKind = 'sales' | SourceKind;
type FieldKey = keyof ReturnType<typeof t>['field'];

export const TEMPLATE_COLUMNS: Record<InputKind, readonly FieldKey[]> = {
  sales: ['client', 'date', 'document', 'product', 'quantity', 'amount', 'profit', 'manager', 'region'],
  requests: ['client', 'date', 'manager'],
  contacts: ['client', 'date', 'answered', 'manager'],
  complaints: ['client', 'date', 'text'],
};

const SETTING_OF = { sales: 'salesSheet', requests: 'requestsSheet', contacts: 'contactsSheet', complaints: 'complaintsSheet' } as const;

export async function makeTemplate(workbook: MemoryWorkbook, lang: Lang): Promise<void> {
  const m = t(lang);
  const text = panelText(lang).playground;
  const store = workbook.settingsStore();
  const settings: PanelSettings = { ...((await store.load()) ?? {}), lang, mapping: salesMapping() };
  ensureSheet(workbook, text.templateSheet, text.instructions.map((line) => [line]));
  for (const kind of Object.keys(TEMPLATE_COLUMNS) as InputKind[]) {
    const headers = TEMPLATE_COLUMNS[kind].map((field) => capitalize(m.field[field]));
    settings[SETTING_OF[kind]] = ensureSheet(workbook, m.source[kind], [headers]);
  }
  await store.save(settings);
}

/** The sheet's name: an existing sheet is kept, a missing one is added with these rows. */
function ensureSheet(workbook: MemoryWorkbook, name: string, rows: string[][]): string {
  const existing = workbook.sheets.find((s) => s.name === name && !s.report);
  return existing ? existing.name : workbook.addSheet(name, rows);
}

function salesMapping(): ColumnMapping {
  const mapping: ColumnMapping = {};
  TEMPLATE_COLUMNS.sales.forEach((field, column) => {
    mapping[field as SalesField] = column;
  });
  return mapping;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
