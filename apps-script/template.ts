/**
 * "Make this spreadsheet a template": an instructions sheet and empty input sheets whose headers
 * the core recognises (SPEC §8 words in the user's language), and the settings that point the
 * panel at them, so a copy of the spreadsheet is ready to fill in and run. Sheets made before are
 * kept as they are (they may already hold data); a user's sheet with the same name is left alone
 * and the template's gets a suffixed name.
 *
 * Example (English): sheets Instructions, Sales (Client | Date | Document | Product | Quantity |
 * Amount | Profit | Manager | Region), Requests (Client | Date | Manager), Contacts (Client | Date |
 * Answered | Manager), Complaints (Client | Date | Text); settings {salesSheet: "Sales",
 * requestsSheet: "Requests", …, mapping: {client: 0, date: 1, document: 2, …}}.
 */
import { t, type Lang, type SourceKind } from '../core/i18n/index.js';
import type { ColumnMapping, SalesField } from '../core/types.js';
import { noteLines, TEXT_FORMAT, type CellBlock } from './cells.js';
import { loadSettings, saveSettings } from './settings.js';
import { ensureTemplateSheet } from './sheets-port.js';
import { sheetsWords } from './words.js';

type InputKind = 'sales' | SourceKind;
type FieldKey = keyof ReturnType<typeof t>['field'];

export const TEMPLATE_COLUMNS: Record<InputKind, readonly FieldKey[]> = {
  sales: ['client', 'date', 'document', 'product', 'quantity', 'amount', 'profit', 'manager', 'region'],
  requests: ['client', 'date', 'manager'],
  contacts: ['client', 'date', 'answered', 'manager'],
  complaints: ['client', 'date', 'text'],
};

const SETTING_OF: Record<InputKind, 'salesSheet' | 'requestsSheet' | 'contactsSheet' | 'complaintsSheet'> = {
  sales: 'salesSheet',
  requests: 'requestsSheet',
  contacts: 'contactsSheet',
  complaints: 'complaintsSheet',
};

export function makeTemplate(lang: Lang): void {
  const m = t(lang);
  const instructions = sheetsWords(lang).template;
  ensureTemplateSheet('instructions', instructions.sheet, noteLines(instructions.lines), false);
  const settings = { ...(loadSettings() ?? {}), lang };
  for (const kind of Object.keys(TEMPLATE_COLUMNS) as InputKind[]) {
    settings[SETTING_OF[kind]] = ensureTemplateSheet(kind, m.source[kind], headerBlock(lang, TEMPLATE_COLUMNS[kind]), true);
  }
  settings.mapping = salesMapping();
  saveSettings(settings);
}

function headerBlock(lang: Lang, fields: readonly FieldKey[]): CellBlock {
  const labels = fields.map((field) => capitalize(t(lang).field[field]));
  return { values: [labels], formats: [labels.map(() => TEXT_FORMAT)] };
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
