/**
 * The English words only the Excel add-in shows: why an Excel request could not be carried out.
 *
 * Example: `excel.errors.cellEdit` → `Excel is editing a cell …`.
 */
export const excel = {
  errors: {
    cellEdit: 'Excel is editing a cell, so Winback cannot work on the workbook. Press Enter or Esc in the cell, then try again.',
    protectedStructure:
      'The workbook structure is protected, so Winback cannot add or replace its tabs. Unprotect it (Review → Protect Workbook), then try again.',
    tooLarge: 'One row is too large for Excel to pass in a single request (5 MB). Shorten the longest cells of that sheet, then try again.',
  },
};

/** The shape every language's Excel words have. */
export type ExcelWords = typeof excel;
