/**
 * Client-development figures over the window (SPEC §7):
 * - ordersPerClient: orders in the window ÷ clients with a purchase day in it;
 * - productsPerClient: distinct products bought (positive value) per such client (null without a
 *   product column);
 * - averageOrderValue: amount in the window ÷ orders in it (currency units);
 * - grewShare: of the clients with value in either window, the share whose value grew; null when
 *   the previous window holds no purchase day (the data start later: everyone would have grown);
 * - betterTier: clients whose tier now is better than their tier as of the previous window's end
 *   (clients with no tier then are not counted). The tiers now are the analysis's own value tiers
 *   (Facts hold only lines up to asOf, so "as of asOf" is every client's tier), passed in rather
 *   than ranked a second time.
 */
import type { AnalyzeOptions, DevelopmentKpis, Tier } from './analysis.js';
import { formerValueAt, type Facts } from './facts.js';
import { tierRank, valueTiers } from '../metrics/tiers.js';
import { clientProducts, type ProductValues, type WindowFacts } from './window-facts.js';

export function developmentKpis(
  facts: Facts,
  current: WindowFacts,
  before: WindowFacts,
  tiersNow: readonly (Tier | null)[],
  options: AnalyzeOptions,
): DevelopmentKpis {
  let buyers = 0;
  let orders = 0;
  let amount = 0;
  let products = 0;
  let either = 0;
  let grew = 0;
  let previousBuyers = 0;
  facts.names.forEach((_, c) => {
    if (current.purchaseDays[c] > 0) {
      buyers++;
      orders += current.orders[c];
      products += countPositive(current.products, c);
    }
    amount += current.amount[c];
    if (before.purchaseDays[c] > 0) previousBuyers++;
    if (current.value[c] > 0 || before.value[c] > 0) {
      either++;
      if (current.value[c] > before.value[c]) grew++;
    }
  });
  return {
    ordersPerClient: buyers > 0 ? orders / buyers : null,
    productsPerClient: buyers > 0 && facts.productNames.length > 0 ? products / buyers : null,
    averageOrderValue: orders > 0 ? amount / 100 / orders : null,
    grewShare: either > 0 && previousBuyers > 0 ? grew / either : null,
    betterTier: betterTierCount(facts, before.window.to, tiersNow, options),
  };
}

/** How many of client c's products have a positive value in the window. */
function countPositive(products: ProductValues, c: number): number {
  const { value } = clientProducts(products, c);
  let count = 0;
  for (let i = 0; i < value.length; i++) if (value[i] > 0) count++;
  return count;
}

function betterTierCount(facts: Facts, previousEnd: number, tiersNow: readonly (Tier | null)[], options: AnalyzeOptions): number {
  const formerThen = facts.names.map((_, c) => formerValueAt(facts, c, previousEnd));
  const then = valueTiers(formerThen, facts.names, options.tiers);
  return tiersNow.filter((tier, c) => then[c] !== null && tierRank(tier) < tierRank(then[c])).length;
}
