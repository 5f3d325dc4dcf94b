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
import { SOURCE_KEYS, SOURCES, templateHeaders, templateSalesMapping, templateSheetName, words, type Lang, type PanelSettings } from '../core/index.js';
import type { MemoryWorkbook } from './memory-port.js';

export async function makeTemplate(workbook: MemoryWorkbook, lang: Lang): Promise<void> {
  const text = words(lang).panel.playground;
  const store = workbook.settingsStore();
  const settings: PanelSettings = { ...((await store.load()) ?? {}), lang, mapping: templateSalesMapping() };
  ensureSheet(workbook, text.templateSheet, text.instructions.map((line) => [line]));
  for (const kind of SOURCE_KEYS) {
    settings[SOURCES[kind].setting] = ensureSheet(workbook, templateSheetName(lang, kind), [templateHeaders(lang, kind)]);
  }
  await store.save(settings);
}

/** The sheet's name: an existing sheet is kept, a missing one is added with these rows. */
function ensureSheet(workbook: MemoryWorkbook, name: string, rows: string[][]): string {
  const existing = workbook.sheets.find((s) => s.name === name && !s.report);
  return existing ? existing.name : workbook.addSheet(name, rows);
}


