/**
 * The background of each data cell of a table where the report colours it, computed — for the
 * hosts that draw fills themselves (the playground's view; solid fills in the xlsx file) rather
 * than through a conditional format: a cell whose text has a ValueColours colour (status, tier),
 * and heat-map cells on a 3-colour scale from the smallest through the median to the largest
 * number of the table's heat-map columns, as Excel's and Sheets' colour scales draw it.
 *
 * Example: a status column with "lost" → `#FFC7CE`; heat-map numbers 0, 5, 10 → white, the mid
 * colour, the high colour.
 */
import type { HeatMap, TableSpec } from '../report/spec.js';
import { scaleColour } from './colour-scale.js';

/** Fills per data row and column (`#RRGGBB`, or undefined). `heatMap: false` leaves the scale out. */
export function tableFills(table: TableSpec, { heatMap = true }: { heatMap?: boolean } = {}): (string | undefined)[][] {
  const fills = table.rows.map(() => new Array<string | undefined>(table.columns.length).fill(undefined));
  for (const rule of table.valueColours ?? []) {
    const column = table.columns.findIndex((c) => c.key === rule.column);
    if (column < 0) continue;
    table.rows.forEach((cells, r) => {
      const colour = rule.colours[String(cells[column] ?? '')];
      if (colour) fills[r]![column] = colour;
    });
  }
  if (heatMap && table.heatMap) applyHeatMap(table, table.heatMap, fills);
  return fills;
}

function applyHeatMap(table: TableSpec, heat: HeatMap, fills: (string | undefined)[][]): void {
  const columns = heat.columns.map((key) => table.columns.findIndex((c) => c.key === key)).filter((i) => i >= 0);
  const numbers = table.rows.flatMap((cells) => columns.map((i) => cells[i]).filter((v): v is number => typeof v === 'number'));
  if (numbers.length === 0) return;
  const sorted = [...numbers].sort((a, b) => a - b);
  const low = sorted[0]!;
  const high = sorted[sorted.length - 1]!;
  const mid = median(sorted);
  table.rows.forEach((cells, r) => {
    for (const i of columns) {
      const v = cells[i];
      if (typeof v === 'number') fills[r]![i] = scaleColour(v, low, mid, high, heat);
    }
  });
}

function median(sorted: number[]): number {
  const m = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}
