/**
 * core/read: cells → typed records + rejected rows (DESIGN data flow, first stage).
 * Hosts hand over a Grid (or a TableSource read straight from a file's bytes) and call one of the
 * readers; the parsers are exported for the spreadsheet functions and the panel (which shows the
 * detected mapping).
 */
export { readSales, readSalesRest, isRequestType, SALES_SHEET, type SalesPart } from './read-sales.js';
export type { RestOfFile, RestPart, RestPlan } from './rest-of-file.js';
export { readRequests, REQUEST_SHEET } from './read-requests.js';
export { readContacts, CONTACT_SHEET } from './read-contacts.js';
export { readComplaints, COMPLAINT_SHEET } from './read-complaints.js';
export { detectHeader, HEADER_SEARCH_ROWS, type SheetKind, type Header, type HeaderChoice } from './detect-header.js';
export {
  SALES_WORDS,
  REQUEST_WORDS,
  CONTACT_WORDS,
  COMPLAINT_WORDS,
  normalizeHeader,
  matchHeaders,
  columnChoices,
  type HeaderWords,
  type RequestField,
} from './header-words.js';
export { parseDay, dayFromTime, TWO_DIGIT_PIVOT, type DateOptions, type DateShape } from './parse-date.js';
export { parseNumber, parseNumberText, type NumberShape, type DecimalMark } from './parse-number.js';
export { toCents, toThousandths, amountFromQuantityPrice } from './exact-units.js';
export { parseAnswered } from './parse-answered.js';
export { isTotalText } from './total-words.js';
export { cellText, cellName, visibleText, isBlankCell, isBlankRow } from './cell-text.js';
export { csvSource, csvRows, MAX_QUOTED, type ByteChunks, type CsvSource } from './csv.js';
export { detectDelimiter } from './csv-delimiter.js';
export { FieldCache } from './field-cache.js';
export { gridSource, tableSource, isGrid, GridRow, rowCells, type SourceRow, type TableSource } from './table-source.js';
export {
  saleAt,
  saleLines,
  salesColumns,
  isSalesColumns,
  SALE_TEXT_FIELDS,
  type SalesColumns,
  type TextColumn,
  type SaleTextField,
} from './sales-columns.js';
export { skeleton, lookAlikeGroups } from './look-alikes.js';
