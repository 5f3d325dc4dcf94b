/**
 * readRequests: a requests sheet → client inquiries + rejected rows (SPEC §1 "Requests").
 *
 * Columns: client and date (required), manager (optional). After the shared checks (the row's own
 * problem, blank, subtotal — see read-rows.ts): empty client → `no-client`; unreadable date →
 * `bad-date`. Requests kept as rows of the sales sheet (a `type` column) are read by readSales.
 *
 * Example: header `Клиент | Дата | Менеджер`, row `ООО Ромашка | 05.03.2026 | Иванов` at sheet row 2
 * → {row: 2, client: 'ООО Ромашка', day: 2026-03-05, manager: 'Иванов'}.
 */
import type { Grid, ReadOptions, ReadOutcome, RequestLine } from './types.js';
import type { SheetKind } from './detect-header.js';
import { REQUEST_WORDS, type RequestField } from './header-words.js';
import { clientAndDay, dateOptionsOf, optionalName, readTable } from './read-rows.js';
import type { TableSource } from './table-source.js';

export const REQUEST_SHEET: SheetKind<RequestField> = {
  words: REQUEST_WORDS,
  clientField: 'client',
  required: ['client', 'date'],
  missing: (mapping) => REQUEST_SHEET.required.filter((field) => mapping[field] === undefined),
};

export function readRequests(input: Grid | TableSource, options: ReadOptions<RequestField> = {}): ReadOutcome<RequestLine[], RequestField> {
  return readTable<RequestLine[], RequestField>(input, REQUEST_SHEET, options, ({ mapping }, reject) => {
    const columns = { client: mapping.client!, date: mapping.date! };
    const dateOptions = dateOptionsOf(options);
    const records: RequestLine[] = [];
    return {
      read(row, sheetRow) {
        const read = clientAndDay(row, sheetRow, columns, dateOptions, reject);
        if (!read) return;
        const request: RequestLine = { row: sheetRow, ...read };
        const manager = optionalName(row, mapping.manager);
        if (manager) request.manager = manager;
        records.push(request);
      },
      finish: () => ({ records }),
    };
  });
}
