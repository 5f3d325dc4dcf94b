/**
 * XYZ classes: how stable a client's purchases are from period to period (SPEC §4).
 *
 * Method `cv` (default): over the client's per-period series s (n periods, zero periods count),
 * cv = population standard deviation / mean. n < minPeriods (3) → N (not enough history).
 * X if cv ≤ x, Y if cv ≤ y, otherwise Z. Thresholds: default 0.5 / 1.0, `classic` 0.10 / 0.25,
 * `auto` the 1/3 and 2/3 quantiles (type 7) of the cv of the classified clients, or custom.
 * Method `regularity`: the share of the n periods with a purchase day; X if ≥ 0.75, Y if ≥ 0.40.
 * A series whose mean is not positive has no cv (the client has no ABC class either).
 *
 * Worked example: s = [10, 0, 20, 10] → mean 10, sd √50 ≈ 7.071, cv 0.7071 → Y (default), Z
 * (classic). Purchase days in 3 of 4 periods → regularity 0.75 → X.
 */
import type { XyzClass, XyzPreset } from '../analyze/analysis.js';

export interface XyzThresholds {
  x: number;
  y: number;
}

export const XYZ_PRESETS: Record<'default' | 'classic', XyzThresholds> = {
  default: { x: 0.5, y: 1.0 },
  classic: { x: 0.1, y: 0.25 },
};
export const REGULARITY_THRESHOLDS: XyzThresholds = { x: 0.75, y: 0.4 };
export const DEFAULT_MIN_PERIODS = 3;

/** Coefficient of variation with the population standard deviation; null when the mean ≤ 0. */
export function coefficientOfVariation(series: ArrayLike<number>): number | null {
  const n = series.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += series[i];
  const mean = sum / n;
  if (!(mean > 0)) return null;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (series[i] - mean) ** 2;
  return Math.sqrt(squares / n) / mean;
}

/** X / Y / Z of a cv: X if cv ≤ x, Y if cv ≤ y, else Z. */
export function xyzByCv(cv: number, t: XyzThresholds): XyzClass {
  if (cv <= t.x) return 'X';
  return cv <= t.y ? 'Y' : 'Z';
}

/** X / Y / Z of a regularity share: X if ≥ x, Y if ≥ y, else Z. */
export function xyzByRegularity(regularity: number, t: XyzThresholds = REGULARITY_THRESHOLDS): XyzClass {
  if (regularity >= t.x) return 'X';
  return regularity >= t.y ? 'Y' : 'Z';
}

/** Sample quantile, R type 7 (linear interpolation between order statistics). */
export function quantileType7(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * The cv thresholds for a preset. `auto` needs the cvs of the classified clients; with none
 * it falls back to the default thresholds.
 */
export function cvThresholds(preset: XyzPreset, custom: XyzThresholds, cvs: readonly number[]): XyzThresholds {
  if (preset === 'custom') return custom;
  if (preset === 'auto') {
    if (cvs.length === 0) return XYZ_PRESETS.default;
    const sorted = Float64Array.from(cvs).sort();
    return { x: quantileType7(sorted, 1 / 3), y: quantileType7(sorted, 2 / 3) };
  }
  return XYZ_PRESETS[preset];
}
