/**
 * The three calls every host makes, in one place (DESIGN data flow): grid → readSales →
 * analyze → buildReport. Hosts that show progress between stages call the stages themselves in
 * the same order; this is the one-shot form for hosts and tests that do not.
 */
import { analyze } from '../analyze/analyze.js';
import type { Analysis } from '../analyze/analysis.js';
import type { Lang } from '../i18n/index.js';
import type { OptionsInput } from '../options/options.js';
import type { SheetSpec } from '../ports.js';
import { buildReport } from '../report/index.js';
import { readComplaints, readContacts, readRequests, readSales } from '../read/index.js';
import type { ColumnMapping, Grid, ReadFailure, RejectedRow } from '../read/types.js';

export interface SegmentRequest {
  sales: Grid;
  /** The sales sheet's name, used to label nothing but kept for messages. */
  requests?: Grid;
  contacts?: Grid;
  complaints?: Grid;
  /** A mapping the user corrected; detected when absent. */
  mapping?: ColumnMapping;
  options?: OptionsInput;
  lang: Lang;
}

export type SegmentOutcome =
  | { ok: true; analysis: Analysis; sheets: SheetSpec[] }
  | { ok: false; source: 'sales' | 'requests' | 'contacts' | 'complaints'; failure: ReadFailure<string> }
  | { ok: false; source: 'analysis'; code: 'no-sales' | 'no-measure'; message: string };

export function segment(request: SegmentRequest): SegmentOutcome {
  const sales = readSales(request.sales, request.mapping ? { mapping: request.mapping } : {});
  if (!sales.ok) return { ok: false, source: 'sales', failure: sales };
  const extra: RejectedRow[] = [];
  const optional = <T>(source: 'requests' | 'contacts' | 'complaints', grid: Grid | undefined, read: (g: Grid) => ReturnType<typeof readRequests> | ReturnType<typeof readContacts> | ReturnType<typeof readComplaints>) => {
    if (!grid) return { records: undefined as T[] | undefined };
    const outcome = read(grid);
    if (!outcome.ok) return { failure: { ok: false as const, source, failure: outcome as ReadFailure<string> } };
    extra.push(...outcome.rejected.map((r) => ({ ...r, sheet: source })));
    return { records: outcome.records as T[] };
  };
  const requests = optional('requests', request.requests, readRequests);
  const contacts = optional('contacts', request.contacts, readContacts);
  const complaints = optional('complaints', request.complaints, readComplaints);
  for (const r of [requests, contacts, complaints]) if ('failure' in r && r.failure) return r.failure;
  const outcome = analyze(
    {
      sales: sales.records,
      requests: (requests.records as never) ?? sales.requests,
      contacts: contacts.records as never,
      complaints: complaints.records as never,
      rows: sales.dataRows,
      rejected: [...sales.rejected, ...extra],
    },
    request.options,
  );
  if (!outcome.ok) return { ok: false, source: 'analysis', code: outcome.code, message: outcome.message };
  return { ok: true, analysis: outcome.analysis, sheets: buildReport(outcome.analysis, request.lang) };
}
