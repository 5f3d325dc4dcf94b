/**
 * One step of a write plan (plan.ts) carried out through the Sheets port: open a tab, write a
 * block of a table's lines at its place (layout.ts), or finish a tab. `opened` collects the tabs
 * opened so far, indexed like the report's sheets; later steps of a tab find its sheet there.
 *
 * Example: {kind: 'lines', tab: 0, table: 0, from: 0, to: 5000} on a tab whose first table has a
 * title on row 4 → lines 0–4999 (title, header, 4,998 rows) written from sheet row 4.
 */
import type { SheetSpec } from '../core/index.js';
import { tableLines } from './cells.js';
import { topRow, type TabLayout } from './layout.js';
import type { WriteStep } from './plan.js';
import { finishTab, openTab, writeLines, type OpenedTab } from './sheets-port.js';

export function writeStep(
  step: WriteStep,
  sheets: readonly SheetSpec[],
  layouts: readonly TabLayout[],
  opened: (OpenedTab | null)[],
  sources: readonly string[],
): void {
  const spec = sheets[step.tab];
  const layout = layouts[step.tab];
  if (step.kind === 'open') {
    opened[step.tab] = openTab(spec, layout, sources);
    return;
  }
  const tab = opened[step.tab];
  if (!tab) throw new Error(`Tab ${spec.name} was not opened before writing.`);
  if (step.kind === 'finish') finishTab(tab.sheetId, spec, layout);
  else writeLines(tab.sheetId, topRow(layout.tables[step.table]) + step.from, tableLines(spec.tables[step.table], step.from, step.to));
}
