/**
 * readContacts: a contacts sheet → contact attempts + rejected rows (SPEC §1 "Contacts").
 *
 * Columns: client, date and answered (required); manager may be mapped but is not kept (a
 * ContactLine has no manager). After the shared checks (blank, subtotal — see read-rows.ts): empty
 * client → `no-client`; unreadable date → `bad-date`; an answered cell that is not yes/no
 * (parse-answered.ts) → `bad-answered`.
 *
 * Example: header `Клиент | Дата | Дозвон`, row `ООО Ромашка | 05.03.2026 | нет` at sheet row 2
 * → {row: 2, client: 'ООО Ромашка', day: 2026-03-05, answered: false}.
 */
import type { Cell, ContactField, ContactLine, Grid, ReadOptions, ReadOutcome } from './types.js';
import type { SheetKind } from './detect-header.js';
import { CONTACT_WORDS } from './header-words.js';
import { parseAnswered } from './parse-answered.js';
import { clientAndDay, dateOptionsOf, readTable, reject } from './read-rows.js';

export const CONTACT_SHEET: SheetKind<ContactField> = {
  words: CONTACT_WORDS,
  clientField: 'client',
  required: ['client', 'date', 'answered'],
  missing: (mapping) => CONTACT_SHEET.required.filter((field) => mapping[field] === undefined),
};

export function readContacts(grid: Grid, options: ReadOptions<ContactField> = {}): ReadOutcome<ContactLine, ContactField> {
  return readTable<ContactLine, ContactField>(grid, CONTACT_SHEET, options, (mapping, sink) => {
    const columns = { client: mapping.client!, date: mapping.date! };
    const answeredColumn = mapping.answered!;
    const dateOptions = dateOptionsOf(options);
    return (row: readonly Cell[], sheetRow: number): void => {
      const read = clientAndDay(sink, row, sheetRow, columns, dateOptions);
      if (!read) return;
      const answered = parseAnswered(row[answeredColumn]);
      if (answered === null) return reject(sink, sheetRow, 'bad-answered', row[answeredColumn]);
      sink.records.push({ row: sheetRow, ...read, answered });
    };
  });
}
