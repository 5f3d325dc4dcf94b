/**
 * readContacts: a contacts sheet → contact attempts + rejected rows (SPEC §1 "Contacts").
 *
 * Columns: client, date and answered (required); manager may be mapped but is not kept (a
 * ContactLine has no manager). After the shared checks (the row's own problem, blank, subtotal —
 * see read-rows.ts): empty client → `no-client`; unreadable date → `bad-date`; an answered cell
 * that is not yes/no (parse-answered.ts) → `bad-answered`.
 *
 * Example: header `Клиент | Дата | Дозвон`, row `ООО Ромашка | 05.03.2026 | нет` at sheet row 2
 * → {row: 2, client: 'ООО Ромашка', day: 2026-03-05, answered: false}.
 */
import type { ContactField, ContactLine, Grid, ReadOptions, ReadOutcome } from './types.js';
import type { SheetKind } from './detect-header.js';
import { CONTACT_WORDS } from './header-words.js';
import { parseAnswered } from './parse-answered.js';
import { clientAndDay, dateOptionsOf, readTable } from './read-rows.js';
import type { TableSource } from './table-source.js';

export const CONTACT_SHEET: SheetKind<ContactField> = {
  words: CONTACT_WORDS,
  clientField: 'client',
  required: ['client', 'date', 'answered'],
  missing: (mapping) => CONTACT_SHEET.required.filter((field) => mapping[field] === undefined),
};

export function readContacts(input: Grid | TableSource, options: ReadOptions<ContactField> = {}): ReadOutcome<ContactLine[], ContactField> {
  return readTable<ContactLine[], ContactField>(input, CONTACT_SHEET, options, ({ mapping }, reject) => {
    const columns = { client: mapping.client!, date: mapping.date! };
    const answeredColumn = mapping.answered!;
    const dateOptions = dateOptionsOf(options);
    const records: ContactLine[] = [];
    return {
      read(row, sheetRow) {
        const read = clientAndDay(row, sheetRow, columns, dateOptions, reject);
        if (!read) return;
        const answered = parseAnswered(row.cell(answeredColumn));
        if (answered === null) return reject(sheetRow, 'bad-answered', row.cell(answeredColumn));
        records.push({ row: sheetRow, ...read, answered });
      },
      finish: () => ({ records }),
    };
  });
}
