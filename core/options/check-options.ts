/**
 * The one check of analysis options (SPEC §2–§7 settings), for every surface: the command line,
 * the panel and function arguments all pass what the user gave through `checkOptions` and show
 * the refusal in their own words (i18n `options`).
 *
 * Rules: `periods` a whole number from 1 to PERIODS_LIMIT of the period kind; ABC `a` above 0
 * and below 1, `b` above `a` up to 1 (the same for tiers gold and silver); custom XYZ `x` above 0
 * and `y` above `x`; `minPeriods` a whole number of at least 1; `riskFactor` above 0 and
 * `lostFactor` above it; `minLostDays`, `silenceDays` and `newDays` whole numbers of at least 1;
 * `holdoutDays` absent or a whole number from 7 to 3650; the choices (period, measure, model, XYZ
 * method and preset) among their arrays; `currency` absent (the input's, currency.ts) or one of
 * CURRENCY_CHOICES (`RUB`, `USD`, `EUR`, `GBP`, `none`).
 *
 * Example: checkOptions({period: 'quarter', periods: 41}) →
 * {ok: false, problem: {option: 'periods', rule: {kind: 'whole', min: 1, max: 40}}}.
 */
import type { AnalyzeOptions } from '../analyze/analysis.js';
import { CURRENCY_CHOICES, MEASURES, MODEL_KINDS, PERIOD_KINDS, PERIODS_LIMIT, XYZ_PRESET_NAMES } from './choices.js';
import { withDefaults, type OptionsInput } from './options.js';

/** An option by its path in AnalyzeOptions. */
export type OptionPath =
  | 'asOf'
  | 'period'
  | 'periods'
  | 'measure'
  | 'model'
  | 'holdoutDays'
  | 'currency'
  | 'abc.a'
  | 'abc.b'
  | 'tiers.gold'
  | 'tiers.silver'
  | 'xyz.method'
  | 'xyz.preset'
  | 'xyz.x'
  | 'xyz.y'
  | 'xyz.minPeriods'
  | 'status.riskFactor'
  | 'status.lostFactor'
  | 'status.minLostDays'
  | 'status.silenceDays'
  | 'status.newDays';

/** What a value must be. Bounds of `between` are exclusive unless marked inclusive. */
export type OptionRule =
  | { kind: 'whole'; min: number; max?: number; optional?: true }
  | { kind: 'between'; min: number; max: number; maxInclusive: boolean }
  | { kind: 'above'; than: number }
  | { kind: 'date' }
  | { kind: 'oneOf'; choices: readonly string[]; optional?: true };

export interface OptionProblem {
  option: OptionPath;
  rule: OptionRule;
}

export type CheckedOptions = { ok: true; options: AnalyzeOptions } | { ok: false; problem: OptionProblem };

export function checkOptions(input: OptionsInput = {}): CheckedOptions {
  const o = withDefaults(input);
  const problem = firstProblem(o);
  return problem ? { ok: false, problem } : { ok: true, options: o };
}

/** The model check's hidden stretch: a whole number of days from a week to ten years (or the default). */
export const HOLDOUT_DAYS_RULE: OptionRule = { kind: 'whole', min: 7, max: 3650, optional: true };

/** The rule the `periods` option follows for a period kind. */
export function periodsRule(period: AnalyzeOptions['period']): OptionRule {
  return { kind: 'whole', min: 1, max: PERIODS_LIMIT[period] };
}

/** True when `value` satisfies `rule`. */
export function satisfies(value: unknown, rule: OptionRule): boolean {
  switch (rule.kind) {
    case 'whole':
      if (value === undefined && rule.optional) return true;
      return Number.isInteger(value) && (value as number) >= rule.min && (rule.max === undefined || (value as number) <= rule.max);
    case 'between':
      return typeof value === 'number' && value > rule.min && (rule.maxInclusive ? value <= rule.max : value < rule.max);
    case 'above':
      return typeof value === 'number' && Number.isFinite(value) && value > rule.than;
    case 'date':
      return value === undefined || Number.isInteger(value);
    case 'oneOf':
      if (value === undefined && rule.optional) return true;
      return typeof value === 'string' && rule.choices.includes(value);
  }
}

function firstProblem(o: AnalyzeOptions): OptionProblem | null {
  const checks: [OptionPath, unknown, OptionRule][] = [
    ['asOf', o.asOf, { kind: 'date' }],
    ['period', o.period, { kind: 'oneOf', choices: PERIOD_KINDS }],
    ['periods', o.periods, periodsRule(PERIOD_KINDS.includes(o.period) ? o.period : 'month')],
    ['measure', o.measure, { kind: 'oneOf', choices: MEASURES }],
    ['model', o.model, { kind: 'oneOf', choices: MODEL_KINDS }],
    ['holdoutDays', o.holdoutDays, HOLDOUT_DAYS_RULE],
    ['currency', o.currency, { kind: 'oneOf', choices: CURRENCY_CHOICES, optional: true }],
    ['abc.a', o.abc.a, { kind: 'between', min: 0, max: 1, maxInclusive: false }],
    ['abc.b', o.abc.b, { kind: 'between', min: o.abc.a, max: 1, maxInclusive: true }],
    ['tiers.gold', o.tiers.gold, { kind: 'between', min: 0, max: 1, maxInclusive: false }],
    ['tiers.silver', o.tiers.silver, { kind: 'between', min: o.tiers.gold, max: 1, maxInclusive: true }],
    ['xyz.method', o.xyz.method, { kind: 'oneOf', choices: ['cv', 'regularity'] }],
    ['xyz.preset', o.xyz.preset, { kind: 'oneOf', choices: XYZ_PRESET_NAMES }],
    ['xyz.x', o.xyz.x, { kind: 'above', than: 0 }],
    ['xyz.y', o.xyz.y, { kind: 'above', than: o.xyz.x }],
    ['xyz.minPeriods', o.xyz.minPeriods, { kind: 'whole', min: 1 }],
    ['status.riskFactor', o.status.riskFactor, { kind: 'above', than: 0 }],
    ['status.lostFactor', o.status.lostFactor, { kind: 'above', than: o.status.riskFactor }],
    ['status.minLostDays', o.status.minLostDays, { kind: 'whole', min: 1 }],
    ['status.silenceDays', o.status.silenceDays, { kind: 'whole', min: 1 }],
    ['status.newDays', o.status.newDays, { kind: 'whole', min: 1 }],
  ];
  for (const [option, value, rule] of checks) if (!satisfies(value, rule)) return { option, rule };
  return null;
}
