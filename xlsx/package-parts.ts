/**
 * What the cell writer cannot put into an .xlsx, added to the package it wrote: the native charts
 * (a drawing part per tab holding one chart part per ChartSpec, xlsx/chart-xml.ts) and the links of
 * the Summary's blocks to their tabs (internal hyperlinks, `<hyperlink location="'Win-back'!A1">`,
 * with no relationship: exceljs 4.4 writes an internal link as an external one too — exceljs issue
 * #3027 — which Excel then opens as a file path).
 *
 * The parts follow ECMA-376 Part 1: the sheet's `<drawing r:id>` and `<hyperlinks>` elements go
 * where CT_Worksheet's sequence puts them; the sheet's relationships gain the drawing; the content
 * types gain the drawing and chart parts. Tabs are matched to worksheet parts by their names in
 * xl/workbook.xml, so the writer's part numbering does not matter. A chart over a table without
 * rows is not drawn (Excel refuses an empty series), as in the Excel port.
 *
 * Example: a Summary tab with two charts → xl/drawings/drawing1.xml anchoring xl/charts/chart1.xml
 * and chart2.xml at the layout's cells, and `<drawing r:id="rId2"/>` in the Summary's sheet XML.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { cellAddress, CHART_COLUMNS, CHART_ROWS, type PlacedChart, type TabLayout } from '../core/index.js';
import { chartXml, escapeXml, quotedSheet } from './chart-xml.js';

/** EMU per pixel, and the pixels of a default column and row: the size a chart takes. */
const EMU_PER_PIXEL = 9525;
const COLUMN_PIXELS = 64;
const ROW_PIXELS = 20;

const REL = {
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
};
const CONTENT = {
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
};
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** CT_Worksheet's elements after `<hyperlinks>`, and after `<drawing>`, in schema order. */
const AFTER_HYPERLINKS = ['printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

export function withChartsAndLinks(bytes: Uint8Array, tabs: readonly TabLayout[]): Uint8Array {
  const files: Record<string, Uint8Array> = unzipSync(bytes);
  const text = (path: string) => strFromU8(files[path]!);
  const sheetParts = worksheetParts(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels'));
  const overrides: string[] = [];
  let drawings = countParts(files, /^xl\/drawings\/drawing\d+\.xml$/);
  let charts = countParts(files, /^xl\/charts\/chart\d+\.xml$/);
  for (const tab of tabs) {
    const part = sheetParts.get(tab.spec.name);
    if (!part) throw new Error(`the workbook has no worksheet named "${tab.spec.name}"`);
    let sheet = text(part);
    const links = linksOf(tab, tabs);
    if (links.length > 0) sheet = insertHyperlinks(sheet, links);
    const drawn = tab.charts.filter((chart) => chart.table.rowCount > 0 && chart.seriesColumns.length > 0);
    if (drawn.length > 0) {
      const drawing = ++drawings;
      const chartNumbers = drawn.map(() => ++charts);
      drawn.forEach((chart, i) => {
        files[`xl/charts/chart${chartNumbers[i]}.xml`] = strToU8(chartXml(chart, tab.spec.name));
        overrides.push(override(`/xl/charts/chart${chartNumbers[i]}.xml`, CONTENT.chart));
      });
      files[`xl/drawings/drawing${drawing}.xml`] = strToU8(drawingXml(drawn));
      files[`xl/drawings/_rels/drawing${drawing}.xml.rels`] = strToU8(
        relationships(chartNumbers.map((n, i) => ({ id: `rId${i + 1}`, type: REL.chart, target: `../charts/chart${n}.xml` }))),
      );
      overrides.push(override(`/xl/drawings/drawing${drawing}.xml`, CONTENT.drawing));
      const relsPath = part.replace(/^(.*\/)([^/]+)$/, '$1_rels/$2.rels');
      const { xml, id } = addRelationship(files[relsPath] ? strFromU8(files[relsPath]) : null, REL.drawing, `../drawings/drawing${drawing}.xml`);
      files[relsPath] = strToU8(xml);
      sheet = insertBefore(sheet, AFTER_DRAWING, `<drawing r:id="${id}"/>`);
    }
    files[part] = strToU8(sheet);
  }
  if (overrides.length > 0) files['[Content_Types].xml'] = strToU8(text('[Content_Types].xml').replace('</Types>', `${overrides.join('')}</Types>`));
  const zippable: Zippable = {};
  for (const [path, data] of Object.entries(files)) if (!path.endsWith('/')) zippable[path] = [data, { level: 1 }];
  return zipSync(zippable);
}

interface Link {
  address: string;
  location: string;
  display: string;
}

/** The tab's table links whose target tab is in the report. */
function linksOf(tab: TabLayout, tabs: readonly TabLayout[]): Link[] {
  return tab.tables.flatMap((table) => {
    const link = table.spec.link;
    const target = link && tabs.find((t) => t.spec.key === link.sheet);
    if (!link || !target || table.linkRow === null) return [];
    return [{ address: cellAddress(table.linkRow, 0), location: `${quotedSheet(target.spec.name)}!A1`, display: link.text }];
  });
}

function insertHyperlinks(sheet: string, links: readonly Link[]): string {
  const elements = links.map((l) => `<hyperlink ref="${l.address}" location="${escapeXml(l.location)}" display="${escapeXml(l.display)}"/>`).join('');
  if (sheet.includes('</hyperlinks>')) return sheet.replace('</hyperlinks>', `${elements}</hyperlinks>`);
  return insertBefore(sheet, AFTER_HYPERLINKS, `<hyperlinks>${elements}</hyperlinks>`);
}

/** Inserts `element` before the first of `following` the sheet has, or before its end. */
function insertBefore(sheet: string, following: readonly string[], element: string): string {
  let at = sheet.lastIndexOf('</worksheet>');
  for (const name of following) {
    const found = new RegExp(`<${name}[\\s/>]`).exec(sheet);
    if (found && found.index < at) at = found.index;
  }
  return sheet.slice(0, at) + element + sheet.slice(at);
}

function drawingXml(charts: readonly PlacedChart[]): string {
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

/** Sheet name → the path of its worksheet part, from the workbook and its relationships. */
function worksheetParts(workbook: string, rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const rel of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(rel[0], 'Id');
    const target = attribute(rel[0], 'Target');
    if (id && target && attribute(rel[0], 'Type') === REL.worksheet) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const sheet of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attribute(sheet[0], 'name');
    const target = targets.get(attribute(sheet[0], 'r:id') ?? '');
    if (name !== null && target) parts.set(name, target);
  }
  return parts;
}

function attribute(tag: string, name: string): string | null {
  const found = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return found ? unescapeXml(found[1]!) : null;
}

function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[entity]!);
}

function addRelationship(existing: string | null, type: string, target: string): { xml: string; id: string } {
  const taken = [...(existing ?? '').matchAll(/\sId="rId(\d+)"/g)].map((m) => Number(m[1]));
  const id = `rId${Math.max(0, ...taken) + 1}`;
  const element = `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  if (existing === null) return { xml: relationships([{ id, type, target }]), id };
  return { xml: existing.replace('</Relationships>', `${element}</Relationships>`), id };
}

function relationships(rels: readonly { id: string; type: string; target: string }[]): string {
  const elements = rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELS_NS}">${elements}</Relationships>`;
}

function override(partName: string, contentType: string): string {
  return `<Override PartName="${partName}" ContentType="${contentType}"/>`;
}

function countParts(files: Record<string, Uint8Array>, pattern: RegExp): number {
  return Object.keys(files).filter((path) => pattern.test(path)).length;
}
