/**
 * The Excel edge of the function catalog (DESIGN "Errors have two channels"): a catalog result
 * becomes a cell value, a spilled table, or a thrown `CustomFunctions.Error` whose message Excel
 * shows on the cell's error flag — `#VALUE!` for a bad argument, `#N/A` for not enough history.
 * Empty results (null) are written as "" so the cell shows blank. Messages are in the language of
 * Office's user interface.
 *
 * Before the catalog sees them, data-typed cells become plain values (cell-values.ts), and serial
 * dates are read in the workbook's date system: it is asked of Excel once in the shared runtime
 * (DATE(1904,1,1) is 0 in a 1904 workbook) and kept — a 1904 workbook would otherwise see every
 * date 1,462 days (four years) early. Functions therefore answer asynchronously.
 *
 * Example: runFunction('CADENCE', [[[46086]]]) → {ok:false, code:'not-enough-history', …} →
 * throws CustomFunctions.Error(#N/A, "Cadence needs at least 3 purchase days.").
 */
import { runFunction, type Cell, type FunctionResult, type FunctionValue, type Matrix } from '../core/index.js';
import { plainArgument } from './cell-values.js';
import { functionLanguage, workbookUses1904 } from './excel-port.js';

type ExcelValue = string | number | boolean;

type ErrorKey = Extract<FunctionResult, { ok: false }>['code'];

/** Excel's error for a catalog code (looked up when needed: the runtime defines CustomFunctions). */
function errorCode(code: ErrorKey): CustomFunctions.ErrorCode {
  return code === 'bad-argument' ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
}

const cellValue = (value: FunctionValue): ExcelValue => (value === null ? '' : value);

/** The value or table a custom function returns for a catalog result; throws the Excel error otherwise. */
function excelResult(result: FunctionResult): ExcelValue | ExcelValue[][] {
  if (!result.ok) throw new CustomFunctions.Error(errorCode(result.code), result.message);
  return Array.isArray(result.value) ? result.value.map((row) => row.map(cellValue)) : cellValue(result.value);
}

let dateSystem: Promise<boolean> | undefined;

/** Whether the workbook counts dates from 1904, asked of Excel once (again after a failed asking). */
function date1904(): Promise<boolean> {
  dateSystem ??= workbookUses1904().catch((error: unknown) => {
    dateSystem = undefined;
    throw error;
  });
  return dateSystem;
}

/** Runs a catalog function on the arguments as Excel passes them (ranges as rows of cells, values as cells). */
export async function callCatalog(name: string, args: readonly unknown[]): Promise<ExcelValue | ExcelValue[][]> {
  const plain = args.map((arg) => (arg === undefined ? undefined : plainArgument(arg))) as (Matrix | Cell | undefined)[];
  return excelResult(runFunction(name, plain, functionLanguage(), { date1904: await date1904() }));
}
