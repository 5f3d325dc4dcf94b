/**
 * What "Make this workbook a template" writes, in one place for every host (Excel, Google Sheets,
 * the playground): an input sheet per source (core/sources) with the columns the core recognises —
 * headed by the field words of the user's language — and the sales mapping the template implies
 * (so the client's first run needs no column checking). The sheets are named by the vocabulary's
 * `report.source` words and remembered under each source's panel setting.
 *
 * Example (English): Sales = Client | Date | Document | Product | Quantity | Amount | Profit |
 * Manager | Region; Requests = Client | Date | Manager; Contacts = Client | Date | Answered |
 * Manager; Complaints = Client | Date | Text.
 */
import { words, type Lang } from '../i18n/index.js';
import type { ColumnMapping, SalesField } from '../read/types.js';
import { SOURCES, type SourceKey } from '../sources/sources.js';

/** The header row of an input sheet in the user's language, e.g. `Client`, `Клиент`. */
export function templateHeaders(lang: Lang, source: SourceKey): string[] {
  return SOURCES[source].templateColumns.map((field) => capitalize(words(lang).report.field[field]));
}

/** The name of a source's template sheet in the user's language: Sales, Запросы, … */
export function templateSheetName(lang: Lang, source: SourceKey): string {
  return words(lang).report.source[source];
}

/** Field → column of the template's Sales sheet. */
export function templateSalesMapping(): ColumnMapping {
  const mapping: ColumnMapping = {};
  SOURCES.sales.templateColumns.forEach((field, column) => {
    mapping[field as SalesField] = column;
  });
  return mapping;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
