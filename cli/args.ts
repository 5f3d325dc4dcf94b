/**
 * The command line of SPEC §9, parsed and checked:
 * `winback segment <sales.csv|.xlsx> [--sheet NAME] [--requests FILE] [--contacts FILE]
 * [--complaints FILE] [--as-of YYYY-MM-DD] [--period month|quarter|week] [--periods 12]
 * [--measure amount|profit|quantity] [--lang en|ru] [--out report.xlsx] [--json report.json]`
 * plus `--map FIELD="Header"` (repeatable: that column for the field, whatever the header words
 * would pick), `--xyz default|classic|auto|regularity`, `--model auto|bgnbd|mbgnbd|paretonbd|none`,
 * `--holdout-days N`, `--currency RUB|USD|EUR|GBP|none` (any case; default the one currency the
 * sales money shows), `--quiet`; `--engine memory|duckdb` and `--aggregates` (the input is the
 * result of the aggregation, read by DuckDB); and `winback sql --dialect duckdb|bigquery --table
 * NAME [--columns A,B,C] [--map …] [--as-of …]`, which prints the aggregation (warehouse/).
 *
 * A FILE may name a sheet of a workbook as `book.xlsx#Sheet`. The choices come from the core's
 * arrays and the values are checked by checkOptions, with the same limits as in the panel; every
 * refusal is one sentence naming the option, in the language of `--lang` when it is given (even
 * when something else on the line is wrong), else the environment's.
 */
import { parseArgs } from 'node:util';
import {
  checkOptions,
  LANGS,
  MEASURES,
  MODEL_KINDS,
  parseIsoDay,
  PERIOD_KINDS,
  ruleText,
  SALES_FIELDS,
  words,
  XYZ_PRESET_NAMES,
  type Lang,
  type OptionPath,
  type OptionsInput,
  type SalesField,
} from '../core/index.js';
import { DIALECTS, type DialectName } from '../warehouse/sql-dialect.js';

export interface SegmentCommand {
  input: string;
  sheet?: string;
  requests?: string;
  contacts?: string;
  complaints?: string;
  out?: string;
  json?: string;
  lang: Lang;
  quiet: boolean;
  options: OptionsInput;
  /** `--map`: sales fields whose column is named by its header. */
  headers: Partial<Record<SalesField, string>>;
  /** `--engine`: who reads and aggregates the sales lines (warehouse/duckdb-engine.ts). */
  engine: Engine;
  /** `--aggregates`: the input is the result of the `winback sql` aggregation, not sales lines. */
  aggregates: boolean;
}

export const ENGINES = ['memory', 'duckdb'] as const;
export type Engine = (typeof ENGINES)[number];

/** `winback sql`: print the aggregation for a warehouse table. */
export interface SqlCommand {
  dialect: DialectName;
  table: string;
  /** `--columns`: every column of the table, in order, when the user lists them. */
  columns: string[];
  headers: Partial<Record<SalesField, string>>;
  asOf?: number;
  lang: Lang;
}

export type ParsedArgs =
  | { kind: 'run'; command: SegmentCommand }
  | { kind: 'sql'; command: SqlCommand }
  | { kind: 'error'; error: string }
  | { kind: 'help' };

/** `--xyz` takes the cv presets other than custom, or the regularity method. */
const XYZ_OPTION = [...XYZ_PRESET_NAMES.filter((name) => name !== 'custom'), 'regularity'] as const;

const CHOICES = {
  period: PERIOD_KINDS,
  measure: MEASURES,
  lang: LANGS,
  xyz: XYZ_OPTION,
  model: MODEL_KINDS,
  engine: ENGINES,
  dialect: DIALECTS,
} as const;

/** The command-line option of each analysis option it can set. */
const FLAG_OF: Partial<Record<OptionPath, string>> = {
  asOf: 'as-of',
  period: 'period',
  periods: 'periods',
  measure: 'measure',
  model: 'model',
  holdoutDays: 'holdout-days',
  currency: 'currency',
};

export function parseCommandLine(argv: readonly string[], environmentLang: Lang): ParsedArgs {
  const defaultLang = chosenLang(argv) ?? environmentLang;
  const text = words(defaultLang).cli;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        sheet: { type: 'string' },
        requests: { type: 'string' },
        contacts: { type: 'string' },
        complaints: { type: 'string' },
        'as-of': { type: 'string' },
        period: { type: 'string' },
        periods: { type: 'string' },
        measure: { type: 'string' },
        lang: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'string' },
        xyz: { type: 'string' },
        model: { type: 'string' },
        'holdout-days': { type: 'string' },
        currency: { type: 'string' },
        map: { type: 'string', multiple: true },
        engine: { type: 'string' },
        aggregates: { type: 'boolean' },
        dialect: { type: 'string' },
        table: { type: 'string' },
        columns: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { kind: 'error', error: parseError(defaultLang, error as NodeJS.ErrnoException) };
  }
  const { values: v, positionals } = parsed;
  if (v.help || positionals.length === 0) return { kind: 'help' };
  if (positionals[0] !== 'segment' && positionals[0] !== 'sql') return { kind: 'error', error: text.unknownCommand(positionals[0]) };
  for (const key of Object.keys(CHOICES) as (keyof typeof CHOICES)[]) {
    const value = v[key];
    const choices: readonly string[] = CHOICES[key];
    if (value !== undefined && !choices.includes(value))
      return { kind: 'error', error: text.badOption(key, ruleText(defaultLang, { kind: 'oneOf', choices }), value) };
  }
  const asOf = v['as-of'] === undefined ? undefined : parseIsoDay(v['as-of']);
  if (asOf === null) return { kind: 'error', error: text.badOption('as-of', ruleText(defaultLang, { kind: 'date' }), v['as-of']!) };
  const headers: Partial<Record<SalesField, string>> = {};
  for (const given of v.map ?? []) {
    const pair = /^([a-z]+)=(.*)$/s.exec(given);
    const field = pair?.[1] as SalesField | undefined;
    const header = pair?.[2]?.trim().replace(/^"(.*)"$/s, '$1').trim();
    if (!field || !(SALES_FIELDS as readonly string[]).includes(field) || !header) return { kind: 'error', error: text.badMap(given, SALES_FIELDS.join(', ')) };
    headers[field] = header;
  }
  const lang = (v.lang as Lang | undefined) ?? defaultLang;
  if (positionals[0] === 'sql') {
    if (positionals.length !== 1) return { kind: 'error', error: text.sqlNoFile };
    if (!v.table?.trim()) return { kind: 'error', error: text.sqlNeedsTable };
    const columns = (v.columns ?? '').split(',').map((c) => c.trim()).filter(Boolean);
    return { kind: 'sql', command: { dialect: (v.dialect as DialectName | undefined) ?? 'bigquery', table: v.table.trim(), columns, headers, asOf, lang } };
  }
  if (positionals.length !== 2) return { kind: 'error', error: text.oneFile };
  const periods = v.periods === undefined ? undefined : Number(v.periods);
  const holdoutDays = v['holdout-days'] === undefined ? undefined : Number(v['holdout-days']);
  const xyz = v.xyz as (typeof XYZ_OPTION)[number] | undefined;
  const options: OptionsInput = {
    asOf,
    period: v.period as OptionsInput['period'],
    periods,
    measure: v.measure as OptionsInput['measure'],
    model: v.model as OptionsInput['model'],
    holdoutDays,
    currency: currencyChoice(v.currency),
    xyz: xyz === undefined ? undefined : xyz === 'regularity' ? { method: 'regularity' } : { method: 'cv', preset: xyz },
  };
  const checked = checkOptions(options);
  if (!checked.ok) {
    const flag = FLAG_OF[checked.problem.option] ?? checked.problem.option;
    const given = flag === 'periods' ? v.periods : flag === 'as-of' || flag === 'holdout-days' ? v[flag] : String((v as Record<string, unknown>)[flag] ?? '');
    return { kind: 'error', error: text.badOption(flag, ruleText(defaultLang, checked.problem.rule), given ?? '') };
  }
  return {
    kind: 'run',
    command: {
      input: positionals[1],
      sheet: v.sheet,
      requests: v.requests,
      contacts: v.contacts,
      complaints: v.complaints,
      out: v.out,
      json: v.json,
      lang,
      quiet: v.quiet ?? false,
      options,
      headers,
      engine: v.aggregates ? 'duckdb' : ((v.engine as Engine | undefined) ?? 'memory'),
      aggregates: v.aggregates ?? false,
    },
  };
}

/** `--currency` as the option takes it: a code in capitals (`rub` → RUB), `none` in lower case; checked by checkOptions. */
function currencyChoice(given: string | undefined): OptionsInput['currency'] {
  if (given === undefined) return undefined;
  const code = given.trim();
  return (code.toLowerCase() === 'none' ? 'none' : code.toUpperCase()) as OptionsInput['currency'];
}

/** The language `--lang en|ru` (or `--lang=ru`) asks for, looked up before anything else is parsed. */
function chosenLang(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined && (LANGS as readonly string[]).includes(value)) return value as Lang;
  }
  return undefined;
}

/** Node's parseArgs refusals (English, by code) as the user's sentence. */
function parseError(lang: Lang, error: NodeJS.ErrnoException): string {
  const text = words(lang).cli;
  const option = /'(-[^' ]*)/.exec(error.message)?.[1] ?? error.message;
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return text.unknownOption(option);
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return text.missingValue(option);
  return error.message;
}
