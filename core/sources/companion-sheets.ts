/**
 * Optional sources kept in the same workbook as the sales: a sheet named like requests, contacts
 * or complaints (English or Russian) is used when the user did not name a file for it.
 *
 * Example: book.xlsx with sheets Sales, Requests, Жалобы → requests from `book.xlsx#Requests`,
 * complaints from `book.xlsx#Жалобы`.
 */
export type CompanionKind = 'requests' | 'contacts' | 'complaints';

const SHEET_WORDS: Record<CompanionKind, readonly string[]> = {
  requests: ['requests', 'request', 'inquiries', 'запросы', 'заявки'],
  contacts: ['contacts', 'calls', 'контакты', 'звонки'],
  complaints: ['complaints', 'claims', 'жалобы', 'претензии', 'рекламации'],
};

export interface Companion {
  kind: CompanionKind;
  sheet: string;
  file: string;
}

export function findCompanionSheets(
  input: string,
  sheetNames: readonly string[],
  salesSheet: string | undefined,
  given: Partial<Record<CompanionKind, string>>,
): Companion[] {
  const found: Companion[] = [];
  for (const kind of Object.keys(SHEET_WORDS) as CompanionKind[]) {
    if (given[kind]) continue;
    const sheet = sheetNames.find((name) => name !== salesSheet && SHEET_WORDS[kind].includes(name.trim().toLowerCase()));
    if (sheet) found.push({ kind, sheet, file: `${input.split('#')[0]}#${sheet}` });
  }
  return found;
}
