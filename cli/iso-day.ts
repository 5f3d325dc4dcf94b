/** `YYYY-MM-DD` → Day, or null when it is not a real date. */
import { dayFromYmd, isValidYmd } from '../core/basics/calendar.js';
import type { Day } from '../core/read/types.js';

export function parseIsoDay(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(year, month, day) ? dayFromYmd(year, month, day) : null;
}
