/**
 * The report's languages and the small lookups callers need. Data keeps the stable keys
 * (`at-risk`, `gold`, `bad-date`); only what a user reads goes through here.
 *
 * Example: `statusLabel('ru', 'at-risk')` → `под угрозой`; `actionText('en', 'mailing-only')` →
 * `Low-cost channel only (mailing); …`; `failureText('en', 'missing-columns', ['date'])` →
 * `required columns not found: date`.
 */
import type { ActionKey, MovementKind, Signal, Status, Tier } from '../analyze/analysis.js';
import type { RejectReason } from '../read/types.js';
import { en, type Messages } from './en.js';
import { ru } from './ru.js';

export type Lang = 'en' | 'ru';
export type { Messages };

export const LANGS: readonly Lang[] = ['en', 'ru'];

const dictionaries: Record<Lang, Messages> = { en, ru };

/** The whole dictionary of a language. */
export function t(lang: Lang): Messages {
  return dictionaries[lang];
}

/** True for a language the report speaks. */
export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'ru';
}

export function statusLabel(lang: Lang, status: Status): string {
  return t(lang).status[status];
}

export function tierLabel(lang: Lang, tier: Tier): string {
  return t(lang).tier[tier];
}

export function signalLabel(lang: Lang, signal: Signal): string {
  return t(lang).signal[signal];
}

export function movementLabel(lang: Lang, kind: MovementKind): string {
  return t(lang).movement[kind];
}

/** A sentence a sales head understands, e.g. "Date cannot be read". */
export function rejectReasonText(lang: Lang, reason: RejectReason): string {
  return t(lang).reject[reason];
}

/** The recommended action of SPEC §6 for one signal (or `overdue-gold`, `mailing-only`). */
export function actionText(lang: Lang, key: ActionKey): string {
  return t(lang).action[key];
}

/** Codes of a sheet that cannot be read (ReadFailure) or an analysis that cannot run. */
export type FailureCode = keyof Messages['failure'];

/** Why an input cannot be used; `missing` lists the field keys of `missing-columns`. */
export function failureText(lang: Lang, code: FailureCode, missing: readonly string[] = []): string {
  const m = t(lang);
  if (code === 'missing-columns') return m.failure[code](missing.map((f) => fieldLabel(m, f)).join(', '));
  return m.failure[code];
}

/** A field key (`client`, `date`, …) in the user's language; an unknown key is shown as it is. */
function fieldLabel(m: Messages, field: string): string {
  return Object.hasOwn(m.field, field) ? m.field[field as keyof Messages['field']] : field;
}

/** The optional sources a run can take beside the sales. */
export type SourceKind = 'requests' | 'contacts' | 'complaints';

/** The command line's messages; `companion` takes the source key and names it in the language. */
export function cliText(lang: Lang): Omit<Messages['cli'], 'companion'> & { companion(kind: SourceKind, sheet: string): string } {
  const m = t(lang);
  return { ...m.cli, companion: (kind, sheet) => m.cli.companion(m.source[kind], sheet) };
}
