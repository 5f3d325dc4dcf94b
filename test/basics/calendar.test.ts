import { describe, expect, it } from 'vitest';
import {
  dayFromSerial,
  dayFromYmd,
  formatDay,
  isValidYmd,
  lastCompletePeriod,
  periodLabel,
  periodOf,
  previousWindow,
  serialFromDay,
  windowAt,
} from '../../core/basics/calendar.js';

describe('calendar', () => {
  it('numbers days from 1970-01-01 and formats them back', () => {
    expect(dayFromYmd(1970, 1, 1)).toBe(0);
    expect(dayFromYmd(1969, 12, 31)).toBe(-1);
    expect(formatDay(dayFromYmd(2024, 2, 29))).toBe('2024-02-29');
  });

  it('converts Excel serials (1900 and 1904 systems)', () => {
    expect(formatDay(dayFromSerial(45658))).toBe('2025-01-01');
    expect(formatDay(dayFromSerial(45658.75))).toBe('2025-01-01');
    expect(formatDay(dayFromSerial(44196, true))).toBe('2025-01-01');
    expect(serialFromDay(dayFromYmd(2025, 1, 1))).toBe(45658);
  });

  it('validates dates', () => {
    expect(isValidYmd(2026, 4, 31)).toBe(false);
    expect(isValidYmd(2023, 2, 29)).toBe(false);
    expect(isValidYmd(2024, 2, 29)).toBe(true);
  });

  it('builds the SPEC example window: asOf 2011-12-09 → Dec 2010 … Nov 2011', () => {
    const w = windowAt(dayFromYmd(2011, 12, 9), 'month', 12);
    expect([formatDay(w.from), formatDay(w.to)]).toEqual(['2010-12-01', '2011-11-30']);
    const p = previousWindow(w);
    expect([formatDay(p.from), formatDay(p.to)]).toEqual(['2009-12-01', '2010-11-30']);
  });

  it('counts a period complete on its last day', () => {
    expect(periodLabel(lastCompletePeriod(dayFromYmd(2025, 11, 30), 'month'), 'month')).toBe('2025-11');
    expect(periodLabel(lastCompletePeriod(dayFromYmd(2025, 12, 30), 'quarter'), 'quarter')).toBe('2025Q3');
    expect(periodLabel(lastCompletePeriod(dayFromYmd(2025, 12, 31), 'quarter'), 'quarter')).toBe('2025Q4');
  });

  it('uses ISO weeks starting Monday, labelled by ISO week-year', () => {
    const monday = dayFromYmd(2024, 12, 30);
    expect(periodOf(monday, 'week')).toBe(periodOf(dayFromYmd(2025, 1, 5), 'week'));
    expect(periodOf(monday, 'week')).toBe(periodOf(dayFromYmd(2024, 12, 29), 'week') + 1);
    expect(periodLabel(periodOf(monday, 'week'), 'week')).toBe('2025-W01');
    expect(periodLabel(periodOf(dayFromYmd(2021, 1, 3), 'week'), 'week')).toBe('2020-W53');
    const w = windowAt(dayFromYmd(2025, 1, 8), 'week', 2);
    expect([formatDay(w.from), formatDay(w.to)]).toEqual(['2024-12-23', '2025-01-05']);
  });
});
