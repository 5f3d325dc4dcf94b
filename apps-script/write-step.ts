/**
 * One step of a write plan (plan.ts) carried out through the Sheets port from the step's data
 * alone: open a tab, write a block of lines, or finish a tab. `opened` holds the tabs opened so
 * far, indexed like the report's sheets; later steps of a tab find its sheet there. Every step is
 * idempotent — repeating one (after a transient error, or when the execution died before the run
 * saved its cursor) leaves the tab as one run of it would — and ends with a flush, so the writes
 * are applied before the call measures its time.
 *
 * Example: {kind: 'lines', tab: 0, row: 4, lines} on the opened tab 0 → one setNumberFormats and
 * one setValues of `lines` from sheet row 4, then SpreadsheetApp.flush().
 */
import type { StepData } from './plan.js';
import { finishTab, flush, openTab, writeLines, type OpenedTab } from './sheets-port.js';

export interface StepContext {
  opened: (OpenedTab | null)[];
  /** The sheets the run reads: never written. */
  sources: readonly string[];
  /** The sheet the user was looking at when the run started, shown again after a tab is inserted. */
  view: number | null;
}

export function writeStep(step: StepData, context: StepContext): void {
  if (step.kind === 'open') {
    context.opened[step.tab] = openTab(step.open, context.sources, context.view);
  } else {
    const tab = context.opened[step.tab];
    if (!tab) throw new Error(`Tab ${step.tab} was not opened before writing.`);
    if (step.kind === 'lines') writeLines(tab.sheetId, step.row, step.lines);
    else finishTab(tab.sheetId, step.finish);
  }
  flush();
}
