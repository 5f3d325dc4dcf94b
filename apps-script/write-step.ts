/**
 * One step of a write plan (plan.ts) carried out through the Sheets port: open a tab, write a
 * block of a table's lines at the row the core's layout gives it, or finish a tab. `opened`
 * collects the tabs opened so far, indexed like the report's sheets; later steps of a tab find
 * its sheet there. Sheets counts dates like Excel's 1900 system (serialFromDay).
 *
 * Example: {kind: 'lines', tab: 0, table: 0, from: 0, to: 5000} on a tab whose first table has a
 * title on (0-based) row 3 → lines 0–4999 (title, header, 4,998 rows) written from sheet row 4.
 */
import { firstLineRow, serialFromDay, tableLines, type TabLayout } from '../core/index.js';
import type { WriteStep } from './plan.js';
import { finishTab, openTab, writeLines, type OpenedTab } from './sheets-port.js';

export function writeStep(step: WriteStep, layouts: readonly TabLayout[], opened: (OpenedTab | null)[], sources: readonly string[]): void {
  const layout = layouts[step.tab];
  if (step.kind === 'open') {
    opened[step.tab] = openTab(layout, sources);
    return;
  }
  const tab = opened[step.tab];
  if (!tab) throw new Error(`Tab ${layout.spec.name} was not opened before writing.`);
  if (step.kind === 'finish') {
    finishTab(tab.sheetId, layout);
    return;
  }
  const table = layout.tables[step.table];
  writeLines(tab.sheetId, firstLineRow(table) + step.from, tableLines(table, step.from, step.to, serialFromDay));
}
