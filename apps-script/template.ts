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
import { SOURCE_KEYS, SOURCES, templateHeaders, templateSalesMapping, templateSheetName, textCells, words, type Lang, type SheetCell, type SourceKey } from '../core/index.js';
import { loadSettings, saveSettings } from './settings.js';
import { ensureTemplateSheet } from './sheets-port.js';

export function makeTemplate(lang: Lang): void {
  const instructions = words(lang).sheets.template;
  ensureTemplateSheet('instructions', instructions.sheet, instructions.lines.map((line) => textCells([line])), false);
  const settings = { ...(loadSettings() ?? {}), lang };
  for (const kind of SOURCE_KEYS) {
    settings[SOURCES[kind].setting] = ensureTemplateSheet(kind, templateSheetName(lang, kind), headerBlock(lang, kind), true);
  }
  settings.mapping = templateSalesMapping();
  saveSettings(settings);
}

function headerBlock(lang: Lang, kind: SourceKey): SheetCell[][] {
  return [textCells(templateHeaders(lang, kind))];
}
