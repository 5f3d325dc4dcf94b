/**
 * Conversion tables (SPEC §7) over the window: per client, per manager and overall. A request's
 * manager is its own manager cell, else the client's manager; requests with neither are grouped
 * under an empty name. Fills `requests` and `converted` of each ClientResult.
 */
import type { ClientResult, ConversionRow } from './analysis.js';
import type { Window } from '../basics/calendar.js';
import { compareCodePoints } from '../basics/compare.js';
import { purchaseDaysOf, type Facts } from './facts.js';
import { isConverted, rateOf } from '../metrics/conversion.js';
import type { RequestLine } from '../read/types.js';

export function conversionTables(
  facts: Facts,
  clients: ClientResult[],
  requests: readonly RequestLine[],
  window: Window,
): { overall: ConversionRow; byManager: ConversionRow[]; byClient: ConversionRow[] } {
  const index = new Map(facts.names.map((name, c) => [name, c]));
  const byManager = new Map<string, ConversionRow>();
  const byClient = new Map<string, ConversionRow>();
  const overall: ConversionRow = { name: '', requests: 0, converted: 0, rate: null };
  for (const r of requests) {
    if (r.day < window.from || r.day > window.to) continue;
    const c = index.get(r.client);
    const days = c === undefined ? [] : purchaseDaysOf(facts, c);
    const converted = isConverted(r.day, days) ? 1 : 0;
    const manager = r.manager || (c === undefined ? null : facts.manager[c]) || '';
    for (const row of [overall, rowOf(byManager, manager), rowOf(byClient, r.client)]) {
      row.requests++;
      row.converted += converted;
    }
    if (c !== undefined) {
      clients[c].requests++;
      clients[c].converted += converted;
    }
  }
  return { overall: withRate(overall), byManager: sortedRows(byManager), byClient: sortedRows(byClient) };
}

function rowOf(rows: Map<string, ConversionRow>, name: string): ConversionRow {
  let row = rows.get(name);
  if (!row) rows.set(name, (row = { name, requests: 0, converted: 0, rate: null }));
  return row;
}

function withRate(row: ConversionRow): ConversionRow {
  return { ...row, rate: rateOf(row.converted, row.requests) };
}

function sortedRows(rows: Map<string, ConversionRow>): ConversionRow[] {
  return [...rows.values()].map(withRate).sort((p, q) => q.requests - p.requests || compareCodePoints(p.name, q.name));
}
