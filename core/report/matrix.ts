/**
 * The ABC-XYZ tab (SPEC §4 "matrix", §7 "transition matrix").
 *
 * Three 3×4 blocks — rows A, B, C; columns X, Y, Z, N — with the client count, the sum of value
 * and the share of the total in each cell, each with a heat map over its numbers. Then the
 * largest clients (up to 50) with value and cumulative share, feeding a Pareto chart, and the
 * transition matrix: rows are the cells of the previous period, columns the cells now (only the
 * cells that occur, in the order AX … CN, then "no class"), counting clients.
 *
 * Example: AX holding Acme (118,000) and nobody else of a 185,000 total → counts 1, value
 * 118,000, share 63.8 %.
 */
import { ABC_CLASSES, XYZ_CLASSES, type AbcClass, type Analysis, type XyzClass } from '../analyze/analysis.js';
import { REGULARITY_THRESHOLDS, XYZ_PRESETS } from '../metrics/xyz.js';
import type { CellFormat, ChartSpec, SheetSpec, SpecValue, TableSpec } from './spec.js';
import { byValue } from './clients.js';
import { heatMap } from './colours.js';
import { clientColumn, col, tableOf } from './columns.js';
import { cellLabel, windowNote, type ReportContext } from './context.js';

/** How many of the largest clients the Pareto table lists. */
export const PARETO_CLIENTS = 50;

export function matrixSheet(ctx: ReportContext): SheetSpec {
  const { m } = ctx;
  const pareto = paretoTable(ctx);
  const transitions = transitionTable(ctx);
  const charts: ChartSpec[] = pareto
    ? [{ kind: 'pareto', title: m.charts.pareto, table: pareto.id, categories: 'client', series: ['value', 'cumShare'] }]
    : [];
  return {
    key: 'matrix',
    name: m.tabs.matrix,
    notes: [
      windowNote(ctx),
      m.notes.measure(ctx.measure),
      abcNote(ctx),
      xyzNote(ctx),
      m.notes.matrix,
      ...(pareto ? [m.notes.pareto(pareto.rows.length)] : []),
    ],
    tables: [
      matrixCountsTable(ctx),
      matrixBlock(ctx, 'values', m.titles.matrixValue(ctx.measure), ctx.valueFormat, (cell) => cell.value),
      matrixBlock(ctx, 'shares', m.titles.matrixShare, 'percent', (cell) => cell.share),
      ...(pareto ? [pareto] : []),
      ...(transitions ? [transitions] : []),
    ],
    charts,
    freezeHeader: false,
  };
}

type MatrixCell = Analysis['matrix'][number];

/** Clients per ABC-XYZ cell (the ABC-XYZ tab's first block, also on the Summary). */
export function matrixCountsTable(ctx: ReportContext): TableSpec {
  return matrixBlock(ctx, 'counts', ctx.m.titles.matrixClients, 'integer', (cell) => cell.clients);
}

function matrixBlock(
  ctx: ReportContext,
  id: string,
  title: string,
  format: CellFormat,
  value: (cell: MatrixCell) => number,
): TableSpec {
  const cells = new Map(ctx.analysis.matrix.map((cell) => [cell.abc + cell.xyz, cell]));
  const of = (abc: AbcClass, xyz: XyzClass): SpecValue => {
    const cell = cells.get(abc + xyz);
    return cell ? value(cell) : 0;
  };
  const columns = [
    col<AbcClass>('abc', ctx.m.columns.abcClass, 'text', 16, (abc) => abc),
    ...XYZ_CLASSES.map((xyz) => col<AbcClass>(xyz, xyz, format, undefined, (abc) => of(abc, xyz))),
  ];
  return { id, title, ...tableOf(columns, ABC_CLASSES), heatMap: heatMap([...XYZ_CLASSES]), asTable: false };
}

function paretoTable(ctx: ReportContext): TableSpec | null {
  const top = byValue(ctx.analysis.clients)
    .filter((c) => c.cumShare !== null)
    .slice(0, PARETO_CLIENTS);
  if (top.length === 0) return null;
  const columns = (['client', 'value', 'cumShare'] as const).map((key) => clientColumn(ctx, key));
  return { id: 'pareto', title: ctx.m.titles.pareto(top.length), ...tableOf(columns, top), asTable: false };
}

/** Cell names in matrix order, then `none`. */
const CELL_ORDER = [...ABC_CLASSES.flatMap((abc) => XYZ_CLASSES.map((xyz) => abc + xyz)), 'none'];

function transitionTable(ctx: ReportContext): TableSpec | null {
  const transitions = ctx.analysis.transitions;
  const from = CELL_ORDER.filter((cell) => transitions[cell]);
  const to = CELL_ORDER.filter((cell) => from.some((f) => transitions[f][cell] !== undefined));
  if (from.length === 0) return null;
  const columns = [
    col<string>('from', ctx.m.columns.transitionFrom, 'text', 20, (f) => cellLabel(ctx, f)),
    ...to.map((cell) => col<string>(cell, cellLabel(ctx, cell), 'integer', undefined, (f) => transitions[f][cell] ?? 0)),
  ];
  return { id: 'transitions', title: ctx.m.titles.transitions, ...tableOf(columns, from), heatMap: heatMap(to), asTable: false };
}

function abcNote(ctx: ReportContext): string {
  const { a, b } = ctx.analysis.options.abc;
  return ctx.m.notes.abc(ctx.format.percent(a), ctx.format.percent(b));
}

function xyzNote(ctx: ReportContext): string {
  const { m } = ctx;
  const { xyz } = ctx.analysis.options;
  const kind = ctx.analysis.window.kind;
  if (xyz.method === 'regularity') {
    const t = REGULARITY_THRESHOLDS;
    return m.notes.xyzRegularity(ctx.format.percent(t.x), ctx.format.percent(t.y), xyz.minPeriods, kind);
  }
  if (xyz.preset === 'auto') return m.notes.xyzAuto(xyz.minPeriods, kind);
  const t = xyz.preset === 'custom' ? xyz : XYZ_PRESETS[xyz.preset];
  return m.notes.xyzCv(ctx.format.number(t.x), ctx.format.number(t.y), xyz.minPeriods, kind);
}
