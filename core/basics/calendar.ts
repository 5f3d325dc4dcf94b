/**
 * Calendar arithmetic on whole days (SPEC §2): day numbers, periods and windows.
 *
 * A `Day` is days since 1970-01-01. A period index is a whole number that orders periods:
 * months as year × 12 + month − 1, quarters as year × 4 + quarter − 1, ISO weeks as the
 * number of Mondays since the Monday 1969-12-29.
 *
 * Worked example: asOf 2011-12-09 with monthly periods → the last complete month is Nov 2011,
 * so a 12-period window runs Dec 2010 … Nov 2011 (from 2010-12-01 to 2011-11-30).
 */
import type { PeriodKind } from '../options/choices.js';

export type { PeriodKind };

/** A calendar date as days since 1970-01-01 (1970-01-01 is 0, 1969-12-31 is -1). */
export type Day = number;

/** Milliseconds in a day of UTC time. */
export const MS_PER_DAY = 86_400_000;
/** Excel serial 25569 is 1970-01-01 in the 1900 date system. */
export const EXCEL_EPOCH_OFFSET = 25_569;
/** Days from 1904-01-01 to 1900-01-00 as Excel counts (for the 1904 date system). */
export const EXCEL_1904_OFFSET = 1_462;
/** 1969-12-29 was a Monday: day −3. */
const FIRST_MONDAY = -3;

/** Day number of a calendar date; month is 1–12. Out-of-range parts roll over like Date.UTC. */
export function dayFromYmd(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** The calendar date of a day number. */
export function ymdFromDay(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** True when year-month-day is a real date (no 31 April, no 29 February in 2023). */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const back = ymdFromDay(dayFromYmd(year, month, day));
  return back.year === year && back.month === month && back.day === day;
}

/** `YYYY-MM-DD` → day; null when the text is not that shape or not a real date (2026-02-30). */
export function parseIsoDay(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(year, month, day) ? dayFromYmd(year, month, day) : null;
}

/** The UTC calendar date of an instant (a Date at UTC midnight gives its own day). */
export function dayOfDate(date: Date): Day {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

/** A day as the Date at UTC midnight that spreadsheet libraries use for date cells. */
export function dateOfDay(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

/** `YYYY-MM-DD`. */
export function formatDay(day: Day): string {
  const { year, month, day: d } = ymdFromDay(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Day number of an Excel serial date (1900 system unless `date1904`); the time part is dropped. */
export function dayFromSerial(serial: number, date1904 = false): Day {
  return Math.floor(serial) - EXCEL_EPOCH_OFFSET + (date1904 ? EXCEL_1904_OFFSET : 0);
}

/** Excel serial (1900 system) of a day number. */
export function serialFromDay(day: Day): number {
  return day + EXCEL_EPOCH_OFFSET;
}

/** Period index of a day. */
export function periodOf(day: Day, kind: PeriodKind): number {
  if (kind === 'week') return Math.floor((day - FIRST_MONDAY) / 7);
  const { year, month } = ymdFromDay(day);
  return kind === 'month' ? year * 12 + month - 1 : year * 4 + Math.floor((month - 1) / 3);
}

/** First day of a period. */
export function periodStart(index: number, kind: PeriodKind): Day {
  if (kind === 'week') return FIRST_MONDAY + index * 7;
  if (kind === 'month') return dayFromYmd(Math.floor(index / 12), (index % 12) + 1, 1);
  return dayFromYmd(Math.floor(index / 4), (index % 4) * 3 + 1, 1);
}

/** Last day of a period. */
export function periodEnd(index: number, kind: PeriodKind): Day {
  return periodStart(index + 1, kind) - 1;
}

/** A label for a period: `2026-03`, `2026Q2`, `2026-W09` (ISO week-numbering year). */
export function periodLabel(index: number, kind: PeriodKind): string {
  if (kind === 'month') return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  if (kind === 'quarter') return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
  const thursday = periodStart(index, 'week') + 3;
  const isoYear = ymdFromDay(thursday).year;
  const week = Math.floor((thursday - dayFromYmd(isoYear, 1, 1)) / 7) + 1;
  return `${isoYear}-W${String(week).padStart(2, '0')}`;
}

/** The last period that is complete at asOf: asOf is on or after its last day. */
export function lastCompletePeriod(asOf: Day, kind: PeriodKind): number {
  const current = periodOf(asOf, kind);
  return periodEnd(current, kind) <= asOf ? current : current - 1;
}

/** A run of whole periods, with its first and last day. */
export interface Window {
  kind: PeriodKind;
  /** Index of the first and last period, inclusive. */
  firstPeriod: number;
  lastPeriod: number;
  from: Day;
  to: Day;
}

/** The `periods` periods ending with the last complete period at asOf (SPEC §2 "Window"). */
export function windowAt(asOf: Day, kind: PeriodKind, periods: number): Window {
  const lastPeriod = lastCompletePeriod(asOf, kind);
  return windowOf(lastPeriod - periods + 1, lastPeriod, kind);
}

/** The window of the same length right before `w` (SPEC §2 "Previous window"). */
export function previousWindow(w: Window): Window {
  const length = w.lastPeriod - w.firstPeriod + 1;
  return windowOf(w.firstPeriod - length, w.firstPeriod - 1, w.kind);
}

function windowOf(firstPeriod: number, lastPeriod: number, kind: PeriodKind): Window {
  return { kind, firstPeriod, lastPeriod, from: periodStart(firstPeriod, kind), to: periodEnd(lastPeriod, kind) };
}
