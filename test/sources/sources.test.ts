import { describe, expect, it } from 'vitest';
import { words } from '../../core/i18n/index.js';
import { companionSheets, OPTIONAL_SOURCES, SOURCE_KEYS, SOURCES } from '../../core/sources/sources.js';

describe('the input sources', () => {
  it('are sales first, then the optional ones, each with its own setting', () => {
    expect(SOURCE_KEYS).toEqual(['sales', ...OPTIONAL_SOURCES]);
    expect(SOURCE_KEYS.map((key) => SOURCES[key].setting)).toEqual(['salesSheet', 'requestsSheet', 'contactsSheet', 'complaintsSheet']);
  });

  it('recognise their default sheet name in every language as a companion sheet', () => {
    for (const key of SOURCE_KEYS) {
      for (const lang of ['en', 'ru'] as const) expect(SOURCES[key].sheetWords).toContain(words(lang).report.source[key].toLowerCase());
    }
  });

  it('read a grid into records with their own reader', () => {
    const read = SOURCES.complaints.read([
      ['Клиент', 'Дата', 'Жалоба'],
      ['ООО Ромашка', '05.03.2026', 'Опоздала поставка'],
    ]);
    expect(read.ok && read.records).toEqual([{ row: 2, client: 'ООО Ромашка', day: 20517, text: 'Опоздала поставка' }]);
  });
});

describe('companion sheets', () => {
  it('are found among the workbook sheets by name, in any case, never the sales sheet', () => {
    expect(companionSheets(['Sales', ' Requests ', 'Жалобы', 'Notes'], 'Sales')).toEqual({ requests: ' Requests ', complaints: 'Жалобы' });
    expect(companionSheets(['Запросы', 'Продажи'], 'Запросы')).toEqual({});
  });

  it('are not looked for when the user named the source', () => {
    expect(companionSheets(['Sales', 'Requests', 'Contacts'], 'Sales', { requests: 'r.csv' })).toEqual({ contacts: 'Contacts' });
  });
});
