/**
 * The Conversion tab (SPEC §7): requests in the period of analysis and how many were followed by
 * a purchase within 30 days — by manager with the overall figures as the last row ("All
 * requests"), then by client (most requests first).
 *
 * Without a requests input the tab says so and holds no tables; with requests but none dated in
 * the period, it says that instead. A manager left empty reads "(not set)".
 *
 * Example: 12 requests of which 7 were followed by a purchase → rate 58.3 %.
 */
import type { ConversionRow } from '../analyze/analysis.js';
import { CONVERSION_DAYS } from '../metrics/conversion.js';
import type { SheetSpec, TableSpec } from './spec.js';
import { col, tableOf } from './columns.js';
import { windowNote, type ReportContext } from './context.js';

export function conversionSheet(ctx: ReportContext): SheetSpec {
  const { analysis, m } = ctx;
  const sheet: Omit<SheetSpec, 'notes' | 'tables'> = { key: 'conversion', name: m.tabs.conversion, charts: [], freezeHeader: false };
  if (!analysis.sources.requests) return { ...sheet, notes: [windowNote(ctx), m.notes.conversionMissing], tables: [] };
  const notes = [windowNote(ctx), m.notes.conversion(CONVERSION_DAYS)];
  const { overall, byManager, byClient } = analysis.conversion;
  if (overall.requests === 0) return { ...sheet, notes: [...notes, m.notes.conversionEmpty], tables: [] };
  return {
    ...sheet,
    notes,
    tables: [
      namedTable(ctx, 'byManager', m.titles.conversionByManager, m.columns.manager, [...byManager, { ...overall, name: m.words.allRequests }], false),
      namedTable(ctx, 'byClient', m.titles.conversionByClient, m.columns.client, byClient, true),
    ],
  };
}

function namedTable(
  ctx: ReportContext,
  id: string,
  title: string,
  header: string,
  rows: readonly ConversionRow[],
  asTable: boolean,
): TableSpec {
  const { m } = ctx;
  const columns = [
    col<ConversionRow>('name', header, 'text', 30, (r) => r.name || m.words.managerNotSet),
    col<ConversionRow>('requests', m.columns.requests, 'integer', 12, (r) => r.requests),
    col<ConversionRow>('converted', m.columns.converted, 'integer', 16, (r) => r.converted),
    col<ConversionRow>('rate', m.columns.rate, 'percent', 12, (r) => r.rate),
  ];
  return { id, title, ...tableOf(columns, rows), asTable };
}
