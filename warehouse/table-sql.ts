/**
 * `winback sql`: the aggregation for a table in a warehouse, printed for the user to run there.
 * The columns are found as the reader finds them in a header row — among the columns listed with
 * `--columns` (the header words of SPEC §8), or only those named with `--map` — and every row is
 * numbered in the scan's order (a warehouse table has no order of its own: row numbers on Data
 * issues then say where a row was in the scan, and its reason and cell text say which it is).
 *
 * Example: table `shop.sales`, `--map client=customer_id --map date=order_date --map amount=total`
 * → the SQL over `shop.sales` with those three columns.
 */
import { detectHeader } from '../core/read/detect-header.js';
import { SALES_SHEET } from '../core/read/read-sales.js';
import type { Day, ReadFailure, SalesField } from '../core/read/types.js';
import { aggregationSql } from './aggregation-sql.js';
import { SQL_DIALECTS, type DialectName } from './sql-dialect.js';

export interface TableRequest {
  dialect: DialectName;
  table: string;
  columns: readonly string[];
  headers: Partial<Record<SalesField, string>>;
  asOf?: Day;
}

export function tableSql(request: TableRequest): { sql: string } | { failure: ReadFailure } {
  const dialect = SQL_DIALECTS[request.dialect];
  const names = request.columns.length > 0 ? [...request.columns] : [...new Set(Object.values(request.headers) as string[])];
  const found = detectHeader([names], SALES_SHEET, { headers: request.headers });
  if (!found.ok) return { failure: found };
  const mapping: Partial<Record<SalesField, string>> = {};
  for (const [field, column] of Object.entries(found.mapping) as [SalesField, number][]) mapping[field] = names[column]!;
  return {
    sql: aggregationSql({
      dialect,
      source: dialect.identifier(request.table),
      columns: names,
      mapping,
      rowNumber: 'ROW_NUMBER() OVER () + 1',
      asOf: request.asOf,
    }),
  };
}
