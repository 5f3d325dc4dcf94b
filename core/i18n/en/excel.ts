/**
 * The English words only the Excel add-in shows: the names of its functions in Excel's formula
 * help (localized metadata, Excel's "custom functions naming and localization"), its help page,
 * and why an Excel request could not be carried out.
 *
 * Example: `excel.functionNames.CHURNSIGNALS` → `CHURNSIGNALS` (shown as WINBACK.CHURNSIGNALS).
 */
import type { FunctionName } from '../../functions/names.js';

export const excel = {
  /** As Excel shows each function after `WINBACK.`: letters, digits, `_` and `.`; the English ones are the ids. */
  functionNames: {
    CHURNSIGNAL: 'CHURNSIGNAL',
    CHURNSIGNALS: 'CHURNSIGNALS',
    ABCXYZ: 'ABCXYZ',
    ABCCLASS: 'ABCCLASS',
    XYZCLASS: 'XYZCLASS',
    VALUETIERS: 'VALUETIERS',
    CADENCE: 'CADENCE',
    CONVERSION: 'CONVERSION',
    PALIVE: 'PALIVE',
  } satisfies Record<FunctionName, string>,
  help: {
    title: 'Winback for Excel',
    start:
      'On the Home tab click Find lost clients. Pick the sheet with your sales, check the columns Winback found, and click Segment. The report is written to new tabs; your sheets are never changed, and your data never leaves the workbook.',
    /** `example` is a formula, `others` the other functions' names. */
    functions: (example: string, others: string) => `In any cell: ${example} gives the status and signals of every client; also ${others}.`,
  },
  errors: {
    cellEdit: 'Excel is editing a cell, so Winback cannot work on the workbook. Press Enter or Esc in the cell, then try again.',
    protectedStructure:
      'The workbook structure is protected, so Winback cannot add or replace its tabs. Unprotect it (Review → Protect Workbook), then try again.',
    tooLarge: 'One row is too large for Excel to pass in a single request (5 MB). Shorten the longest cells of that sheet, then try again.',
    /** The background worker the analysis runs in stopped (it crashed, e.g. out of memory). */
    workerFailed:
      'The analysis stopped in the background before it finished, so no tabs were written and your sheets are unchanged. Try again; if it happens again, close other workbooks and tabs to free memory, or reopen Winback.',
  },
};

/** The shape every language's Excel words have. */
export type ExcelWords = typeof excel;
