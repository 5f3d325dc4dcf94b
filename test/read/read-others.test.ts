import { describe, expect, it } from 'vitest';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { parseAnswered } from '../../core/read/parse-answered.js';
import { readComplaints } from '../../core/read/read-complaints.js';
import { readContacts } from '../../core/read/read-contacts.js';
import { readRequests } from '../../core/read/read-requests.js';
import { isTotalText } from '../../core/read/total-words.js';

const d = (y: number, m: number, day: number) => dayFromYmd(y, m, day);

describe('readRequests', () => {
  it('reads client, date and manager, and rejects rows like the sales reader', () => {
    const outcome = readRequests([
      ['Заявки за март'],
      ['Клиент', 'Дата', 'Менеджер'],
      ['ООО Ромашка', '05.03.2026', 'Иванов'],
      ['ИП Петров', '2026-03-06', ''],
      ['', '2026-03-06', 'Иванов'],
      ['ИП Петров', 'вчера', 'Иванов'],
      ['Итого', null, null],
      [],
      ['ИП Петров', '2026-03-07', ''],
      [],
    ]);
    expect(outcome).toMatchObject({ ok: true, headerRow: 1, dataRows: 7 });
    if (!outcome.ok) return;
    expect(outcome.records).toEqual([
      { row: 3, client: 'ООО Ромашка', day: d(2026, 3, 5), manager: 'Иванов' },
      { row: 4, client: 'ИП Петров', day: d(2026, 3, 6) },
      { row: 9, client: 'ИП Петров', day: d(2026, 3, 7) },
    ]);
    expect(outcome.rejected).toEqual([
      { row: 5, reason: 'no-client' },
      { row: 6, reason: 'bad-date', value: 'вчера' },
      { row: 7, reason: 'subtotal' },
      { row: 8, reason: 'blank' },
    ]);
  });

  it('needs a client and a date column', () => {
    expect(readRequests([['Клиент', 'Менеджер']])).toEqual({ ok: false, code: 'missing-columns', missing: ['date'] });
  });
});

describe('readContacts', () => {
  it('reads answered as yes/no in English and Russian, and rejects anything else', () => {
    const outcome = readContacts([
      ['Client', 'Date', 'Answered', 'Manager'],
      ['a', '2026-03-05', 'Да', 'Иванов'],
      ['a', '2026-03-06', 'no', null],
      ['b', '2026-03-06', 1, null],
      ['b', '2026-03-07', false, null],
      ['c', '2026-03-07', 'может быть', null],
      ['c', '2026-03-07', '', null],
    ]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.records).toEqual([
      { row: 2, client: 'a', day: d(2026, 3, 5), answered: true },
      { row: 3, client: 'a', day: d(2026, 3, 6), answered: false },
      { row: 4, client: 'b', day: d(2026, 3, 6), answered: true },
      { row: 5, client: 'b', day: d(2026, 3, 7), answered: false },
    ]);
    expect(outcome.rejected).toEqual([
      { row: 6, reason: 'bad-answered', value: 'может быть' },
      { row: 7, reason: 'bad-answered' },
    ]);
  });

  it('needs an answered column', () => {
    expect(readContacts([['Клиент', 'Дата']])).toEqual({ ok: false, code: 'missing-columns', missing: ['answered'] });
  });
});

describe('parseAnswered', () => {
  it.each([
    [true, true], [false, false], [1, true], [0, false], ['yes', true], ['NO', false], ['y', true], ['n', false],
    ['TRUE', true], ['false', false], ['1', true], ['0', false], ['да', true], ['Нет', false], ['ИСТИНА', true],
    ['ложь', false], ['Ответил', true], ['не ответил', false], ['недозвон', false], ['no answer', false],
  ] as const)('reads %j as %j', (cell, expected) => {
    expect(parseAnswered(cell)).toBe(expected);
  });

  it.each([2, -1, Number.NaN, 'maybe', '', null, undefined, new Date(0)])('refuses %j', (cell) => {
    expect(parseAnswered(cell)).toBeNull();
  });
});

describe('readComplaints', () => {
  it('reads client, date and the text', () => {
    const outcome = readComplaints([
      ['Клиент', 'Дата', 'Претензия'],
      ['ООО Ромашка', '05.03.2026', '  Опоздала поставка '],
      ['ООО Ромашка', 46087, null],
    ]);
    expect(outcome.ok && outcome.records).toEqual([
      { row: 2, client: 'ООО Ромашка', day: d(2026, 3, 5), text: 'Опоздала поставка' },
      { row: 3, client: 'ООО Ромашка', day: d(2026, 3, 6) },
    ]);
  });
});

describe('isTotalText', () => {
  it.each(['Итого', 'ИТОГО:', ' итого по контрагенту ООО Ромашка', 'Всего', 'Всего по складу', 'Итог', 'Общий итог', 'Total', 'TOTAL:',
    'Grand Total', 'Subtotal', 'Sub-total', 'Total: March', 'Grand total.', 'Totals', '\u00a0Итого', '\u200bИтого'])('%j is a total', (text) => {
    expect(isTotalText(text)).toBe(true);
  });

  // Issue 17, item 11: a total word must be the whole label, not part of a name.
  it.each(['Total Oil Ltd', 'Grand Total Ltd', 'Subtotal Systems', 'Total for March', 'ООО Итог', 'Итоговая компания', 'Всеволод', 'Sam', 'Tot', '', 'Grandma Inc'])('%j is not', (text) => {
    expect(isTotalText(text)).toBe(false);
  });
});
