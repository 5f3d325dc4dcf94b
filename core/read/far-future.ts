/**
 * Lines dated far after all the others — a mistyped year (`2099`, `2999`, `3026` for 2026) — so
 * that they are reported and never become the analysis date by themselves (SPEC §2 "asOf": the
 * latest date of the accepted lines would make every other client look lost).
 *
 * The latest lines are far after the rest when all of these hold:
 * - they are few: at most 1 % of the lines (at least one line, at most 1,000);
 * - the rest has at least 10 lines;
 * - the gap between the rest's latest day and theirs is longer than a year (365 days) and longer
 *   than the whole span of the rest (a business that paused and resumed buys on after its gap for
 *   longer than a typo does).
 * Among several such gaps the lowest counts, so every line above it is set aside. The pipeline
 * applies this only when the user gave no analysis date; the lines are rejected as `far-future`.
 *
 * Example: 5,000 lines from 2024-01-09 to 2026-10-31 and one dated 2999-01-01 → cut at 2999-01-01;
 * the same 5,000 lines and 60 dated 2028 after a two-year pause → no cut (60 lines > 1 %).
 */
import type { Day } from './types.js';

const YEAR = 365;
const MIN_REST = 10;
const MAX_LINES = 1000;

/**
 * The first day of the far lines, or null when there are none. `weights[i]`, when given, is how many
 * sales lines entry i stands for (an engine's sums, SalesColumns.lines).
 */
export function farFutureCut(days: Int32Array, weights?: Int32Array): Day | null {
  let n = days.length;
  if (weights) {
    n = 0;
    for (let i = 0; i < weights.length; i++) n += weights[i]!;
  }
  const few = Math.min(MAX_LINES, Math.max(1, Math.floor(n / 100)));
  if (n - few < MIN_REST) return null;
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < days.length; i++) {
    if (days[i]! < first) first = days[i]!;
    if (days[i]! > last) last = days[i]!;
  }
  // Lines per day, then the distinct days from the latest down until more than `few` lines.
  const count = new Int32Array(last - first + 1);
  for (let i = 0; i < days.length; i++) count[days[i]! - first]! += weights ? weights[i]! : 1;
  const top: number[] = [];
  let lines = 0;
  for (let d = last - first; d >= 0 && lines <= few; d--) {
    if (count[d] === 0) continue;
    top.push(d + first);
    lines += count[d]!;
  }
  top.reverse();
  for (let j = 1; j < top.length; j++) {
    const gap = top[j]! - top[j - 1]!;
    if (gap > YEAR && gap > top[j - 1]! - first) return top[j]!;
  }
  return null;
}
