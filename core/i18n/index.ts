/**
 * The languages and the one way to their words. Every word a user reads — report, panel, command
 * line, Sheets menu and help, function descriptions, error messages — lives under
 * `core/i18n/<lang>/`, typed by the English shape (`Vocabulary`): a new language is one folder
 * plus its line in `VOCABULARIES`, and a missing word is a compile error. Data keeps the stable
 * keys (`at-risk`, `gold`, `bad-date`); only what a user reads goes through here.
 *
 * Example: `words('ru').report.status['at-risk']` → `под угрозой`; `langOfLocale('ru-RU')` → `ru`;
 * `ruleText('en', {kind: 'whole', min: 1, max: 40})` → `a whole number from 1 to 40`.
 */
import type { MovementKind, Signal, Status, Tier } from '../analyze/analysis.js';
import { hasOwn } from '../basics/own.js';
import type { OptionRule } from '../options/check-options.js';
import type { RejectReason } from '../read/types.js';
import { en, type Vocabulary } from './en/index.js';
import { ru } from './ru/index.js';

export type { Vocabulary };
export type ReportWords = Vocabulary['report'];
export type PanelWords = Vocabulary['panel'];

const VOCABULARIES = { en, ru } satisfies Record<string, Vocabulary>;

export type Lang = keyof typeof VOCABULARIES;

export const LANGS = Object.keys(VOCABULARIES) as Lang[];

/** Every word of a language. */
export function words(lang: Lang): Vocabulary {
  return VOCABULARIES[lang];
}

/** True for a language Winback speaks. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && hasOwn(VOCABULARIES, value);
}

/** The language for a host locale such as `ru-RU` or `ru_RU`: its language when spoken, else English. */
export function langOfLocale(locale: string): Lang {
  const language = locale.trim().toLowerCase().split(/[-_]/)[0];
  return isLang(language) ? language : 'en';
}

export function statusLabel(lang: Lang, status: Status): string {
  return words(lang).report.status[status];
}

export function tierLabel(lang: Lang, tier: Tier): string {
  return words(lang).report.tier[tier];
}

export function signalLabel(lang: Lang, signal: Signal): string {
  return words(lang).report.signal[signal];
}

export function movementLabel(lang: Lang, kind: MovementKind): string {
  return words(lang).report.movement[kind];
}

/** A sentence a sales head understands, e.g. "Date cannot be read". */
export function rejectReasonText(lang: Lang, reason: RejectReason): string {
  return words(lang).report.reject[reason];
}

/** Codes of a sheet that cannot be read (ReadFailure) or an analysis that cannot run. */
export type FailureCode = keyof ReportWords['failure'];

/**
 * Why an input cannot be used; `missing` lists the field keys of `missing-columns`, `named` the
 * header a user named and the sheet's headers (`unknown-header`).
 */
export function failureText(lang: Lang, code: FailureCode, missing: readonly string[] = [], named?: { header: string; headers: readonly string[] }): string {
  const m = words(lang).report;
  if (code === 'missing-columns') return m.failure[code](missing.map((f) => fieldLabel(lang, f)).join(', '));
  if (code === 'unknown-header') return m.failure[code](named?.header ?? '', (named?.headers ?? []).join(', '));
  return m.failure[code];
}

/** A field key (`client`, `date`, …) in the user's language; an unknown key is shown as it is. */
export function fieldLabel(lang: Lang, field: string): string {
  const labels = words(lang).report.field;
  return hasOwn(labels, field) ? labels[field as keyof typeof labels] : field;
}

/** What a value must be (a rule of checkOptions), as a part of a sentence. */
export function ruleText(lang: Lang, rule: OptionRule): string {
  const { options, format } = words(lang);
  const n = format.number;
  switch (rule.kind) {
    case 'whole':
      return rule.max === undefined ? options.wholeAtLeast(n(rule.min)) : options.whole(n(rule.min), n(rule.max));
    case 'between':
      return (rule.maxInclusive ? options.betweenInclusive : options.between)(n(rule.min), n(rule.max));
    case 'above':
      return options.above(n(rule.than));
    case 'date':
      return options.date;
    case 'oneOf':
      return options.oneOf(rule.choices.join(', '));
  }
}
