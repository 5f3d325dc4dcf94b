import { describe, expect, it } from 'vitest';
import type { MovementRow } from '../../core/analyze/analysis.js';
import { dayFromYmd } from '../../core/basics/calendar.js';
import { clientEvidence, type ClientEvents } from '../../core/analyze/evidence.js';
import { buildFacts } from '../../core/analyze/facts.js';
import type { SaleLine } from '../../core/read/types.js';
import { salesColumns } from '../../core/read/sales-columns.js';

const d = (m: number, day: number) => dayFromYmd(2026, m, day);
const asOf = d(3, 31);
let row = 1;
const sale = (client: string, day: number, money: number): SaleLine => ({ row: ++row, client, day, amount: money * 100 });
// Acme: purchase days worth 100 ×6 then 40, 50, 60 (recent mean 50, earlier mean 100); last purchase 01.03.
const acme = [1, 5, 9, 13, 17, 21].map((day) => sale('Acme', d(1, day), 100));
acme.push(sale('Acme', d(2, 10), 40), sale('Acme', d(2, 20), 50), sale('Acme', d(3, 1), 60));
const facts = buildFacts(salesColumns([...acme, sale('Beta', d(3, 2), 10)]), asOf, 'amount');

describe('a client’s own facts (clientEvidence)', () => {
  it('counts the requests since the last purchase day up to asOf, and dates the latest', () => {
    const events: ClientEvents = { requests: [d(2, 25), d(3, 5), d(3, 20), d(3, 10), d(4, 2)], contacts: [], complaints: [] };
    const e = clientEvidence(facts, 0, events, undefined, 100);
    expect(e.requestsSinceLastPurchase).toBe(3);
    expect(e.lastRequest).toBe(d(3, 20));
  });

  it('counts the unanswered attempts in a row at the end, and the last answered one at any time', () => {
    const contacts = [
      { day: d(2, 1), answered: true },
      { day: d(3, 4), answered: true },
      { day: d(3, 8), answered: false },
      { day: d(3, 15), answered: false },
      { day: d(4, 3), answered: true },
    ];
    const e = clientEvidence(facts, 0, { requests: [], contacts, complaints: [] }, undefined, 100);
    expect(e.unansweredSinceLastPurchase).toBe(2);
    expect(e.lastAnswered).toBe(d(3, 4));
    const never = clientEvidence(facts, 0, { requests: [], contacts: contacts.slice(2, 4), complaints: [] }, undefined, 100);
    expect([never.unansweredSinceLastPurchase, never.lastAnswered]).toEqual([2, null]);
  });

  it('gives the two means volume-drop compares, in currency units, and none with fewer than 6 purchase days', () => {
    const e = clientEvidence(facts, 0, undefined, undefined, 100);
    expect([e.recentDayValue, e.earlierDayValue]).toEqual([50, 100]);
    const beta = clientEvidence(facts, 1, undefined, undefined, 100);
    expect([beta.recentDayValue, beta.earlierDayValue]).toEqual([null, null]);
  });

  it('takes the latest complaint up to asOf with its text, and the movement as it was found', () => {
    const complaints = [
      { day: d(1, 10), text: 'late' },
      { day: d(3, 12), text: 'wrong grade' },
      { day: d(4, 1), text: 'after asOf' },
    ];
    const movement: MovementRow = {
      client: 'Acme',
      kinds: ['buys-less', 'dropped-products'],
      previousValue: 2000,
      value: 750,
      previousPurchaseDays: 12,
      purchaseDays: 9,
      droppedProducts: ['Pipe, 20 mm'],
      previousCell: 'AX',
      cell: 'BX',
    };
    const e = clientEvidence(facts, 0, { requests: [], contacts: [], complaints }, movement, 100);
    expect(e.lastComplaint).toEqual({ day: d(3, 12), text: 'wrong grade' });
    expect([e.movement, e.droppedProducts, e.previousValue]).toEqual([['buys-less', 'dropped-products'], ['Pipe, 20 mm'], 2000]);
    const none = clientEvidence(facts, 1, undefined, undefined, 100);
    expect([none.lastComplaint, none.movement, none.previousValue, none.requestsSinceLastPurchase, none.lastRequest]).toEqual([null, [], 0, 0, null]);
  });
});
