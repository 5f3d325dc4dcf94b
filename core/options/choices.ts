/**
 * The choices a user has, as `as const` arrays — the command line, the panel, the function
 * arguments and the types all take them from here, so a new choice is added once.
 *
 * Example: `PERIOD_KINDS` → ['month', 'quarter', 'week']; `PERIODS_LIMIT.week` → 520.
 */

/** Period lengths (SPEC §2). */
export const PERIOD_KINDS = ['month', 'quarter', 'week'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** What ABC, XYZ and tiers measure (SPEC §2). */
export const MEASURES = ['amount', 'profit', 'quantity'] as const;
export type Measure = (typeof MEASURES)[number];

/** The purchase model behind P(alive) (SPEC §7, §7a): chosen by the model check, a named one, or none. */

export const MODEL_KINDS = ['auto', 'bgnbd', 'mbgnbd', 'paretonbd', 'none'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** XYZ thresholds of the cv method (SPEC §4): two presets, quantiles of the data, or custom numbers. */
export const XYZ_PRESET_NAMES = ['default', 'classic', 'auto', 'custom'] as const;
export type XyzPreset = (typeof XYZ_PRESET_NAMES)[number];

/** How a user picks XYZ: a cv preset, or the regularity method. */
export const XYZ_CHOICES = [...XYZ_PRESET_NAMES, 'regularity'] as const;
export type XyzChoice = (typeof XYZ_CHOICES)[number];

/**
 * The longest window, per period kind: ten years (so the previous window reaches twenty years
 * back). The same limit on the command line, in the panel and in function arguments.
 */
export const PERIODS_LIMIT: Readonly<Record<PeriodKind, number>> = { month: 120, quarter: 40, week: 520 };

/**
 * The currencies a report can show money in (ISO 4217 codes): the ones the reader recognises in
 * cells (core/read/parse-number.ts). `none` writes money as plain numbers.
 */
export const CURRENCIES = ['RUB', 'USD', 'EUR', 'GBP'] as const;
export type CurrencyCode = (typeof CURRENCIES)[number];
export const CURRENCY_CHOICES = [...CURRENCIES, 'none'] as const;
export type CurrencyChoice = (typeof CURRENCY_CHOICES)[number];
