/**
 * readComplaints: a complaints sheet → complaints + rejected rows (SPEC §1 "Complaints").
 *
 * Columns: client and date (required), text (optional). After the shared checks (the row's own
 * problem, blank, subtotal — see read-rows.ts): empty client → `no-client`; unreadable date →
 * `bad-date`.
 *
 * Example: header `Клиент | Дата | Жалоба`, row `ООО Ромашка | 05.03.2026 | Опоздала поставка` at
 * sheet row 2 → {row: 2, client: 'ООО Ромашка', day: 2026-03-05, text: 'Опоздала поставка'}.
 */
import type { ComplaintField, ComplaintLine, Grid, ReadOptions, ReadOutcome } from './types.js';
import type { SheetKind } from './detect-header.js';
import { COMPLAINT_WORDS } from './header-words.js';
import { clientAndDay, dateOptionsOf, optionalName, readTable } from './read-rows.js';
import type { TableSource } from './table-source.js';

export const COMPLAINT_SHEET: SheetKind<ComplaintField> = {
  words: COMPLAINT_WORDS,
  clientField: 'client',
  required: ['client', 'date'],
  missing: (mapping) => COMPLAINT_SHEET.required.filter((field) => mapping[field] === undefined),
};

export function readComplaints(input: Grid | TableSource, options: ReadOptions<ComplaintField> = {}): ReadOutcome<ComplaintLine[], ComplaintField> {
  return readTable<ComplaintLine[], ComplaintField>(input, COMPLAINT_SHEET, options, ({ mapping }, reject) => {
    const columns = { client: mapping.client!, date: mapping.date! };
    const dateOptions = dateOptionsOf(options);
    const records: ComplaintLine[] = [];
    return {
      read(row, sheetRow) {
        const read = clientAndDay(row, sheetRow, columns, dateOptions, reject);
        if (!read) return;
        const complaint: ComplaintLine = { row: sheetRow, ...read };
        const text = optionalName(row, mapping.text);
        if (text) complaint.text = text;
        records.push(complaint);
      },
      finish: () => ({ records }),
    };
  });
}
