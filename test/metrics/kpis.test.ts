import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { quarterlyKpis } from '../../core/metrics/kpis.js';
import { DEFAULT_STATUS_RULES } from '../../core/metrics/status.js';

describe('quarterlyKpis', () => {
  // Client P buys every 30 days Jan 5 – Apr 4 2024, is lost by Sep 30 2024, returns Feb 10 2025,
  // and is lost again by Jun 30 2025. Client N buys once on Nov 15 2025.
  const p = [dayFromYmd(2024, 1, 5), dayFromYmd(2024, 2, 4), dayFromYmd(2024, 3, 5), dayFromYmd(2024, 4, 4), dayFromYmd(2025, 2, 10)];
  const n = [dayFromYmd(2025, 11, 15)];
  const kpis = quarterlyKpis(
    { start: Int32Array.from([0, p.length, p.length + n.length]), days: Int32Array.from([...p, ...n]) },
    dayFromYmd(2026, 1, 10),
    DEFAULT_STATUS_RULES,
  );

  it('covers the last 8 complete quarters', () => {
    expect(kpis.map((q) => q.quarter)).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4']);
  });

  it('counts active, new, lost and returned clients as worked by hand', () => {
    const pick = kpis.map(({ quarter, active, new: fresh, lost, returned, winBackRate }) => [quarter, active, fresh, lost, returned, winBackRate]);
    expect(pick).toEqual([
      ['2024Q1', 1, 1, 0, 0, null],
      ['2024Q2', 1, 0, 0, 0, null],
      ['2024Q3', 0, 0, 1, 0, null],
      ['2024Q4', 0, 0, 0, 0, 0],
      ['2025Q1', 1, 0, 0, 1, 1],
      ['2025Q2', 0, 0, 1, 0, null],
      ['2025Q3', 0, 0, 0, 0, 0],
      ['2025Q4', 1, 1, 0, 0, 0],
    ]);
  });
});
