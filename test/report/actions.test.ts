import { describe, expect, it } from 'vitest';
import type { ActionKey, ClientResult } from '../../core/analyze/analysis.js';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { actionSentence, COMPLAINT_TEXT_LIMIT, listReason, signsInWords } from '../../core/report/actions.js';
import { fullAnalysis } from './fixture.js';

const base = fullAnalysis().clients.find((c) => c.client === 'ООО Ромашка')!;
/** Ромашка with these facts: at risk, 40 days silent, usually every 21, account manager Smith. */
const client = (patch: Partial<ClientResult> = {}, evidence: Partial<ClientResult['evidence']> = {}): ClientResult => ({
  ...base,
  ...patch,
  evidence: { ...base.evidence, ...evidence },
});

/** For each action key: the client, and what the sentence must say of it in English and in Russian. */
const CASES: Record<ActionKey, { c: ClientResult; en: string[]; ru: string[] }> = {
  overdue: { c: client(), en: ['No purchase for 40 days (usually every 21)', 'company events'], ru: ['Нет покупок 40 дней (обычно раз в 21 день)', 'мероприятия'] },
  'overdue-gold': { c: client(), en: ['No purchase for 40 days', 'instead of Smith', 'senior manager'], ru: ['Нет покупок 40 дней', 'вместо: Smith', 'руководителем'] },
  'requests-without-orders': { c: client(), en: ['4 requests since the last purchase, the latest on 2026-03-10'], ru: ['4 запроса после последней покупки, последний — 10.03.2026'] },
  unresponsive: {
    c: client({}, { unansweredSinceLastPurchase: 3, lastAnswered: dayFromYmd(2025, 12, 1) }),
    en: ['3 contact attempts unanswered', 'last answered on 2025-12-01'],
    ru: ['3 попытки связаться без ответа', 'последний ответ — 01.12.2025'],
  },
  'volume-drop': {
    c: client({}, { recentDayValue: 1234.5, earlierDayValue: 5000 }),
    en: ['brings 1,234.50 on average, against 5,000.00 before'],
    ru: ['в среднем 1\u00a0234,50 против 5\u00a0000,00 раньше'],
  },
  complaint: {
    c: client({}, { lastComplaint: { day: dayFromYmd(2026, 3, 2), text: 'Привезли не ту марку, "срочно"' } }),
    en: ['Complaint of 2026-03-02 ("Привезли не ту марку, "срочно"")', 'credit on the problem order'],
    ru: ['Жалоба от 02.03.2026 («Привезли не ту марку, "срочно"»)', 'кредитом на проблемный заказ'],
  },
  'mailing-only': { c: client(), en: ['Low-cost channel only'], ru: ['Только недорогой канал'] },
  'buying-less': { c: client({ value: 36_000 }, { previousValue: 40_000 }), en: ['Bought 40,000.00 in the previous period and 36,000.00 in this one'], ru: ['Купил на 40\u00a0000,00 в прошлом периоде и на 36\u00a0000,00 в этом'] },
  'dropped-products': {
    c: client(),
    en: ['Stopped buying “Цемент М500”, “Труба 20 мм, оцинкованная”'],
    ru: ['Перестал брать: «Цемент М500», «Труба 20 мм, оцинкованная».'],
  },
};

describe('actions about this client (SPEC §6 methods with the client’s own facts)', () => {
  for (const [key, { c, en, ru }] of Object.entries(CASES) as [ActionKey, (typeof CASES)[ActionKey]][]) {
    it(`${key}: in English and Russian`, () => {
      for (const part of en) expect(actionSentence('en', c, key)).toContain(part);
      for (const part of ru) expect(actionSentence('ru', c, key)).toContain(part);
    });
  }

  it('leaves out what the client has not got: no usual interval, no manager, never answered, no complaint text', () => {
    const bare = client({ cadenceDays: null, manager: null }, { lastAnswered: null, unansweredSinceLastPurchase: 3, lastComplaint: { day: dayFromYmd(2026, 3, 2), text: null } });
    expect(actionSentence('en', bare, 'overdue')).toMatch(/^No purchase for 40 days: invite/);
    expect(actionSentence('en', bare, 'overdue-gold')).toContain('assign a new account manager;');
    expect(actionSentence('en', bare, 'unresponsive')).toContain('(never answered)');
    expect(actionSentence('ru', bare, 'unresponsive')).toContain('(ни разу не ответил)');
    expect(actionSentence('en', bare, 'complaint')).toMatch(/^Complaint of 2026-03-02: run/);
  });

  it(`cuts a complaint text longer than ${COMPLAINT_TEXT_LIMIT} characters with an ellipsis`, () => {
    const long = client({}, { lastComplaint: { day: dayFromYmd(2026, 3, 2), text: 'ж'.repeat(500) } });
    expect(actionSentence('ru', long, 'complaint')).toContain(`«${'ж'.repeat(COMPLAINT_TEXT_LIMIT)}…»`);
  });

  it('says why the client is in its list, with its own facts', () => {
    expect(listReason('en', client())).toBe('No purchase for 40 days; usually every 21.');
    expect(listReason('ru', client())).toBe('Нет покупок 40 дней; обычно раз в 21 день.');
    const complaint = client({ status: 'new', signals: ['complaint'] }, { lastComplaint: { day: dayFromYmd(2026, 3, 2), text: null } });
    expect(listReason('ru', complaint)).toBe('Жалоба от 02.03.2026, покупок с тех пор не было.');
    expect(listReason('en', client({ list: 'win-back', status: 'lost', tier: 'silver', recencyDays: 400 }))).toBe('Lost silver client: no purchase for 400 days.');
    expect(listReason('ru', client({ list: 'mailing', status: 'lost', tier: 'bronze', recencyDays: 401 }))).toBe('Потерян, невысокая ценность: нет покупок 401 день.');
    const grow = client({ list: 'grow', status: 'active', signals: ['volume-drop'] }, { movement: ['buys-less', 'buys-more', 'less-often'] });
    expect(listReason('en', grow)).toBe('Still buying, but: much smaller orders, buys less, buys less often.');
    expect(signsInWords('en', grow)).toEqual(['Much smaller orders', 'Buys less', 'Buys less often']);
    expect(listReason('en', client({ list: null }))).toBeNull();
  });
});
