/**
 * Native Excel charts for a report tab's ChartSpecs. Each chart is made from its first series
 * column (header included, so the header names the series), then every further series is added
 * from its column; all series take the categories column as x values.
 *
 * Kinds: `column` → clustered columns, `stacked-column` → stacked columns, `line` → line,
 * `bar` → clustered bars, `pareto` → the value as columns plus the cumulative share as a line on
 * the secondary axis (a combo chart; Excel's own Pareto type would re-sort and re-total the data).
 * A table with no rows gets no chart (Excel refuses an empty series).
 */
import { cellAddress, type ChartKind, type PlacedChart } from '../core/index.js';
import type { ExcelChartType, ExcelRange, ExcelWorksheet } from './excel-api.js';

const CHART_TYPES: Record<ChartKind, ExcelChartType> = {
  pareto: 'ColumnClustered',
  column: 'ColumnClustered',
  'stacked-column': 'ColumnStacked',
  line: 'Line',
  bar: 'BarClustered',
};

/** Queues the chart on the sheet (sent with the caller's next sync). */
export function addChart(sheet: ExcelWorksheet, placed: PlacedChart): void {
  const { table, spec } = placed;
  const rows = table.rowCount;
  if (rows === 0 || placed.seriesColumns.length === 0) return;
  const column = (index: number, withHeader: boolean): ExcelRange =>
    withHeader ? sheet.getRangeByIndexes(table.headerRow, index, rows + 1, 1) : sheet.getRangeByIndexes(table.headerRow + 1, index, rows, 1);
  const categories = column(placed.categoryColumn, false);
  const [first, ...others] = placed.seriesColumns;
  const chart = sheet.charts.add(CHART_TYPES[spec.kind], column(first, true), 'Columns');
  chart.title.text = spec.title;
  chart.series.getItemAt(0).setXAxisValues(categories);
  for (const index of others) {
    const series = chart.series.add(table.spec.columns[index].header);
    series.setValues(column(index, false));
    series.setXAxisValues(categories);
    if (spec.kind === 'pareto') {
      series.chartType = 'Line';
      series.axisGroup = 'Secondary';
    }
  }
  chart.setPosition(cellAddress(placed.top, placed.left), cellAddress(placed.top + placed.rows - 1, placed.left + placed.columns - 1));
}
