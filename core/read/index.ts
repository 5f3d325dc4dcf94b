/**
 * core/table: cells → typed records + rejected rows (DESIGN data flow, first stage).
 * Hosts read a sheet or file into a Grid and call one of the readers; the parsers are exported for
 * the spreadsheet functions and the panel (which shows the detected mapping).
 */
export { readSales, isRequestType, SALES_SHEET } from './read-sales.js';
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
  type HeaderWords,
  type RequestField,
} from './header-words.js';
export { parseDay, type DateOptions } from './parse-date.js';
export { parseNumber, parseNumberText } from './parse-number.js';
export { toCents, toThousandths, amountFromQuantityPrice } from './exact-units.js';
export { parseAnswered } from './parse-answered.js';
export { isTotalText, isSubtotalRow } from './total-words.js';
export { cellText, isBlankCell, isBlankRow } from './cell-text.js';
export { decodeText, parseCsv, detectDelimiter, type DecodedText, type TextEncodingName } from './csv.js';
