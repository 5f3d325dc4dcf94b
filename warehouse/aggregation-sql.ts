/**
 * The sales sheet's reading rules (SPEC §1) and the one aggregation the metrics need, as one SQL
 * statement in a dialect (sql-dialect.ts): what `winback sql` prints for a warehouse and what
 * `--engine duckdb` runs. Its result is small — one row per group of lines no metric tells apart —
 * and aggregates.ts turns it into the core's sales columns.
 *
 * Every row of the source gets exactly one outcome, checked in the reader's order (read-rows.ts,
 * read-sales.ts): the row's own problem when the source knows one (a sheet the engine read row by
 * row: `unclosed-quote`, `bad-bytes`, `bad-cell`, `duplicate-row`), `blank`, `subtotal`,
 * `no-client`, `bad-date`, then a request (a `type` column saying request), then `bad-amount`; else
 * the line is accepted. Blank rows after the last row with data are not data. Cell texts are read as
 * the reader reads them: names trimmed without invisible characters; dates year first, day first
 * with dots, slash or dash with the year last (day first, the reader's default: its month-first
 * option has no SQL counterpart), YYYYMMDD, a two-digit year by the 2029 pivot, any of them
 * followed by a time; numbers as parse-number.ts reads them (number-sql.ts: spaces or apostrophes
 * grouping thousands in groups of three, currency words and signs, one sign before or after or
 * brackets, a decimal comma or point), and each number column decides its ambiguous `1,234` and
 * `1.234` from the marks of the cells the reader reads (read-numbers.ts: a column whose cells prove
 * a comma and never a point reads them as 1.234 and 1234); money in cents and quantities in
 * thousandths rounded half away from zero on the exact decimal, and amount = quantity × price
 * rounded after multiplying.
 *
 * The result has a `kind` per row:
 * - `sale`: accepted lines of one client, day, product, group, document, manager, region, industry
 *   and sign (returns apart from sales) — sums of amount, profit and quantity, the line count, the
 *   first and the latest row. Lines that may still be set aside one by one — dated after the given
 *   analysis date, or (without one) among the latest 1 % that the far-future rule looks at — are
 *   never grouped, so each keeps its own row;
 * - `request`: a row whose type says request (row, client, day, manager);
 * - `rejected`: each rejected row (row, reason, the unreadable cell's text);
 * - `rows`: the first row below the header and the last row with data;
 * - `currency`: each currency the money cells the reader reads write beside their numbers (reason: its code);
 * - `column`: each mapped field (reason) and its column (row: its 0-based index, value: its name),
 *   so that the result alone says how the table was read.
 * `day` is the number of days since 1970-01-01 (the core's Day).
 *
 * Where the SQL reads differently from the in-memory reader: docs/warehouse.md.
 */
import { SALE_TEXT_FIELDS, type SaleTextField } from '../core/read/sales-columns.js';
import type { Day, SalesField } from '../core/read/types.js';
import { JS_SPACE_CHARS, numberSql } from './number-sql.js';
import type { SqlDialect } from './sql-dialect.js';

export interface AggregationPlan {
  dialect: SqlDialect;
  /** The source relation: a table name or a table function, already in the dialect. */
  source: string;
  /** Every column of the source, in order (blank and first-cell checks look at all of them). */
  columns: readonly string[];
  /** The column of each mapped field. */
  mapping: Partial<Record<SalesField, string>>;
  /** An expression of the source giving each row's 1-based sheet row. */
  rowNumber: string;
  /**
   * The source's columns giving a row's own problem (a RowProblem such as `unclosed-quote`) and
   * the text shown with it, NULL for a row without one: a sheet the engine read row by row
   * (sheet-table.ts). Such a row is rejected for it before any other check.
   */
  problem?: { reason: string; value: string };
  /** The analysis date the user gave, if any. */
  asOf?: Day;
  /**
   * What the engine knows of a column's type: `date` (a DATE or TIMESTAMP, whose text is ISO) or
   * `typed` (any other type that is not text: numbers read as they are written, nothing to clean
   * from its text); absent: text, read by the rules.
   */
  kinds?: Readonly<Record<string, ColumnKind>>;
}

export type ColumnKind = 'date' | 'typed';

/** The optional name fields a sale is grouped by (the sales columns' text fields). */
const NAME_FIELDS = SALE_TEXT_FIELDS;
/** Each name field's column in the result (`group` is spelled grp: a reserved word in SQL). */
export const SQL_NAME = {
  product: 'product',
  group: 'grp',
  document: 'document',
  manager: 'manager',
  region: 'region',
  industry: 'industry',
} as const satisfies Record<SaleTextField, string>;

/** The columns of the result, in order. */
export const AGGREGATE_COLUMNS = [
  'kind',
  'row',
  'to_row',
  'reason',
  'value',
  'client',
  'day',
  ...NAME_FIELDS.map((field) => SQL_NAME[field]),
  'amount',
  'profit',
  'quantity',
  'lines',
] as const;

const SPACE = `[${JS_SPACE_CHARS}]`;
const INVISIBLE = String.raw`[\p{Cf}\x{0000}-\x{0008}\x{000E}-\x{001F}\x{007F}-\x{009F}\x{115F}\x{1160}\x{3164}\x{FFA0}]`;
const TIME = String.raw`(?:[ T]\s*\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:\s*[AaPp][Mm])?(?:\s*(?:Z|[+-]\d{2}(?::?\d{2})?))?)?\s*`;
const DATE_HEAD = String.raw`(?:\d{1,4}-\d{1,2}-\d{1,4}|\d{1,4}\.\d{1,2}\.\d{1,4}|\d{1,4}/\d{1,2}/\d{1,4}|\d{8})`;
/** Total labels (total-words.ts), compared after lower case and ё → е. */
const TOTAL_WORDS = ['итого', 'итог', 'всего', 'общий итог', 'total', 'totals', 'grand total', 'subtotal', 'sub-total', 'sub total'];
const TOTAL_PATTERN = `^(?:(?:${TOTAL_WORDS.map((w) => w.replace('-', '\\-')).join('|')})[:.]?|(?:${TOTAL_WORDS.map((w) => w.replace('-', '\\-')).join('|')})[:.].*|(?:итого|всего) .*)$`;
/** The letters total labels begin with: a cheap test before the pattern. */
const TOTAL_FIRST_LETTERS = [...new Set(TOTAL_WORDS.map((w) => w[0]!))].map((l) => `'${l}'`).join(', ');
const REQUEST_WORDS = ['request', 'запрос', 'заявка', 'inquiry', 'enquiry'];
const FEW_LINES_MAX = 1000;
/** 1900-03-01 and 9999-12-31 as days since 1970-01-01: the dates the reader accepts. */
const MIN_DAY = -25508;
const MAX_DAY = 2932896;
export function aggregationSql(plan: AggregationPlan): string {
  const d = plan.dialect;
  const col = (field: SalesField) => (plan.mapping[field] === undefined ? null : `c_${plan.columns.indexOf(plan.mapping[field]!)}`);
  const nullText = `CAST(NULL AS ${d.textType})`;
  const nullInt = `CAST(NULL AS ${d.integerType})`;
  // Most cells are clean: one test finds the few that need the slower rewriting.
  const trimmed = (e: string) => `CASE WHEN ${d.matches(e, `^${SPACE}|${SPACE}$`)} THEN ${d.regexReplace(e, `^${SPACE}+|${SPACE}+$`, '')} ELSE ${e} END`;
  // One test (a regular expression, some ten times cheaper than TRANSLATE over the control characters) finds the few texts that need rewriting.
  const name = (e: string) =>
    `CASE WHEN ${e} IS NULL OR ${e} = '' THEN NULL WHEN ${d.matches(e, `${INVISIBLE}|^${SPACE}|${SPACE}$`)} THEN NULLIF(${d.regexReplace(d.regexReplace(e, INVISIBLE, ''), `^${SPACE}+|${SPACE}+$`, '')}, '') ELSE ${e} END`;
  const cells = plan.columns.map((column, i) => `${d.text(d.identifier(column))} AS c_${i}`);
  const kindOf = (field: SalesField) => (plan.mapping[field] === undefined ? undefined : plan.kinds?.[plan.mapping[field]!]);
  const named = plan.columns.map((column, i) => `${plan.kinds?.[column] ? `c_${i}` : name(`c_${i}`)} AS n_${i}`);
  const nameOf = (field: SalesField) => (plan.mapping[field] === undefined ? null : `n_${plan.columns.indexOf(plan.mapping[field]!)}`);
  const numbers = (['amount', 'profit', 'quantity', 'price'] as const).filter((field) => col(field) !== null);
  const total = (e: string) =>
    `COALESCE(LOWER(SUBSTR(${e}, 1, 1)) IN (${TOTAL_FIRST_LETTERS}) AND ${d.matches(`REPLACE(LOWER(${e}), 'ё', 'е')`, TOTAL_PATTERN)}, FALSE)`;
  const type = nameOf('type');

  const texts = [
    'wb_problem',
    'wb_problem_value',
    `wb_problem IS NULL AND ${plan.columns.map((_, i) => `n_${i} IS NULL`).join(' AND ')} AS blank`,
    `${nameOf('client')} AS client`,
    `COALESCE(${plan.columns.map((_, i) => `n_${i}`).join(', ')}) AS first_cell`,
    `${kindOf('date') ? col('date') : trimmed(col('date')!)} AS date_text`,
    ...numbers.map((field) => `${kindOf(field) ? col(field) : trimmed(col(field)!)} AS ${field}_text`),
    ...NAME_FIELDS.map((field) => `${nameOf(field) ?? nullText} AS ${SQL_NAME[field]}`),
    `${type ? `COALESCE(LOWER(${type}) IN (${REQUEST_WORDS.map(d.literal).join(', ')}), FALSE)` : 'FALSE'} AS request`,
  ];
  const iso = kindOf('date') === 'date' ? 'TRUE' : d.matches('date_text', String.raw`^\d{4}-\d{2}-\d{2}` + TIME + '$');
  // A number the source types (not text) reads as it is: its text is digits, a point, maybe an exponent.
  const typed = (field: SalesField) => kindOf(field) !== undefined && kindOf(field) !== 'date';
  const n = numberSql(d);
  const flags = [`${total('client')} OR ${total('first_cell')} AS subtotal`, `${iso} AS date_iso`, ...numbers.flatMap((field) => n.flags(field, typed(field)))];
  const parts = [
    `CASE WHEN date_iso THEN NULL ELSE ${d.regexExtract('date_text', `^(${DATE_HEAD})${TIME}$`)} END AS date_head`,
    ...numbers.flatMap((field) => n.parts(field)),
  ];
  const dateParts = [
    `CASE WHEN date_iso THEN SUBSTR(date_text, 1, 4) ELSE ${d.regexExtract('date_head', String.raw`^(\d+)`)} END AS date_a`,
    `CASE WHEN date_iso THEN SUBSTR(date_text, 6, 2) ELSE ${d.regexExtract('date_head', String.raw`^\d+[-./](\d+)`)} END AS date_b`,
    `CASE WHEN date_iso THEN SUBSTR(date_text, 9, 2) ELSE ${d.regexExtract('date_head', String.raw`^\d+[-./]\d+[-./](\d+)$`)} END AS date_c`,
    ...numbers.flatMap((field) => n.numbers(field)),
  ];
  const dateValues = [...dateFields(d), ...numbers.flatMap((field) => n.values(field))];
  const days = [`${d.civilDay('date_y', 'date_m', 'date_d')} AS date_days`, ...numbers.flatMap((field) => n.finals(field, typed(field)))];
  // A line's amount, profit and quantity from its numbers (`<field>_number`, or as its columns decided them: `<field>_decided`).
  const lineNumbers = (suffix: string) => ({
    amount: col('amount') ? cents(d, `amount_${suffix}`) : cents(d, `${d.wide(`quantity_${suffix}`)} * ${d.wide(`price_${suffix}`)}`),
    profit: col('profit') ? cents(d, `profit_${suffix}`) : nullInt,
    quantity: col('quantity') ? d.scaled(`quantity_${suffix}`, 3) : nullInt,
  });
  const own = lineNumbers('number');
  const amountText = col('amount') ? 'amount_text' : 'CASE WHEN quantity_number IS NULL THEN quantity_text ELSE price_text END';
  const values = [`${dayInRange()} AS day`, `${own.amount} AS amount`, `${amountText} AS amount_text`, `${own.profit} AS profit`, `${own.quantity} AS quantity`];
  const groupNames = NAME_FIELDS.map((field) => SQL_NAME[field]);
  // What the later steps read of each row (read_rows is computed once and kept: it is read again by several steps).
  const kept = [
    'wb_row',
    'wb_problem',
    'wb_problem_value',
    'blank',
    'subtotal',
    'client',
    'request',
    'date_text',
    ...groupNames,
    ...numbers.flatMap((field) => [`${field}_text`, `${field}_number`, `${field}_mark`, `${field}_other`, `${field}_code`]),
  ];
  // The rows whose number in each field the reader reads (read-sales.ts), whose marks decide the column (read-numbers.ts).
  const accepted = 'reason IS NULL AND NOT request';
  const reached = `(${accepted} OR reason = 'bad-amount')`;
  const readWhere: Record<string, string> = col('amount')
    ? { amount: reached, profit: accepted, quantity: accepted }
    : { quantity: reached, price: `${reached} AND quantity_number IS NOT NULL`, profit: accepted };
  const readFields = numbers.filter((field) => readWhere[field] !== undefined);
  const marks = readFields.flatMap((field) =>
    (['comma', 'dot'] as const).map((mark) => `SUM(CASE WHEN ${readWhere[field]} AND ${field}_mark = '${mark}' THEN 1 ELSE 0 END) AS ${field}_${mark}s`),
  );
  // A column whose cells prove a comma and never a point reads each ambiguous cell the other way.
  const decided = readFields.map(
    (field) => `CASE WHEN ${field}_mark = 'either' AND marks.${field}_commas > 0 AND marks.${field}_dots = 0 THEN ${field}_other ELSE ${field}_number END AS ${field}_decided`,
  );
  const flipped = readFields.map((field) => `(${field}_mark = 'either' AND marks.${field}_commas > 0 AND marks.${field}_dots = 0)`).join(' OR ') || 'FALSE';
  const byColumns = lineNumbers('decided');
  const alone = plan.asOf !== undefined ? `a.day > ${plan.asOf}` : 'latest_lines.day IS NOT NULL';
  const empty = (n: number) => Array.from({ length: n }, () => nullText).join(', ');
  const currencyRows = readFields
    .filter((field) => field !== 'quantity')
    .map(
      (field) =>
        `\nUNION ALL\nSELECT DISTINCT 'currency', ${nullInt}, ${nullInt}, ${field}_code, ${nullText}, ${nullText}, ${nullInt}, ${empty(groupNames.length)}, ${nullInt}, ${nullInt}, ${nullInt}, ${nullInt}\nFROM judged WHERE ${readWhere[field]} AND ${field}_code IS NOT NULL`,
    )
    .join('');
  const columnRows = Object.entries(plan.mapping)
    .map(
      ([field, column]) =>
        `\nUNION ALL\nSELECT 'column', ${plan.columns.indexOf(column!)}, ${nullInt}, ${d.literal(field)}, ${d.literal(column!)}, ${nullText}, ${nullInt}, ${empty(groupNames.length)}, ${nullInt}, ${nullInt}, ${nullInt}, ${nullInt}`,
    )
    .join('');

  const problem = plan.problem ? [d.identifier(plan.problem.reason), d.identifier(plan.problem.value)] : [nullText, nullText];
  return `WITH source_rows AS (
  SELECT ${plan.rowNumber} AS wb_row, ${problem[0]} AS wb_problem, ${problem[1]} AS wb_problem_value, ${cells.join(', ')} FROM ${plan.source}
),
cell_names AS (SELECT *, ${named.join(',\n    ')} FROM source_rows),
cell_texts AS (SELECT wb_row, ${texts.join(',\n    ')} FROM cell_names),
cell_flags AS (SELECT *, ${flags.join(',\n    ')} FROM cell_texts),
cell_parts AS (SELECT *, ${parts.join(',\n    ')} FROM cell_flags),
cell_numbers AS (SELECT *, ${dateParts.join(',\n    ')} FROM cell_parts),
cell_dates AS (SELECT *, ${dateValues.join(',\n    ')} FROM cell_numbers),
cell_days AS (SELECT *, ${days.join(',\n    ')} FROM cell_dates),
read_rows AS ${d.materialized}(SELECT ${kept.join(', ')}, ${values.join(',\n    ')} FROM cell_days),
last_data AS (SELECT MAX(CASE WHEN NOT blank THEN wb_row END) AS last_row, MIN(wb_row) AS first_row FROM read_rows),
judged AS (
  SELECT r.*, CASE WHEN r.wb_problem IS NOT NULL THEN r.wb_problem WHEN r.blank THEN 'blank' WHEN r.subtotal THEN 'subtotal' WHEN r.client IS NULL THEN 'no-client'
    WHEN r.day IS NULL THEN 'bad-date' WHEN r.request THEN NULL WHEN r.amount IS NULL THEN 'bad-amount' END AS reason
  FROM read_rows r CROSS JOIN last_data WHERE r.wb_row <= last_data.last_row
),
marks AS (SELECT ${marks.length ? marks.join(',\n    ') : '0 AS none'} FROM judged),
decided AS (
  SELECT j.*, ${decided.length ? `${decided.join(',\n    ')},\n    ` : ''}${flipped} AS flipped FROM judged j CROSS JOIN marks WHERE ${accepted}
),
accepted AS (
  SELECT * REPLACE (CASE WHEN flipped THEN ${byColumns.amount} ELSE amount END AS amount, CASE WHEN flipped THEN ${byColumns.profit} ELSE profit END AS profit,
    CASE WHEN flipped THEN ${byColumns.quantity} ELSE quantity END AS quantity) FROM decided
),
day_lines AS (SELECT day, COUNT(*) AS n FROM accepted GROUP BY day),
latest_days AS (
  SELECT day, SUM(n) OVER (ORDER BY day DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS above FROM day_lines
),
few AS (SELECT LEAST(${FEW_LINES_MAX}, GREATEST(1, CAST(FLOOR(SUM(n) / 100) AS ${d.integerType}))) AS lines FROM day_lines),
latest_lines AS (SELECT latest_days.day FROM latest_days CROSS JOIN few WHERE COALESCE(latest_days.above, 0) <= few.lines),
sales AS (
  SELECT a.*, a.amount < 0 AS negative, CASE WHEN ${alone} THEN a.wb_row END AS alone_row FROM accepted a LEFT JOIN latest_lines ON a.day = latest_lines.day
),
listed AS (
  SELECT wb_row, reason, CASE WHEN wb_problem IS NOT NULL THEN wb_problem_value WHEN reason = 'bad-date' THEN date_text WHEN reason = 'bad-amount' THEN amount_text END AS value
  FROM judged WHERE reason IS NOT NULL
)
SELECT 'sale' AS kind, MIN(wb_row) AS row, MAX(wb_row) AS to_row, ${nullText} AS reason, ${nullText} AS value, client, day, ${groupNames.join(', ')},
  CAST(SUM(amount) AS ${d.integerType}) AS amount, CAST(SUM(profit) AS ${d.integerType}) AS profit,
  CAST(SUM(quantity) AS ${d.integerType}) AS quantity, COUNT(*) AS lines
FROM sales GROUP BY client, day, ${groupNames.join(', ')}, negative, alone_row
UNION ALL
SELECT 'request', wb_row, ${nullInt}, ${nullText}, ${nullText}, client, day, ${groupNames.map((n) => (n === 'manager' ? 'manager' : nullText)).join(', ')}, ${nullInt}, ${nullInt}, ${nullInt}, 1
FROM judged WHERE reason IS NULL AND request
UNION ALL
SELECT 'rejected', wb_row, ${nullInt}, reason, value, ${nullText}, ${nullInt}, ${empty(groupNames.length)}, ${nullInt}, ${nullInt}, ${nullInt}, 1
FROM listed
UNION ALL
SELECT 'rows', first_row, last_row, ${nullText}, ${nullText}, ${nullText}, ${nullInt}, ${empty(groupNames.length)}, ${nullInt}, ${nullInt}, ${nullInt}, ${nullInt}
FROM last_data${currencyRows}${columnRows}
`;
}

/** An exact decimal of money → integer cents, rounded half away from zero. */
function cents(d: SqlDialect, decimal: string): string {
  return d.scaled(decimal, 2);
}

/** The date's parts (`date_head`, `date_a`, `date_b`, `date_c`) → its year, month and day (`date_y`, `date_m`, `date_d`) as written (parse-date.ts). */
function dateFields(d: SqlDialect): string[] {
  const int = (e: string) => d.integer(e);
  const [a, b, c] = ['date_a', 'date_b', 'date_c'];
  const eight = `LENGTH(date_head) = 8 AND ${d.matches('date_head', String.raw`^\d{8}$`)}`;
  const twoDigit = `CASE WHEN ${int(c)} <= 29 THEN 2000 + ${int(c)} ELSE 1900 + ${int(c)} END`;
  const year = `CASE WHEN ${eight} THEN ${int('SUBSTR(date_head, 1, 4)')} WHEN LENGTH(${a}) = 4 AND LENGTH(${c}) BETWEEN 1 AND 2 THEN ${int(a)}
      WHEN LENGTH(${a}) <= 2 AND LENGTH(${c}) = 4 THEN ${int(c)} WHEN LENGTH(${a}) <= 2 AND LENGTH(${c}) = 2 THEN ${twoDigit} END`;
  const month = `CASE WHEN ${eight} THEN ${int('SUBSTR(date_head, 5, 2)')} ELSE ${int(b)} END`;
  const day = `CASE WHEN ${eight} THEN ${int('SUBSTR(date_head, 7, 2)')} WHEN LENGTH(${a}) = 4 THEN ${int(c)} ELSE ${int(a)} END`;
  return [`${year} AS date_y`, `${month} AS date_m`, `${day} AS date_d`];
}

/** Days since 1970-01-01 of `date_y`, `date_m`, `date_d` when they make a real date from 1900-03-01 to 9999-12-31 (parse-date.ts), else NULL. */
function dayInRange(): string {
  return `CASE WHEN date_y >= 1900 AND date_days BETWEEN ${MIN_DAY} AND ${MAX_DAY} THEN date_days END`;
}
