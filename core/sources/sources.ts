/**
 * The one table of input sources (SPEC §1): the sales lines, which every run needs, and the
 * optional requests, contacts and complaints that make more signs of leaving visible. Each source
 * has its reader, the panel setting that remembers the user's sheet for it, the words of a sheet
 * name that marks it as a companion sheet in the sales workbook (English and Russian), and the
 * columns a template sheet for it carries. Its default sheet name in each language is the
 * vocabulary's `report.source[key]` (Sales / Продажи, …).
 *
 * Everything that walks over sources — the pipeline, the panel, the command line, the templates —
 * walks over this table, so a new source is added here once.
 *
 * Example: `SOURCES.requests.setting` → `requestsSheet`; `SOURCES.complaints.sheetWords` includes
 * `жалобы`; `SOURCES.sales.read(grid)` is readSales.
 */
import { normalizeWord } from '../basics/words.js';
import type { FieldKey } from '../read/fields.js';
import { readComplaints } from '../read/read-complaints.js';
import { readContacts } from '../read/read-contacts.js';
import { readRequests } from '../read/read-requests.js';
import { readSales } from '../read/read-sales.js';
import type { SalesColumns } from '../read/sales-columns.js';
import type { TableSource } from '../read/table-source.js';
import type { ComplaintLine, ContactLine, Grid, ReadOptions, ReadOutcome, RequestLine } from '../read/types.js';

export const SOURCE_KEYS = ['sales', 'requests', 'contacts', 'complaints'] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];

/** The sources a run may go without. */
export const OPTIONAL_SOURCES = ['requests', 'contacts', 'complaints'] as const satisfies readonly SourceKey[];
export type OptionalSource = (typeof OPTIONAL_SOURCES)[number];

/** The records each source's reader makes: typed columns for the sales, lists for the others. */
export interface SourceRecords {
  sales: SalesColumns;
  requests: RequestLine[];
  contacts: ContactLine[];
  complaints: ComplaintLine[];
}

/** The panel setting (PanelSettings key) that remembers the user's sheet of each source. */
export type SourceSetting = 'salesSheet' | 'requestsSheet' | 'contactsSheet' | 'complaintsSheet';

export interface SourceDefinition<K extends SourceKey> {
  key: K;
  setting: SourceSetting;
  /** Sheet names (trimmed, lower case) that mark a sheet of the sales workbook as this source. */
  sheetWords: readonly string[];
  /** The columns of a template sheet for this source, in order. */
  templateColumns: readonly FieldKey[];
  read(input: Grid | TableSource, options?: ReadOptions<string>): ReadOutcome<SourceRecords[K], string>;
}

export const SOURCES: { readonly [K in SourceKey]: SourceDefinition<K> } = {
  sales: {
    key: 'sales',
    setting: 'salesSheet',
    sheetWords: ['sales', 'продажи'],
    templateColumns: ['client', 'date', 'document', 'product', 'quantity', 'amount', 'profit', 'manager', 'region'],
    read: (input, options) => readSales(input, options) as ReadOutcome<SalesColumns, string>,
  },
  requests: {
    key: 'requests',
    setting: 'requestsSheet',
    sheetWords: ['requests', 'request', 'inquiries', 'запросы', 'заявки'],
    templateColumns: ['client', 'date', 'manager'],
    read: (input, options) => readRequests(input, options) as ReadOutcome<RequestLine[], string>,
  },
  contacts: {
    key: 'contacts',
    setting: 'contactsSheet',
    sheetWords: ['contacts', 'calls', 'контакты', 'звонки'],
    templateColumns: ['client', 'date', 'answered', 'manager'],
    read: (input, options) => readContacts(input, options) as ReadOutcome<ContactLine[], string>,
  },
  complaints: {
    key: 'complaints',
    setting: 'complaintsSheet',
    sheetWords: ['complaints', 'claims', 'жалобы', 'претензии', 'рекламации'],
    templateColumns: ['client', 'date', 'text'],
    read: (input, options) => readComplaints(input, options) as ReadOutcome<ComplaintLine[], string>,
  },
};

/**
 * The sheets of a workbook that hold the optional sources the user did not name: for each
 * optional source not in `given`, the first sheet (other than the sales sheet) whose trimmed,
 * lower-cased name is one of its sheet words.
 *
 * Example: sheets [Sales, Requests, Жалобы, Notes], sales "Sales" → {requests: 'Requests',
 * complaints: 'Жалобы'}.
 */
export function companionSheets(
  sheetNames: readonly string[],
  salesSheet: string | undefined,
  given: Partial<Record<OptionalSource, unknown>> = {},
): Partial<Record<OptionalSource, string>> {
  const found: Partial<Record<OptionalSource, string>> = {};
  for (const key of OPTIONAL_SOURCES) {
    if (given[key]) continue;
    const sheet = sheetNames.find((name) => name !== salesSheet && SOURCES[key].sheetWords.includes(normalizeWord(name)));
    if (sheet !== undefined) found[key] = sheet;
  }
  return found;
}
