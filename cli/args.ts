/**
 * The command line of SPEC §9, parsed and checked:
 * `winback segment <sales.csv|.xlsx> [--sheet NAME] [--requests FILE] [--contacts FILE]
 * [--complaints FILE] [--as-of YYYY-MM-DD] [--period month|quarter|week] [--periods 12]
 * [--measure amount|profit|quantity] [--lang en|ru] [--out report.xlsx] [--json report.json]`
 * plus `--xyz default|classic|auto|regularity`, `--model bgnbd|mbgnbd|none`, `--quiet`.
 *
 * A FILE may name a sheet of a workbook as `book.xlsx#Sheet`.
 */
import { parseArgs } from 'node:util';
import type { OptionsInput } from '../core/options/options.js';
import type { Lang } from '../core/i18n/index.js';
import { parseIsoDay } from './iso-day.js';

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
}

export type ParsedArgs = { kind: 'run'; command: SegmentCommand } | { kind: 'error'; error: string } | { kind: 'help' };

const CHOICES = {
  period: ['month', 'quarter', 'week'],
  measure: ['amount', 'profit', 'quantity'],
  lang: ['en', 'ru'],
  xyz: ['default', 'classic', 'auto', 'regularity'],
  model: ['bgnbd', 'mbgnbd', 'none'],
} as const;

export function parseCommandLine(argv: readonly string[], defaultLang: Lang): ParsedArgs {
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
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return { kind: 'error', error: (error as Error).message };
  }
  const { values: v, positionals } = parsed;
  if (v.help || positionals.length === 0) return { kind: 'help' };
  if (positionals[0] !== 'segment') return { kind: 'error', error: `unknown command "${positionals[0]}" (the command is "segment")` };
  if (positionals.length !== 2) return { kind: 'error', error: 'give exactly one sales file: winback segment <sales.csv|.xlsx>' };
  for (const key of Object.keys(CHOICES) as (keyof typeof CHOICES)[]) {
    const value = v[key];
    if (value !== undefined && !(CHOICES[key] as readonly string[]).includes(value))
      return { kind: 'error', error: `--${key} must be one of ${CHOICES[key].join(', ')} (got "${value}")` };
  }
  const asOf = v['as-of'] === undefined ? undefined : parseIsoDay(v['as-of']);
  if (asOf === null) return { kind: 'error', error: `--as-of must be a date YYYY-MM-DD (got "${v['as-of']}")` };
  const periods = v.periods === undefined ? undefined : Number(v.periods);
  if (periods !== undefined && !(Number.isInteger(periods) && periods >= 1 && periods <= 520))
    return { kind: 'error', error: `--periods must be a whole number from 1 to 520 (got "${v.periods}")` };
  const xyz = v.xyz as (typeof CHOICES.xyz)[number] | undefined;
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
      lang: (v.lang as Lang | undefined) ?? defaultLang,
      quiet: v.quiet ?? false,
      options: {
        asOf,
        period: v.period as OptionsInput['period'],
        periods,
        measure: v.measure as OptionsInput['measure'],
        model: v.model as OptionsInput['model'],
        xyz: xyz === undefined ? undefined : xyz === 'regularity' ? { method: 'regularity' } : { method: 'cv', preset: xyz },
      },
    },
  };
}
