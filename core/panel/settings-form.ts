/**
 * The panel's settings as the form shows them (text in inputs, shares in per cent) and as the core
 * takes them (OptionsInput). Pure, so the conversion is tested without a page.
 *
 * - An empty analysis date means "the latest sale" (no asOf). Dates are `YYYY-MM-DD` (input type=date).
 * - Numbers accept a decimal comma (`1,5`). Shares are typed in per cent: ABC A 80 → abc.a 0.8.
 * - XYZ choice: `default`, `classic`, `auto`, `custom` (with the X and Y fields) are cv presets;
 *   `regularity` switches the method.
 * - The model check's hidden days (`holdoutDays`): empty means automatic (a quarter of the history,
 *   28–365 days: no holdoutDays option); a value is checked by the command line's rule (a whole
 *   number from 7 to 3650). Read only when a purchase model is on — with the model off nothing is
 *   checked, so the field does not apply (`settingApplies`).
 * - Currency: `auto` (the one currency the sales money shows, core/options/currency.ts) leaves the
 *   option out; a code or `none` sets it.
 * - Ranges are checkOptions' rules (the same for the command line and the functions); a value out
 *   of its rule is refused with the key of its field and the rule, so the panel can name it, say
 *   what it must be and focus it.
 *
 * Example: {periods: '12', abcA: '80', abcB: '95', xyz: 'classic', …} → {periods: 12,
 * abc: {a: 0.8, b: 0.95}, xyz: {method: 'cv', preset: 'classic'}, …}.
 */
import { formatDay, parseIsoDay as parseCalendarDay } from '../basics/calendar.js';
import { checkOptions, type OptionPath, type OptionRule } from '../options/check-options.js';
import type { CurrencyChoice, Measure, ModelKind, PeriodKind, XyzChoice } from '../options/choices.js';
import { DEFAULT_OPTIONS, withDefaults, type OptionsInput } from '../options/options.js';

export type { XyzChoice };

export interface SettingsForm {
  asOf: string;
  period: PeriodKind;
  periods: string;
  measure: Measure;
  xyz: XyzChoice;
  xyzX: string;
  xyzY: string;
  abcA: string;
  abcB: string;
  tierGold: string;
  tierSilver: string;
  riskFactor: string;
  lostFactor: string;
  minLostDays: string;
  newDays: string;
  model: ModelKind;
  /** Days the model check hides; '' = automatic. */
  holdoutDays: string;
  /** `auto`: as the sales money shows. */
  currency: CurrencyChoice | 'auto';
}

export type NumberField = Exclude<keyof SettingsForm, 'asOf' | 'period' | 'measure' | 'xyz' | 'model' | 'currency'>;

/**
 * The form as options, or the first field that is not right: not a number (no rule), or out of
 * the rule of checkOptions — stated in the form's own units (per cent for shares).
 */
export type FormOutcome = { ok: true; options: OptionsInput } | { ok: false; field: keyof SettingsForm; rule?: OptionRule };

const percent = (share: number) => String(Number((share * 100).toFixed(4)));

export function formFromOptions(input: OptionsInput = {}): SettingsForm {
  const o = withDefaults(input);
  return {
    asOf: o.asOf === undefined ? '' : formatDay(o.asOf),
    period: o.period,
    periods: String(o.periods),
    measure: o.measure,
    xyz: o.xyz.method === 'regularity' ? 'regularity' : o.xyz.preset,
    xyzX: String(o.xyz.x),
    xyzY: String(o.xyz.y),
    abcA: percent(o.abc.a),
    abcB: percent(o.abc.b),
    tierGold: percent(o.tiers.gold),
    tierSilver: percent(o.tiers.silver),
    riskFactor: String(o.status.riskFactor),
    lostFactor: String(o.status.lostFactor),
    minLostDays: String(o.status.minLostDays),
    newDays: String(o.status.newDays),
    model: o.model,
    holdoutDays: o.holdoutDays === undefined ? '' : String(o.holdoutDays),
    currency: o.currency ?? 'auto',
  };
}

/** The form with every field at its default. */
export function defaultForm(): SettingsForm {
  return formFromOptions(DEFAULT_OPTIONS);
}

export function optionsFromForm(form: SettingsForm): FormOutcome {
  const asOf = parseIsoDay(form.asOf);
  if (asOf === null) return { ok: false, field: 'asOf' };
  const numbers: Partial<Record<NumberField, number>> = {};
  for (const field of NUMBER_FIELDS) {
    if (!settingApplies(form, field) || (OPTIONAL_FIELDS.has(field) && form[field].trim() === '')) continue;
    const value = parseDecimal(form[field]);
    if (value === null) return { ok: false, field };
    numbers[field] = value;
  }
  const n = (field: NumberField) => numbers[field] ?? 0;
  const options: OptionsInput = {
    ...(asOf === undefined ? {} : { asOf }),
    ...(numbers.holdoutDays === undefined ? {} : { holdoutDays: numbers.holdoutDays }),
    period: form.period,
    periods: n('periods'),
    measure: form.measure,
    abc: { a: n('abcA') / 100, b: n('abcB') / 100 },
    xyz: xyzOptions(form.xyz, n('xyzX'), n('xyzY')),
    tiers: { gold: n('tierGold') / 100, silver: n('tierSilver') / 100 },
    status: { riskFactor: n('riskFactor'), lostFactor: n('lostFactor'), minLostDays: n('minLostDays'), newDays: n('newDays') },
    model: form.model,
    ...(form.currency === 'auto' ? {} : { currency: form.currency }),
  };
  const checked = checkOptions(options);
  if (checked.ok) return { ok: true, options };
  const field = FIELD_OF[checked.problem.option as FormOption];
  return { ok: false, field, rule: PERCENT_FIELDS.has(field) ? inPercent(checked.problem.rule) : checked.problem.rule };
}

/** The form's number fields, in the order the panel shows them (the first bad one is named). */
const NUMBER_FIELDS: readonly NumberField[] = [
  'periods',
  'xyzX',
  'xyzY',
  'abcA',
  'abcB',
  'tierGold',
  'tierSilver',
  'riskFactor',
  'lostFactor',
  'minLostDays',
  'newDays',
  'holdoutDays',
];

/** Number fields that may be left empty (then the option is left out: its automatic default). */
const OPTIONAL_FIELDS: ReadonlySet<NumberField> = new Set(['holdoutDays']);

/** Fields typed in per cent of a share. */
const PERCENT_FIELDS: ReadonlySet<keyof SettingsForm> = new Set(['abcA', 'abcB', 'tierGold', 'tierSilver']);

/** The options the form sets; the others (minPeriods, silenceDays) keep their valid defaults. */
type FormOption = Exclude<OptionPath, 'xyz.minPeriods' | 'status.silenceDays'>;

/** The form field that shows each option it sets, so a refusal names the field the user typed in. */
const FIELD_OF: Record<FormOption, keyof SettingsForm> = {
  asOf: 'asOf',
  period: 'period',
  periods: 'periods',
  measure: 'measure',
  model: 'model',
  holdoutDays: 'holdoutDays',
  currency: 'currency',
  'abc.a': 'abcA',
  'abc.b': 'abcB',
  'tiers.gold': 'tierGold',
  'tiers.silver': 'tierSilver',
  'xyz.method': 'xyz',
  'xyz.preset': 'xyz',
  'xyz.x': 'xyzX',
  'xyz.y': 'xyzY',
  'status.riskFactor': 'riskFactor',
  'status.lostFactor': 'lostFactor',
  'status.minLostDays': 'minLostDays',
  'status.newDays': 'newDays',
};

/**
 * Whether a field matters for the form as it stands — the panel shows only those, and reads only
 * those: the custom XYZ limits with the custom preset, the model check's hidden days with a
 * purchase model on.
 */
export function settingApplies(form: SettingsForm, field: keyof SettingsForm): boolean {
  if (field === 'xyzX' || field === 'xyzY') return form.xyz === 'custom';
  if (field === 'holdoutDays') return form.model !== 'none';
  return true;
}

/** A rule over shares, restated over per cent. */
function inPercent(rule: OptionRule): OptionRule {
  if (rule.kind === 'between') return { ...rule, min: rule.min * 100, max: rule.max * 100 };
  if (rule.kind === 'above') return { ...rule, than: rule.than * 100 };
  return rule;
}

function xyzOptions(choice: XyzChoice, x: number, y: number): OptionsInput['xyz'] {
  if (choice === 'regularity') return { method: 'regularity' };
  if (choice === 'custom') return { method: 'cv', preset: 'custom', x, y };
  return { method: 'cv', preset: choice };
}

/** `1,5` or ` 1.5 ` → 1.5; anything else that is not a plain decimal → null. */
export function parseDecimal(text: string): number | null {
  const plain = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : null;
}

/** `YYYY-MM-DD` → day; empty → undefined (the latest sale); anything else → null. */
function parseIsoDay(text: string): number | undefined | null {
  return text.trim() === '' ? undefined : parseCalendarDay(text);
}
