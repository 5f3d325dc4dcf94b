/**
 * A report chart (core/layout's PlacedChart) as a DrawingML chart part (ECMA-376 Part 1, §21.2),
 * the XML Excel and LibreOffice draw a native chart from. The series point at the table's cells on
 * the same sheet (so a user who edits a number sees the chart follow) and carry a cache of their
 * values (so a reader that does not recalculate still draws them).
 *
 * Kinds, as the Excel port draws them (addin/excel-charts.ts): `column` → clustered columns,
 * `stacked-column` → stacked columns, `bar` → horizontal bars with the first category on top,
 * `line` → lines with markers, `pareto` → the value as columns plus the cumulative share as a line
 * on a secondary 0–100 % axis. Series colours are Office's default accents, in series order. Text
 * cells among a series' values ("no data") are left out of the cache: a gap, not a zero.
 *
 * Example: the Summary's status counts (categories A6:A9, values B6:B9 on sheet "Summary") →
 * a `<c:barChart>` with `<c:barDir val="col"/>` and one series `'Summary'!$B$6:$B$9`.
 */
import { columnLetters, type PlacedChart, type SpecValue } from '../core/index.js';

/** Office's default accent colours (accent 1 … 4). */
export const SERIES_COLOURS = ['4472C4', 'ED7D31', 'A5A5A5', 'FFC000'];

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};

const AXIS = { category: 100, value: 200, secondaryCategory: 300, secondaryValue: 400 };

/** The chart part's XML for a chart placed on the sheet named `sheetName`. */
export function chartXml(chart: PlacedChart, sheetName: string): string {
  const series = chart.seriesColumns.map((column, i) => seriesData(chart, sheetName, column, i));
  const plot = plotArea(chart, series);
  const legend = series.length > 1 ? '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>' : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    '<c:roundedCorners val="0"/>' +
    `<c:chart>${title(chart.spec.title)}<c:autoTitleDeleted val="0"/>${plot}${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    '</c:chartSpace>'
  );
}

interface SeriesData {
  index: number;
  name: { ref: string; text: string };
  categories: { ref: string; texts: string[] };
  values: { ref: string; numbers: (number | null)[]; formatCode: string };
}

function seriesData(chart: PlacedChart, sheetName: string, column: number, index: number): SeriesData {
  const { table } = chart;
  const first = table.firstDataRow + 1;
  const last = table.firstDataRow + table.rowCount;
  const sheet = quotedSheet(sheetName);
  const range = (c: number) => `${sheet}!$${columnLetters(c)}$${first}:$${columnLetters(c)}$${last}`;
  const cells = (c: number) => table.spec.rows.map((row) => row[c] ?? null);
  const spec = table.spec.columns[column]!;
  return {
    index,
    name: { ref: `${sheet}!$${columnLetters(column)}$${table.headerRow + 1}`, text: spec.header },
    categories: { ref: range(chart.categoryColumn), texts: cells(chart.categoryColumn).map(categoryText) },
    values: {
      ref: range(column),
      numbers: cells(column).map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)),
      formatCode: spec.format === 'percent' ? '0%' : spec.format === 'money' ? '#,##0' : 'General',
    },
  };
}

function plotArea(chart: PlacedChart, series: SeriesData[]): string {
  const kind = chart.spec.kind;
  const axes = (primary: boolean) =>
    primary ? `<c:axId val="${AXIS.category}"/><c:axId val="${AXIS.value}"/>` : `<c:axId val="${AXIS.secondaryCategory}"/><c:axId val="${AXIS.secondaryValue}"/>`;
  if (kind === 'line') {
    const lines = series.map((s) => lineSeries(s)).join('');
    return `<c:plotArea><c:layout/><c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lines}<c:marker val="1"/>${axes(true)}</c:lineChart>${categoryAxis(AXIS.category, AXIS.value, 'b', false)}${valueAxis(AXIS.value, AXIS.category, 'l', series[0]?.values.formatCode ?? 'General')}</c:plotArea>`;
  }
  if (kind === 'pareto') {
    const [bars, share] = series;
    const columns = `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${barSeries(bars!)}<c:gapWidth val="50"/>${axes(true)}</c:barChart>`;
    const line = share ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lineSeries(share)}<c:marker val="1"/>${axes(false)}</c:lineChart>` : '';
    const secondary = share
      ? categoryAxis(AXIS.secondaryCategory, AXIS.secondaryValue, 'b', true) + valueAxis(AXIS.secondaryValue, AXIS.secondaryCategory, 'r', '0%', { max: 1, crossesMax: true })
      : '';
    return `<c:plotArea><c:layout/>${columns}${line}${categoryAxis(AXIS.category, AXIS.value, 'b', false)}${valueAxis(AXIS.value, AXIS.category, 'l', bars!.values.formatCode)}${secondary}</c:plotArea>`;
  }
  const horizontal = kind === 'bar';
  const stacked = kind === 'stacked-column';
  const grouping = stacked ? '<c:grouping val="stacked"/>' : '<c:grouping val="clustered"/>';
  const overlap = stacked ? '<c:overlap val="100"/>' : '';
  const bars = series.map((s) => barSeries(s)).join('');
  return (
    `<c:plotArea><c:layout/><c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/>${grouping}<c:varyColors val="0"/>${bars}<c:gapWidth val="60"/>${overlap}${axes(true)}</c:barChart>` +
    categoryAxis(AXIS.category, AXIS.value, horizontal ? 'l' : 'b', false, horizontal) +
    valueAxis(AXIS.value, AXIS.category, horizontal ? 'b' : 'l', series[0]?.values.formatCode ?? 'General') +
    '</c:plotArea>'
  );
}

function barSeries(s: SeriesData): string {
  return `<c:ser>${seriesHead(s)}${fill(s.index)}<c:invertIfNegative val="0"/>${categories(s)}${values(s)}</c:ser>`;
}

function lineSeries(s: SeriesData): string {
  const colour = SERIES_COLOURS[s.index % SERIES_COLOURS.length];
  const line = `<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></a:ln></c:spPr>`;
  const marker = `<c:marker><c:symbol val="circle"/><c:size val="5"/>${fill(s.index)}</c:marker>`;
  return `<c:ser>${seriesHead(s)}${line}${marker}${categories(s)}${values(s)}<c:smooth val="0"/></c:ser>`;
}

function seriesHead(s: SeriesData): string {
  return `<c:idx val="${s.index}"/><c:order val="${s.index}"/><c:tx><c:strRef><c:f>${escapeXml(s.name.ref)}</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${escapeXml(s.name.text)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`;
}

function fill(index: number): string {
  return `<c:spPr><a:solidFill><a:srgbClr val="${SERIES_COLOURS[index % SERIES_COLOURS.length]}"/></a:solidFill></c:spPr>`;
}

function categories(s: SeriesData): string {
  const points = s.categories.texts.map((text, i) => `<c:pt idx="${i}"><c:v>${escapeXml(text)}</c:v></c:pt>`).join('');
  return `<c:cat><c:strRef><c:f>${escapeXml(s.categories.ref)}</c:f><c:strCache><c:ptCount val="${s.categories.texts.length}"/>${points}</c:strCache></c:strRef></c:cat>`;
}

function values(s: SeriesData): string {
  const points = s.values.numbers.map((n, i) => (n === null ? '' : `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>`)).join('');
  return `<c:val><c:numRef><c:f>${escapeXml(s.values.ref)}</c:f><c:numCache><c:formatCode>${escapeXml(s.values.formatCode)}</c:formatCode><c:ptCount val="${s.values.numbers.length}"/>${points}</c:numCache></c:numRef></c:val>`;
}

function categoryAxis(id: number, cross: number, position: string, hidden: boolean, reversed = false): string {
  return (
    `<c:catAx><c:axId val="${id}"/><c:scaling><c:orientation val="${reversed ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="${hidden ? 1 : 0}"/>` +
    `<c:axPos val="${position}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

function valueAxis(id: number, cross: number, position: string, formatCode: string, options: { max?: number; crossesMax?: boolean } = {}): string {
  const max = options.max === undefined ? '' : `<c:max val="${options.max}"/>`;
  const gridlines = options.crossesMax ? '' : '<c:majorGridlines/>';
  return (
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/>${max}<c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="${position}"/>${gridlines}` +
    `<c:numFmt formatCode="${escapeXml(formatCode)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:crossAx val="${cross}"/><c:crosses val="${options.crossesMax ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function title(text: string): string {
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="en-US" sz="1200" b="1"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

/** A category as the chart labels it: text as it is, a number as written. */
function categoryText(value: SpecValue): string {
  return value === null ? '' : String(value);
}

/** A sheet name as a formula refers to it: always quoted, an apostrophe doubled. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Text safe inside XML elements and double-quoted attributes; characters XML 1.0 forbids are dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
