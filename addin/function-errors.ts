/**
 * The Excel edge of the function catalog (DESIGN "Errors have two channels"): a catalog result
 * becomes a cell value, a spilled table, or a thrown `CustomFunctions.Error` whose message Excel
 * shows on the cell's error flag — `#VALUE!` for a bad argument, `#N/A` for not enough history.
 * Empty results (null) are written as "" so the cell shows blank. Messages are in the language of
 * Office's user interface.
 *
 * Example: runFunction('CADENCE', [[[46086]]]) → {ok:false, code:'not-enough-history', …} →
 * throws CustomFunctions.Error(#N/A, "Cadence needs at least 3 purchase days.").
 */
import { runFunction, type Cell, type FunctionResult, type FunctionValue, type Matrix } from '../core/index.js';
import { functionLanguage } from './excel-port.js';

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

/** Runs a catalog function on the arguments as Excel passes them (ranges as rows of cells, values as cells). */
export function callCatalog(name: string, args: readonly unknown[]): ExcelValue | ExcelValue[][] {
  return excelResult(runFunction(name, args as readonly (Matrix | Cell | undefined)[], functionLanguage()));
}
