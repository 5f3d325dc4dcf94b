import { describe, expect, it } from 'vitest';
import { dayFromYmd, windowAt } from '../../core/basics/calendar.js';
import { buildFacts } from '../../core/analyze/facts.js';
import { clientProducts, windowFacts } from '../../core/analyze/window-facts.js';
import { salesColumns } from '../../core/read/sales-columns.js';
import type { SaleLine } from '../../core/read/types.js';

// Amounts in cents, as the readers give them.
const sale = (row: number, client: string, ymd: [number, number, number], cents: number, product?: string): SaleLine => ({
  row,
  client,
  day: dayFromYmd(...ymd),
  amount: cents,
  ...(product ? { product } : {}),
});

describe('windowFacts', () => {
  // The worked example of the file comment: a monthly window January–March 2026.
  const window = windowAt(dayFromYmd(2026, 3, 31), 'month', 3);

  it('sums a client’s lines in the window into value, series and purchase days', () => {
    const facts = buildFacts(
      salesColumns([sale(2, 'Acme', [2026, 1, 5], 100), sale(3, 'Acme', [2026, 1, 20], 50), sale(4, 'Acme', [2026, 3, 2], 30), sale(5, 'Acme', [2025, 12, 31], 999)]),
      dayFromYmd(2026, 3, 31),
      'amount',
    );
    const wf = windowFacts(facts, window);
    expect([wf.value[0], [...wf.series], wf.purchaseDays[0], wf.orders[0]]).toEqual([180, [150, 0, 30], 3, 3]);
    expect([...wf.products.start]).toEqual([0, 0]);
  });

  it('keeps each client’s products in the order first met, with their values summed, apart from other clients’', () => {
    // The ProductValues example: Acme's lines (Tiles 10, Cement 5, Tiles 1); Beta buys Cement
    // outside the window, Gamma buys Tiles in it.
    const facts = buildFacts(
      salesColumns([
        sale(2, 'Acme', [2026, 1, 5], 10, 'Tiles'),
        sale(3, 'Acme', [2026, 2, 5], 5, 'Cement'),
        sale(4, 'Acme', [2026, 3, 5], 1, 'Tiles'),
        sale(5, 'Beta', [2025, 6, 1], 7, 'Cement'),
        sale(6, 'Gamma', [2026, 2, 9], 3, 'Tiles'),
        sale(7, 'Gamma', [2026, 3, 9], 4, 'Tiles'),
      ]),
      dayFromYmd(2026, 3, 31),
      'amount',
    );
    const acme = facts.names.indexOf('Acme');
    const beta = facts.names.indexOf('Beta');
    const gamma = facts.names.indexOf('Gamma');
    const wf = windowFacts(facts, window);
    const named = (c: number) => {
      const { product, value } = clientProducts(wf.products, c);
      return Array.from(product, (p, i) => [facts.productNames[p], value[i]]);
    };
    expect(named(acme)).toEqual([
      ['Tiles', 11],
      ['Cement', 5],
    ]);
    expect(named(beta)).toEqual([]);
    expect(named(gamma)).toEqual([['Tiles', 7]]);
  });

  it('grows its product columns past their first size', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => sale(i + 2, `Client ${i % 1500}`, [2026, 2, 1 + (i % 20)], 100 + i, `Product ${i}`));
    const facts = buildFacts(salesColumns(lines), dayFromYmd(2026, 3, 31), 'amount');
    const wf = windowFacts(facts, window);
    expect(wf.products.product.length).toBe(3000);
    const c = facts.names.indexOf('Client 7');
    expect(clientProducts(wf.products, c).value).toEqual(Float64Array.from([107, 1607]));
  });
});
