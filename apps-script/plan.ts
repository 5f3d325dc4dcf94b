/**
 * The write plan of a run: the report's tabs cut into steps small enough that a batch of them fits
 * in one server call (see segment-job.ts). Steps are derived from the tabs' layouts (core/layout)
 * alone, so every call recomputes the same list and only a cursor has to be remembered between calls.
 *
 * Per tab: `open` (find or create the tab, clear it, write the notes), then `lines` blocks of each
 * table (at most `blockCells` cells each: one setValues and one setNumberFormats), then `finish`
 * (bold headers, frozen rows, banding, filter, conditional formats, charts).
 *
 * Worked example: one tab with a 4-column table of 10,000 rows and blockCells 20,000 → 5,000 rows
 * per block; the table has 10,001 lines (header + rows), so the steps are open, lines 0–5000,
 * lines 5000–10000, lines 10000–10001, finish: 5 steps.
 */
import { tableLineCount, type TabLayout } from '../core/index.js';

/** Cells per setValues block: small enough that one block takes a few seconds at most. */
export const BLOCK_CELLS = 20_000;

export type WriteStep =
  | { kind: 'open'; tab: number }
  | { kind: 'lines'; tab: number; table: number; from: number; to: number }
  | { kind: 'finish'; tab: number };

export function planWrites(layouts: readonly TabLayout[], blockCells = BLOCK_CELLS): WriteStep[] {
  const steps: WriteStep[] = [];
  layouts.forEach((layout, tab) => {
    steps.push({ kind: 'open', tab });
    for (const table of layout.tables) {
      const rowsPerBlock = Math.max(1, Math.floor(blockCells / Math.max(1, table.columnCount)));
      const lines = tableLineCount(table);
      for (let from = 0; from < lines; from += rowsPerBlock) {
        steps.push({ kind: 'lines', tab, table: table.index, from, to: Math.min(lines, from + rowsPerBlock) });
      }
    }
    steps.push({ kind: 'finish', tab });
  });
  return steps;
}
