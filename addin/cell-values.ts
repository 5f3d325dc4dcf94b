/**
 * Data-typed cell values as Excel hands them to custom functions. The generated functions.json
 * sets `allowCustomDataForDataTypeAny` (custom-functions-metadata-plugin always does), and then
 * Excel passes such cells of an `any` argument as objects in the data-types JSON schema ("Use data
 * types with custom functions in Excel"): an entity {type: 'Entity', text, properties}, a linked
 * entity (Stocks, Geography) {type: 'LinkedEntity', text, …}, a formatted number {type:
 * 'FormattedNumber' or 'Double', basicValue, numberFormat}, a string, boolean, error … each with a
 * `basicValue`. The core reads plain cells, so an entity becomes its text (what the cell shows — a
 * client, not "[object Object]") and any other typed value its basic value.
 *
 * Example: {type: 'Entity', text: 'ООО Ромашка', properties: {…}} → 'ООО Ромашка';
 * {type: 'Double', basicValue: 1234.5, numberFormat: '#,##0.00'} → 1234.5.
 */
import type { Cell } from '../core/index.js';

interface TypedValue {
  type?: unknown;
  text?: unknown;
  basicValue?: unknown;
}

/** A cell as the core reads it. An object of no known shape becomes `#VALUE!`, which no reader takes for data. */
export function plainValue(value: unknown): Cell {
  if (value === null || value === undefined || typeof value !== 'object') return value as Cell;
  const typed = value as TypedValue;
  if ((typed.type === 'Entity' || typed.type === 'LinkedEntity') && typeof typed.text === 'string') return typed.text;
  const basic = typed.basicValue;
  if (typeof basic === 'string' || typeof basic === 'number' || typeof basic === 'boolean') return basic;
  return '#VALUE!';
}

/** A custom-function argument (a range as rows of cells, or one value) with every cell plain. */
export function plainArgument(arg: unknown): Cell | Cell[][] {
  return Array.isArray(arg) ? arg.map((row: unknown) => (Array.isArray(row) ? row.map(plainValue) : [plainValue(row)])) : plainValue(arg);
}
