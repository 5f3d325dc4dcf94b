/**
 * What differs between the SQL dialects the aggregation is printed in — and nothing else: the
 * aggregation itself (aggregation-sql.ts) is written once, over these few functions.
 *
 * - DuckDB (https://duckdb.org/docs/sql/functions/regular_expressions, /functions/char, /functions/date,
 *   /expressions/try): double
 *   quotes around names, `regexp_matches` / `regexp_extract(s, p, 1)` / `regexp_replace(s, p, r, 'g')`,
 *   `TRY_CAST`, `TRY`, `VARCHAR`, `DECIMAL(18, 6)` widened to `DECIMAL(38, 6)` for products, `DOUBLE`.
 * - BigQuery GoogleSQL (cloud.google.com/bigquery/docs/reference/standard-sql/string_functions,
 *   /conversion_functions): backquotes, `REGEXP_CONTAINS` / `REGEXP_EXTRACT(s, p)` (the one capturing
 *   group) / `REGEXP_REPLACE` (replaces every match), `SAFE_CAST`, `STRING`, `FLOAT64`, `NUMERIC` (38 digits, 9
 *   after the point), a date as `SAFE.DATE(y, m, d)` and its day number as `UNIX_DATE`.
 * Both use RE2 for regular expressions, so one pattern serves both; patterns are written as SQL
 * string literals with every quote and backslash escaped for the dialect.
 *
 * Example: `duckdb.regexExtract('t', '^(\\d+)')` → `regexp_extract(t, '^(\d+)', 1)`;
 * `bigquery.regexExtract('t', '^(\\d+)')` → `REGEXP_EXTRACT(t, r'^(\d+)')`.
 */
export const DIALECTS = ['duckdb', 'bigquery'] as const;
export type DialectName = (typeof DIALECTS)[number];

export interface SqlDialect {
  readonly name: DialectName;
  /** A column or table name as an identifier (a dotted `project.dataset.table` stays one BigQuery path). */
  identifier(name: string): string;
  /** A string literal. */
  literal(text: string): string;
  /** Any value as text. */
  text(expression: string): string;
  /** A text as an exact decimal (up to 12 digits before the point, 6 after), NULL when it is not one. */
  decimal(expression: string): string;
  /** A text as a double, NULL when it is not one (for numbers in exponent notation, which the decimal casts read only with a few digits). */
  float(expression: string): string;
  /** An exact decimal widened for products (quantity × price). */
  wide(expression: string): string;
  /**
   * An exact decimal in whole hundredths (digits 2) or thousandths (3) as an integer, rounded half
   * away from zero; NULL when it does not fit.
   */
  scaled(expression: string, digits: 2 | 3): string;
  /** A text of digits as an integer, NULL when it is not one. */
  integer(expression: string): string;
  matches(expression: string, pattern: string): string;
  /** The first capturing group of the pattern, NULL (or '') when it does not match. */
  regexExtract(expression: string, pattern: string): string;
  /** Every match replaced. */
  regexReplace(expression: string, pattern: string, replacement: string): string;
  /** Days since 1970-01-01 of a year, month and day, NULL when they make no real date (31 April, 29 February 2025). */
  civilDay(year: string, month: string, day: string): string;
  /** What asks that a CTE be computed once and kept (DuckDB otherwise inlines it into each use). */
  readonly materialized: string;
  /** The type names of text and of whole numbers, for typed NULLs in a UNION. */
  readonly textType: string;
  readonly integerType: string;
}

const duckdb: SqlDialect = {
  name: 'duckdb',
  identifier: (name) => `"${name.replace(/"/g, '""')}"`,
  literal: (text) => `'${text.replace(/'/g, "''")}'`,
  text: (e) => `CAST(${e} AS VARCHAR)`,
  // DECIMAL(18, 6) is a 64-bit integer inside; parsing text into DECIMAL(38, 6) (128-bit) is some 30 times slower.
  decimal: (e) => `TRY_CAST(${e} AS DECIMAL(18, 6))`,
  float: (e) => `TRY_CAST(${e} AS DOUBLE)`,
  wide: (e) => `CAST(${e} AS DECIMAL(38, 6))`,
  // Rounded before it is scaled, so the 64-bit decimal never overflows (scaling a DECIMAL(38, 6) is some 25 times slower).
  scaled: (e, k) => `TRY(CAST(ROUND(${e}, ${k}) * ${10 ** k} AS BIGINT))`,
  integer: (e) => `TRY_CAST(${e} AS BIGINT)`,
  matches: (e, p) => `regexp_matches(${e}, ${duckdb.literal(p)})`,
  regexExtract: (e, p) => `regexp_extract(${e}, ${duckdb.literal(p)}, 1)`,
  regexReplace: (e, p, r) => `regexp_replace(${e}, ${duckdb.literal(p)}, ${duckdb.literal(r)}, 'g')`,
  materialized: 'MATERIALIZED ',
  civilDay: (y, m, d) => `date_diff('day', DATE '1970-01-01', TRY(make_date(${y}, ${m}, ${d})))`,
  textType: 'VARCHAR',
  integerType: 'BIGINT',
};

/** A BigQuery raw string: r'…' keeps backslashes; a quote inside is not allowed, so it is spelled \x27. */
function rawString(pattern: string): string {
  return `r'${pattern.replace(/'/g, '\\x27')}'`;
}

const bigquery: SqlDialect = {
  name: 'bigquery',
  identifier: (name) => `\`${name.replace(/[`\\]/g, (c) => `\\${c}`)}\``,
  literal: (text) => `'${text.replace(/[\\']/g, (c) => `\\${c}`)}'`,
  text: (e) => `CAST(${e} AS STRING)`,
  decimal: (e) => `SAFE_CAST(${e} AS NUMERIC)`,
  float: (e) => `SAFE_CAST(${e} AS FLOAT64)`,
  wide: (e) => e,
  scaled: (e, k) => `SAFE_CAST(ROUND(${e} * ${10 ** k}) AS INT64)`,
  integer: (e) => `SAFE_CAST(${e} AS INT64)`,
  matches: (e, p) => `REGEXP_CONTAINS(${e}, ${rawString(p)})`,
  regexExtract: (e, p) => `REGEXP_EXTRACT(${e}, ${rawString(p)})`,
  regexReplace: (e, p, r) => `REGEXP_REPLACE(${e}, ${rawString(p)}, ${bigquery.literal(r)})`,
  materialized: '',
  civilDay: (y, m, d) => `UNIX_DATE(SAFE.DATE(${y}, ${m}, ${d}))`,
  textType: 'STRING',
  integerType: 'INT64',
};

export const SQL_DIALECTS: Readonly<Record<DialectName, SqlDialect>> = { duckdb, bigquery };
