/**
 * The panel's settings as the form shows them (text in inputs, shares in per cent) and as the core
 * takes them (OptionsInput). Pure, so the conversion is tested without a page.
 *
 * - An empty analysis date means "the latest sale" (no asOf). Dates are `YYYY-MM-DD` (input type=date).
 * - Numbers accept a decimal comma (`1,5`). Shares are typed in per cent: ABC A 80 → abc.a 0.8.
 * - XYZ choice: `default`, `classic`, `auto`, `custom` (with the X and Y fields) are cv presets;
 *   `regularity` switches the method.
 * - A value out of range is refused with the key of its field, so the panel can name it and focus it.
 *
 * Example: {periods: '12', abcA: '80', abcB: '95', xyz: 'classic', …} → {periods: 12,
 * abc: {a: 0.8, b: 0.95}, xyz: {method: 'cv', preset: 'classic'}, …}.
 */
import type { Measure, ModelKind } from '../analyze/analysis.js';
import { dayFromYmd, formatDay, isValidYmd, type PeriodKind } from '../basics/calendar.js';
import { DEFAULT_OPTIONS, withDefaults, type OptionsInput } from '../options/options.js';

export type XyzChoice = 'default' | 'classic' | 'auto' | 'custom' | 'regularity';

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
}

export type NumberField = Exclude<keyof SettingsForm, 'asOf' | 'period' | 'measure' | 'xyz' | 'model'>;

export type FormOutcome = { ok: true; options: OptionsInput } | { ok: false; field: keyof SettingsForm };

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
  };
}

/** The form with every field at its default. */
export function defaultForm(): SettingsForm {
  return formFromOptions(DEFAULT_OPTIONS);
}

export function optionsFromForm(form: SettingsForm): FormOutcome {
  const asOf = parseIsoDay(form.asOf);
  if (asOf === null) return { ok: false, field: 'asOf' };
  const n = (field: NumberField, check: (x: number) => boolean): number | null => {
    const x = parseDecimal(form[field]);
    return x !== null && check(x) ? x : null;
  };
  const periods = n('periods', (x) => Number.isInteger(x) && x >= 1 && x <= 120);
  const abcA = n('abcA', (x) => x > 0 && x < 100);
  const abcB = n('abcB', (x) => x > (abcA ?? 0) && x <= 100);
  const gold = n('tierGold', (x) => x > 0 && x < 100);
  const silver = n('tierSilver', (x) => x > (gold ?? 0) && x <= 100);
  const custom = form.xyz === 'custom';
  const xyzX = custom ? n('xyzX', (x) => x > 0) : 0;
  const xyzY = custom ? n('xyzY', (x) => x > (xyzX ?? 0)) : 0;
  const riskFactor = n('riskFactor', (x) => x > 0);
  const lostFactor = n('lostFactor', (x) => x > (riskFactor ?? 0));
  const minLostDays = n('minLostDays', (x) => Number.isInteger(x) && x >= 1);
  const newDays = n('newDays', (x) => Number.isInteger(x) && x >= 1);
  const checked = { periods, abcA, abcB, tierGold: gold, tierSilver: silver, xyzX, xyzY, riskFactor, lostFactor, minLostDays, newDays };
  const bad = (Object.keys(checked) as (keyof typeof checked)[]).find((field) => checked[field] === null);
  if (bad) return { ok: false, field: bad };
  return {
    ok: true,
    options: {
      ...(asOf === undefined ? {} : { asOf }),
      period: form.period,
      periods: periods!,
      measure: form.measure,
      abc: { a: abcA! / 100, b: abcB! / 100 },
      xyz: xyzOptions(form.xyz, xyzX!, xyzY!),
      tiers: { gold: gold! / 100, silver: silver! / 100 },
      status: { riskFactor: riskFactor!, lostFactor: lostFactor!, minLostDays: minLostDays!, newDays: newDays! },
      model: form.model,
    },
  };
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
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidYmd(year, month, day) ? dayFromYmd(year, month, day) : null;
}
