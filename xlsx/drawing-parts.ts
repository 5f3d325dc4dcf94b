/**
 * The parts of an .xlsx tab beyond its cells, as the streaming writer (write-xlsx.ts) adds them: the
 * native charts (a drawing part per tab anchoring one chart part per ChartSpec, xlsx/chart-xml.ts)
 * and the links of the Summary's blocks to their tabs — internal hyperlinks,
 * `<hyperlink ref="A12" location="'Win-back'!A1">`, with no relationship (an internal link needs
 * none; ECMA-376 Part 1 §18.3.1.47).
 *
 * A chart over a table without rows is not drawn (Excel refuses an empty series), as in the Excel
 * port. The anchors use the layout's cells, the chart the size of CHART_ROWS × CHART_COLUMNS cells.
 *
 * Example: a Summary tab with two charts → a drawing anchoring chart1.xml and chart2.xml at the
 * layout's cells, and its three block links as three `<hyperlink>` elements.
 */
import { cellAddress, CHART_COLUMNS, CHART_ROWS, type PlacedChart, type TabLayout } from '../core/index.js';
import { escapeXml, quotedSheet } from './chart-xml.js';

/** EMU per pixel, and the pixels of a default column and row: the size a chart takes. */
const EMU_PER_PIXEL = 9525;
const COLUMN_PIXELS = 64;
const ROW_PIXELS = 20;

export const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
export const CHART_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
export const DRAWING_CONTENT = 'application/vnd.openxmlformats-officedocument.drawing+xml';
export const CHART_CONTENT = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';

/** The tab's charts that are drawn: those over a table with rows and with a series. */
export function drawnCharts(tab: TabLayout): PlacedChart[] {
  return tab.charts.filter((chart) => chart.table.rowCount > 0 && chart.seriesColumns.length > 0);
}

export interface Link {
  address: string;
  location: string;
  display: string;
}

/** The tab's table links whose target tab is in the report. */
export function linksOf(tab: TabLayout, tabs: readonly TabLayout[]): Link[] {
  return tab.tables.flatMap((table) => {
    const link = table.spec.link;
    const target = link && tabs.find((t) => t.spec.key === link.sheet);
    if (!link || !target || table.linkRow === null) return [];
    return [{ address: cellAddress(table.linkRow, 0), location: `${quotedSheet(target.spec.name)}!A1`, display: link.text }];
  });
}

/** The `<hyperlinks>` element of the links (empty without links). */
export function hyperlinksXml(links: readonly Link[]): string {
  if (links.length === 0) return '';
  return `<hyperlinks>${links.map((l) => `<hyperlink ref="${l.address}" location="${escapeXml(l.location)}" display="${escapeXml(l.display)}"/>`).join('')}</hyperlinks>`;
}

/** The drawing part of the charts: chart i is relationship rId{i + 1} of the drawing. */
export function drawingXml(charts: readonly PlacedChart[]): string {
  const anchors = charts.map((chart, i) => {
    const cx = CHART_COLUMNS * COLUMN_PIXELS * EMU_PER_PIXEL;
    const cy = CHART_ROWS * ROW_PIXELS * EMU_PER_PIXEL;
    return (
      `<xdr:oneCellAnchor><xdr:from><xdr:col>${chart.left}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${chart.top}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
      `<xdr:ext cx="${cx}" cy="${cy}"/><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(chart.spec.title || `Chart ${i + 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId${i + 1}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    anchors.join('') +
    '</xdr:wsDr>'
  );
}
