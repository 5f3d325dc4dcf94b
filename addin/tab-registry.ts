/**
 * Which tabs of a workbook the add-in wrote, so a re-run replaces exactly those (DESIGN "Results
 * go to the add-in's own tabs"). The registry lives in the document's add-in settings as a list
 * of { key, id, name }: the worksheet id Excel gave the tab and the name the add-in gave it.
 *
 * A tab is replaced only when a sheet with that id still carries that name. A user's own sheet
 * that happens to be called "Clients" has another id, so it is never touched — the new tab gets
 * a free name instead ("Clients (2)"). A tab the user renamed has been adopted: it is left alone.
 * A tab that is also the sheet being analysed is never replaced.
 *
 * Worked example: registry [{clients, id 7, "Clients"}], sheets [Sales#1, Clients#7, Clients (2)#9]
 * → sheet #7 is replaced; the new Clients tab may take "Clients" again once #7 is gone.
 */
import type { SheetKey } from '../core/index.js';

export interface OwnedTab {
  key: SheetKey;
  id: string;
  name: string;
}

export interface SheetIdentity {
  id: string;
  name: string;
}

/** Settings key of the registry. */
export const TAB_REGISTRY_KEY = 'winback.tabs';

function isOwnedTab(value: unknown): value is OwnedTab {
  const tab = value as Partial<OwnedTab> | null;
  return typeof tab?.key === 'string' && typeof tab.id === 'string' && typeof tab.name === 'string';
}

/** The registry as stored, keeping only well-formed entries (settings may come from an older version). */
export function parseRegistry(stored: unknown): OwnedTab[] {
  return Array.isArray(stored) ? stored.filter(isOwnedTab) : [];
}

/** The sheets to delete before writing: registered, unrenamed, and not protected (being read). */
export function tabsToReplace(registry: readonly OwnedTab[], sheets: readonly SheetIdentity[], protectedNames: ReadonlySet<string>): SheetIdentity[] {
  return sheets.filter(
    (sheet) => registry.some((tab) => tab.id === sheet.id && tab.name === sheet.name) && !protectedNames.has(sheet.name),
  );
}
