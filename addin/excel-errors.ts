/**
 * Excel's errors that a user can do something about, as a sentence in their language
 * (core/i18n/<lang>/excel.ts); any other error is left to the panel's "something went wrong".
 * Codes as Office.js reports them (Excel.ErrorCodes, "Error handling with the application-specific
 * JavaScript APIs"):
 * - InvalidOperationInCellEditMode: the user is typing in a cell (batches wait for that with
 *   delayForCellEdit; an Excel that ignores the option still fails them);
 * - AccessDenied: the workbook structure is protected, so sheets cannot be added or removed;
 * - Request/ResponsePayloadSizeLimitExceeded left over after the port has shrunk its blocks to a
 *   single row: that row is too large.
 * And one of the add-in's own: the worker the analysis ran in stopped (`WorkerFailed`,
 * worker-pipeline.ts), so the run stopped before writing.
 *
 * Example: {code: 'InvalidOperationInCellEditMode'} in Russian → `Excel редактирует ячейку, …`.
 */
import { words, type Lang } from '../core/index.js';
import { isPayloadTooLarge } from './payload.js';
import { WorkerFailed } from './worker-pipeline.js';

export function excelErrorMessage(error: unknown, lang: Lang): string | null {
  const m = words(lang).excel.errors;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'InvalidOperationInCellEditMode') return m.cellEdit;
  if (code === 'AccessDenied') return m.protectedStructure;
  if (isPayloadTooLarge(error)) return m.tooLarge;
  if (error instanceof WorkerFailed) return m.workerFailed;
  return null;
}
