/**
 * A small sales sheet whose answers are worked by hand (asOf 2026-03-31, monthly window
 * Apr 2025 – Mar 2026), shared by the summary, inspection and local-bridge tests.
 *
 * - Alpha: 100 on the 15th of every month, 2025-01-15 … 2026-03-15 (15 purchase days). Cadence 31,
 *   recency 16 → active. formerValue 1,200 (Apr 2025 – Mar 2026). Window value 1,200; cv 0 → X.
 * - Beta: 1,000 on the 15th, 2025-01-15 … 2025-06-15 (6 days). Gaps 31, 28, 31, 30, 31 → cadence
 *   31, lost limit 93; recency 289 → lost, signal overdue. formerValue 6,000. Window value 3,000
 *   (Apr–Jun 2025) over 12 months [1000 ×3, 0 ×9] → cv 1.73 → Z.
 * - Delta: 50 on 2025-10-31, 11-30, 12-31, 2026-01-31. Gaps 30, 31, 31 → cadence 31, risk limit
 *   46.5, lost limit 93; recency 59 → at-risk, overdue. formerValue 200. Window value 200 over
 *   Oct–Mar [50, 50, 50, 50, 0, 0] → cv 0.71 → Y.
 * - Gamma: 10 on 2026-03-01 only → new (30 days), one-off. Series of 1 month → N.
 *
 * Tiers by formerValue (total 7,410): Beta 6,000 (before 0) gold; Alpha (before 0.81) silver;
 * Delta (before 0.972) bronze; Gamma bronze. ABC by window value (total 4,410): Beta (before 0)
 * A; Alpha (0.68) A; Delta (0.952) C; Gamma C. Matrix: AX 1, AZ 1, CY 1, CN 1.
 * Win-back list: Beta (gold, lost → "overdue-gold"), then Delta (bronze, at-risk → "overdue").
 *
 * Two more rows are rejected: a `Total` row (subtotal) and a row whose date is `someday`.
 */
import type { Cell } from '../../core/read/types.js';

export const AS_OF = '2026-03-31';

function monthly(client: string, amount: number, from: [number, number], count: number, day = 15): Cell[][] {
  const rows: Cell[][] = [];
  for (let i = 0; i < count; i++) {
    const month = from[1] - 1 + i;
    const year = from[0] + Math.floor(month / 12);
    rows.push([client, `${year}-${String((month % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`, amount]);
  }
  return rows;
}

export function salesGrid(): Cell[][] {
  return [
    ['Client', 'Date', 'Amount'],
    ...monthly('Alpha', 100, [2025, 1], 15),
    ...monthly('Beta', 1000, [2025, 1], 6),
    ['Delta', '2025-10-31', 50],
    ['Delta', '2025-11-30', 50],
    ['Delta', '2025-12-31', 50],
    ['Delta', '2026-01-31', 50],
    ['Gamma', '2026-03-01', 10],
    ['Total', null, 8610],
    ['Gamma', 'someday', 5],
  ];
}
