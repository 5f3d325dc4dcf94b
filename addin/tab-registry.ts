/**
 * Which tabs of a workbook the add-in wrote, so a re-run replaces exactly those (DESIGN "Results
 * go to the add-in's own tabs"). Two records, because a worksheet id lasts one session only —
 * Excel may give every sheet a new id when the workbook is closed and reopened (office-js-docs#297,
 * office-js#1390):
 * - the registry in the document's add-in settings: { key, id, name } per tab of the last run —
 *   the fast path within a session;
 * - a mark on the tab itself ({ key, name }, tab-marks.ts), saved with the sheet — what survives a
 *   reopening.
 * A sheet is one of ours when its id is registered under its current name, or its mark names it
 * as it is called now. A tab the user renamed has been adopted: neither matches, it is left alone
 * (and so is a copy the user made, which carries the mark under another name). A user's own sheet
 * called "Clients" has neither, so it is never touched — the new tab gets a free name instead
 * ("Clients (2)"). A sheet being analysed in this run is never replaced.
 *
 * A run writes its new tabs under temporary names first (excel-write.ts); a tab still marked and
 * still under such a name is a leftover of a run that was cut off, and is removed with the old report.
 *
 * Worked example: registry [{clients, id 7, "Clients"}], sheets [Sales#1, Clients#9 marked
 * {clients, "Clients"}, Clients (2)#11 marked {clients, "Clients"}] after a reopening → #9 is
 * replaced (its mark matches its name), #11 (the user's copy) stays.
 */
import type { SheetKey } from '../core/index.js';

export interface OwnedTab {
  key: SheetKey;
  id: string;
  name: string;
}

/** What the add-in marks on a tab it wrote: the report tab and the name it gave the tab. */
export interface TabMark {
  key: SheetKey;
  name: string;
}

export interface SheetIdentity {
  id: string;
  name: string;
  visibility?: string;
  mark?: TabMark | null;
}

/** Settings key of the registry. */
export const TAB_REGISTRY_KEY = 'winback.tabs';

/** Temporary names of a run start with this and the run's token; `n` new tabs, `o` old ones set aside. */
export const TEMPORARY_PREFIX = '~wb';
const TEMPORARY_NAME = /^~wb[0-9a-z]+[no]\d+$/;

function isOwnedTab(value: unknown): value is OwnedTab {
  const tab = value as Partial<OwnedTab> | null;
  return typeof tab?.key === 'string' && typeof tab.id === 'string' && typeof tab.name === 'string';
}

/** The registry as stored, keeping only well-formed entries (settings may come from an older version). */
export function parseRegistry(stored: unknown): OwnedTab[] {
  return Array.isArray(stored) ? stored.filter(isOwnedTab) : [];
}

/** A mark as stored on a tab (JSON text), or null for anything else. */
export function parseMark(stored: unknown): TabMark | null {
  if (typeof stored !== 'string') return null;
  try {
    const mark = JSON.parse(stored) as Partial<TabMark> | null;
    return typeof mark?.key === 'string' && typeof mark.name === 'string' ? { key: mark.key, name: mark.name } : null;
  } catch {
    return null;
  }
}

/** A mark as text to store on a tab. */
export function markText(mark: TabMark): string {
  return JSON.stringify({ key: mark.key, name: mark.name });
}

/** The sheets to replace: ours by registry or mark, under the name we gave them, and not protected (being read). */
export function tabsToReplace(registry: readonly OwnedTab[], sheets: readonly SheetIdentity[], protectedNames: ReadonlySet<string>): SheetIdentity[] {
  return sheets.filter((sheet) => {
    if (protectedNames.has(sheet.name)) return false;
    const registered = registry.some((tab) => tab.id === sheet.id && tab.name === sheet.name);
    const marked = sheet.mark != null && (sheet.mark.name === sheet.name || TEMPORARY_NAME.test(sheet.name));
    return registered || marked;
  });
}
