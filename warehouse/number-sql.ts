/**
 * A number cell's text read in SQL as core/read/parse-number.ts reads it, in the steps of the
 * aggregation (aggregation-sql.ts), for one number field: each step's columns over the columns of
 * the steps before. With `<f>_text` the cell's trimmed text:
 *
 * 1. flags — `<f>_plain`: a number as a machine writes it (`-12`, `2.55`, `1.5E+03`) or a typed
 *    column, read as it is;
 * 2. parts (other texts, up to 64 characters) — `<f>_core`: the digits, separators and grouping
 *    spaces of the shape parse-number.ts accepts — an optional bracket, sign, currency before,
 *    sign, the digits, currency after, trailing minus, closing bracket — or NULL; `<f>_signs`: how
 *    many signs (brackets counting one); `<f>_brackets`: whether brackets pair; `<f>_currency`: the
 *    code of the currency written, `many` for two different ones;
 * 3. numbers — `<f>_reading`: which separator the core's shape says is the decimal one: `dot`,
 *    `comma`, `either` (`1,234`, `1.234`: one separator, three digits after it, one to three
 *    before, not a leading 0), `none`; NULL when the shape is not a number;
 * 4. values — `<f>_digits`: the core as a decimal text under its reading, when its thousands groups
 *    are right (three digits each after the first, `1,23,456` is none), else NULL;
 * 5. finals — `<f>_number` (the exact decimal by the cell's own rule: `either` reads `1,234` as
 *    1234 and `1.234` as 1.234), `<f>_mark` (what the cell proves of its column: `comma`, `dot`,
 *    `either` for an ambiguous cell, NULL for none), `<f>_other` (an ambiguous cell under the other
 *    reading), `<f>_code` (the currency of a readable money text).
 *
 * A column's decision from its marks (read-numbers.ts) is made by the aggregation, over the rows
 * whose number the reader reads.
 *
 * Example: `(1 234,50 руб.)` → core `1 234,50`, one sign, currency RUB, reading comma, digits
 * `1234.50`, number −1234.50, mark comma; `1,234` → reading either, number 1234, other 1.234.
 */
import type { SqlDialect } from './sql-dialect.js';

/** What JavaScript's `trim` and `\s` count as space (ECMAScript WhiteSpace and LineTerminator), as the characters of an RE2 class. */
export const JS_SPACE_CHARS = String.raw`\t\n\x{000B}\f\r \x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}\x{FEFF}`;
const S = `[${JS_SPACE_CHARS}]`;
/** Currency words and signs, in parse-number.ts's order (the first that matches is taken). */
const CURRENCY = String.raw`[$€£₽]|usd|eur|gbp|rub|rur|рублей|рубля|рубль|руб\.?|р\.?`;
/** parse-number.ts's NUMBER_SHAPE over the lower-case text, the digits its one capturing group. */
const SHAPE = String.raw`^\(?${S}*[-−+]?${S}*(?:(?:${CURRENCY})${S}*)?[-−+]?${S}*([\d.,'’${JS_SPACE_CHARS}]*\d[\d.,'’${JS_SPACE_CHARS}]*?)${S}*(?:${CURRENCY})?${S}*-?${S}*\)?$`;
/** parse-number.ts's longest number text. */
const MAX_TEXT = 64;
/**
 * A number as a machine writes it, read as it is: up to 15 digits with a decimal point, or
 * exponent notation (read through a double, as parse-number.ts reads it with Number()).
 */
const PLAIN = String.raw`^-?\d{1,15}(?:\.\d+)?$|^[-+]?(?:\d+\.?\d*|\.\d+)[eE][-+]?\d+$`;
/** A plain number that only its column can decide (`1.234`). */
const PLAIN_EITHER = String.raw`^-?[1-9]\d{0,2}\.\d{3}$`;
const EITHER = String.raw`^[1-9]\d{0,2}[.,]\d{3}$`;
/** A core read with a decimal point (commas group thousands), and with a decimal comma (points group): readGroups. */
const DOT_GROUPS = String.raw`^(?:\d*|\d{1,3}(?:[${JS_SPACE_CHARS}'’,]\d{3})+)(?:\.\d*)?$`;
const COMMA_GROUPS = String.raw`^(?:\d*|\d{1,3}(?:[${JS_SPACE_CHARS}'’.]\d{3})+)(?:,\d*)?$`;
/** The currency codes and the words that write each (parse-number.ts: every ruble word and ₽ is RUB). */
const CODES: readonly (readonly [string, string])[] = [
  ['USD', '[$]|usd'],
  ['EUR', '€|eur'],
  ['GBP', '£|gbp'],
  ['RUB', '₽|rub|rur|р'],
];

export interface NumberSql {
  flags(field: string, typed: boolean): string[];
  parts(field: string): string[];
  numbers(field: string): string[];
  values(field: string): string[];
  finals(field: string, typed: boolean): string[];
}

export function numberSql(d: SqlDialect): NumberSql {
  const count = (e: string, char: string) => `(LENGTH(${e}) - LENGTH(REPLACE(${e}, '${char}', '')))`;
  const flag = (e: string) => `CASE WHEN ${e} THEN 1 ELSE 0 END`;
  return {
    flags: (f, typed) => [`${typed ? 'TRUE' : d.matches(`${f}_text`, PLAIN)} AS ${f}_plain`],
    parts: (f) => {
      const text = `${f}_text`;
      const lower = `LOWER(${text})`;
      const unlessPlain = (e: string, plain = 'NULL') => `CASE WHEN ${f}_plain THEN ${plain} ELSE ${e} END`;
      const codes = CODES.map(([code, words]) => [code, d.matches(lower, words)] as const);
      const currency = `CASE WHEN NOT ${d.matches(lower, String.raw`[^\d.,'’()+−${JS_SPACE_CHARS}-]`)} THEN NULL WHEN ${codes.map(([, has]) => flag(has)).join(' + ')} > 1 THEN 'many' ${codes
        .map(([code, has]) => `WHEN ${has} THEN '${code}'`)
        .join(' ')} END`;
      return [
        `${unlessPlain(`CASE WHEN LENGTH(${text}) > ${MAX_TEXT} THEN NULL ELSE NULLIF(${d.regexExtract(lower, SHAPE)}, '') END`)} AS ${f}_core`,
        `${unlessPlain(`${signCount(text)} + ${flag(`${text} LIKE '(%'`)}`, '0')} AS ${f}_signs`,
        `${unlessPlain(`(${text} LIKE '(%') = (${text} LIKE '%)')`, 'TRUE')} AS ${f}_brackets`,
        `${unlessPlain(currency)} AS ${f}_currency`,
      ];
    },
    numbers: (f) => {
      const core = `${f}_core`;
      const [dots, commas] = [count(core, '.'), count(core, ',')];
      return [
        `CASE WHEN ${core} IS NULL OR ${f}_signs > 1 OR NOT ${f}_brackets OR ${f}_currency = 'many' THEN NULL
      WHEN ${d.matches(core, EITHER)} THEN 'either'
      WHEN ${dots} > 0 AND ${commas} > 0 THEN CASE WHEN ${d.matches(core, String.raw`\.[^,]*$`)} THEN 'dot' ELSE 'comma' END
      WHEN ${commas} > 1 THEN 'dot' WHEN ${commas} = 1 THEN 'comma' WHEN ${dots} > 1 THEN 'comma' WHEN ${dots} = 1 THEN 'dot' ELSE 'none' END AS ${f}_reading`,
      ];
    },
    values: (f) => {
      const core = `${f}_core`;
      const comma = `CASE WHEN ${d.matches(core, COMMA_GROUPS)} THEN REPLACE(${d.regexReplace(core, `[${JS_SPACE_CHARS}'’.]`, '')}, ',', '.') END`;
      const dot = `CASE WHEN ${d.matches(core, DOT_GROUPS)} THEN ${d.regexReplace(core, `[${JS_SPACE_CHARS}'’,]`, '')} END`;
      return [`CASE WHEN ${f}_reading IS NULL THEN NULL WHEN ${f}_reading = 'comma' THEN ${comma} ELSE ${dot} END AS ${f}_digits`];
    },
    finals: (f, typed) => {
      const text = `${f}_text`;
      const sign = `CASE WHEN ${f}_signs = 1 AND STRPOS(${text}, '+') = 0 THEN -1 ELSE 1 END`;
      // DuckDB's decimal cast reads an exponent only with a short mantissa (a machine's 0.30000000000000004 is `30000000000000004e-17`): such a number goes through a double, as the reader reads it.
      const plain = `CASE WHEN STRPOS(LOWER(${text}), 'e') > 0 THEN ${d.decimal(d.float(text))} ELSE ${d.decimal(text)} END`;
      const plainMark = typed
        ? 'NULL'
        : `CASE WHEN STRPOS(${text}, '.') = 0 OR STRPOS(LOWER(${text}), 'e') > 0 THEN NULL WHEN ${d.matches(text, PLAIN_EITHER)} THEN 'either' ELSE 'dot' END`;
      const other = `CASE WHEN STRPOS(${f}_core, ',') > 0 THEN REPLACE(${f}_core, ',', '.') ELSE REPLACE(${f}_core, '.', '') END`;
      return [
        `CASE WHEN ${f}_plain THEN ${plain} ELSE ${sign} * ${d.decimal(`${f}_digits`)} END AS ${f}_number`,
        `CASE WHEN ${f}_plain THEN ${plainMark} WHEN ${f}_digits IS NULL OR ${f}_reading = 'none' THEN NULL ELSE ${f}_reading END AS ${f}_mark`,
        `CASE WHEN ${f}_plain THEN CASE WHEN ${plainMark} = 'either' THEN ${d.decimal(`REPLACE(${text}, '.', '')`)} END
      WHEN ${f}_reading = 'either' THEN ${sign} * ${d.decimal(other)} END AS ${f}_other`,
        `CASE WHEN ${f}_digits IS NOT NULL THEN ${f}_currency END AS ${f}_code`,
      ];
    },
  };
}

/** How many signs (`-`, `−`, `+`) a text holds. */
function signCount(text: string): string {
  return `(LENGTH(${text}) - LENGTH(REPLACE(REPLACE(REPLACE(${text}, '-', ''), '−', ''), '+', '')))`;
}
