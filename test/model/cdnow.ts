/**
 * Readers for the CDNOW files in shared/data/cdnow_lifetimes (beside the repository), used by the
 * model tests. The summary files are in weeks; `rawRepeatDays` builds (x, t_x, T) in days from the
 * transaction log as SPEC §7 defines them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dayFromYmd } from '../../core/basics/calendar.js';

const DATA = new URL('../../../shared/data/cdnow_lifetimes/', import.meta.url);

function readCsv(name: string): number[][] {
  const text = readFileSync(fileURLToPath(new URL(name, DATA)), 'utf8');
  return text
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map(Number));
}

export interface CdnowSummary {
  x: number[];
  tx: number[];
  T: number[];
}

/** cdnow_customers_summary.csv: ID, frequency, recency, T (weeks). */
export function cdnowSummary(): CdnowSummary {
  const rows = readCsv('cdnow_customers_summary.csv');
  return { x: rows.map((r) => r[1]), tx: rows.map((r) => r[2]), T: rows.map((r) => r[3]) };
}

/** cdnow_customers_summary_with_transactions.csv: ID, x, t_x, T, zbar. */
export function cdnowSpend(): { x: number[]; zbar: number[] } {
  const rows = readCsv('cdnow_customers_summary_with_transactions.csv');
  return { x: rows.map((r) => r[1]), zbar: rows.map((r) => r[4]) };
}

/** CDNOW_sample.txt (master id, sample id, YYYYMMDD, cds, dollars) → per customer its distinct purchase days, ascending. */
export function purchaseDays(): number[][] {
  const days = new Map<string, Set<number>>();
  const text = readFileSync(fileURLToPath(new URL('CDNOW_sample.txt', DATA)), 'utf8');
  for (const line of text.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 3) continue;
    const set = days.get(fields[1]) ?? new Set<number>();
    set.add(dayOf(fields[2]));
    days.set(fields[1], set);
  }
  return [...days.values()].map((set) => [...set].sort((p, q) => p - q));
}

/**
 * Per customer, counting distinct purchase days up to `calibrationEnd` (YYYYMMDD) inclusive:
 * x = days − 1, t_x = last − first, T = end − first.
 */
export function rawRepeatDays(calibrationEnd: string): CdnowSummary {
  const end = dayOf(calibrationEnd);
  const out: CdnowSummary = { x: [], tx: [], T: [] };
  for (const all of purchaseDays()) {
    const sorted = all.filter((day) => day <= end);
    if (sorted.length === 0) continue;
    out.x.push(sorted.length - 1);
    out.tx.push(sorted[sorted.length - 1] - sorted[0]);
    out.T.push(end - sorted[0]);
  }
  return out;
}

/** A YYYYMMDD date as a day number (core/basics/calendar.ts). */
export function dayOf(yyyymmdd: string): number {
  return dayFromYmd(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)), Number(yyyymmdd.slice(6, 8)));
}
