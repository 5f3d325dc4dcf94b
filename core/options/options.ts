/**
 * Analysis options: SPEC defaults, and merging what a user changed over them.
 */
import type { AnalyzeOptions } from '../analyze/analysis.js';
import { DEFAULT_ABC } from '../metrics/abc.js';
import { DEFAULT_STATUS_RULES } from '../metrics/status.js';
import { DEFAULT_TIERS } from '../metrics/tiers.js';
import { DEFAULT_MIN_PERIODS, XYZ_PRESETS } from '../metrics/xyz.js';

export const DEFAULT_OPTIONS: AnalyzeOptions = {
  period: 'month',
  periods: 12,
  measure: 'amount',
  abc: DEFAULT_ABC,
  xyz: { method: 'cv', preset: 'default', ...XYZ_PRESETS.default, minPeriods: DEFAULT_MIN_PERIODS },
  tiers: DEFAULT_TIERS,
  status: DEFAULT_STATUS_RULES,
  model: 'auto',
};

/** Options a caller may give: every group optional, and each group's fields optional. */
export type OptionsInput = Partial<{
  [K in keyof AnalyzeOptions]: AnalyzeOptions[K] extends object ? Partial<AnalyzeOptions[K]> : AnalyzeOptions[K];
}>;

export function withDefaults(input: OptionsInput = {}): AnalyzeOptions {
  return {
    ...DEFAULT_OPTIONS,
    ...dropUndefined(input),
    abc: { ...DEFAULT_OPTIONS.abc, ...dropUndefined(input.abc ?? {}) },
    xyz: { ...DEFAULT_OPTIONS.xyz, ...dropUndefined(input.xyz ?? {}) },
    tiers: { ...DEFAULT_OPTIONS.tiers, ...dropUndefined(input.tiers ?? {}) },
    status: { ...DEFAULT_OPTIONS.status, ...dropUndefined(input.status ?? {}) },
  };
}

function dropUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
