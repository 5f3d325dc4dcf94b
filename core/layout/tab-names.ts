/**
 * The rules of a tab's name, the strictest of the hosts' (Excel's), in one place: at most 31
 * characters, none of `[ ] : * ? / \`, not starting or ending with an apostrophe, not empty; two
 * names that differ only in case (or in spaces at the ends) are the same name (Excel and Google Sheets both refuse such a
 * pair). A report tab whose name is taken gets the first free `Name (2)`, `Name (3)`, ….
 *
 * Example: tabName('Sales 2026/03') → `Sales 2026 03`; freeTabName('Clients', ['clients']) →
 * `Clients (2)`; freeTabName('A'.repeat(40), []) → 31 × `A`.
 */
export const MAX_TAB_NAME = 31;

const FORBIDDEN = /[[\]:*?/\\]/g;

/** A text made into a valid tab name (a file name becomes a sheet name, say). */
export function tabName(text: string, fallback = 'Sheet'): string {
  const cleaned = text.replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '').trim();
  return (cleaned || fallback).slice(0, MAX_TAB_NAME).trim();
}

/** True when two tab names are the same name for a spreadsheet (case and edge spaces do not count). */
export function sameTabName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** `desired`, or `desired (2)`, `desired (3)`… — the first name none of `taken` has, within 31 characters. */
export function freeTabName(desired: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map(nameKey));
  const base = tabName(desired);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = base.slice(0, MAX_TAB_NAME - suffix.length).trimEnd() + suffix;
    if (!used.has(nameKey(name))) return name;
  }
}
