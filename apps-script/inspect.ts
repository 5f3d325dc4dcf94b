/**
 * The sidebar's sheet inspection on the server: only the top of the sheet is read (one getValues
 * for the header search and the preview, however long the sheet) and inspected by the panel's own
 * pure inspection (ui/inspect.ts), so Sheets shows exactly what Excel shows.
 *
 * Example: a 200,000-line sheet → one getValues of its first INSPECT_ROWS rows; `rows` is 200,001.
 */
import { INSPECT_ROWS, inspectGrid, type ColumnMapping, type SheetInspection } from '../core/index.js';
import { readSheet } from './sheets-port.js';

export function inspectSheet(sheet: string, mapping?: ColumnMapping): SheetInspection {
  const read = readSheet(sheet, INSPECT_ROWS);
  return inspectGrid(sheet, read?.grid ?? [], read?.rows ?? 0, mapping);
}
