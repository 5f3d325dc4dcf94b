/**
 * Period-over-period movement of a client: the window against the previous window (SPEC §7).
 *
 * - vanished: value in the previous window, no purchase day now;
 * - new: first purchase day ever is in the window;
 * - reactivated: no purchase day in the previous window, some now, first purchase earlier;
 * - buys-less / buys-more: value down / up by ≥ 30 % (still buying, for buys-less);
 * - less-often: purchase days down by ≥ 30 % (still buying);
 * - cheaper: value per unit (or per purchase day without quantities) down by ≥ 30 %;
 * - dropped-products: a product that was ≥ 10 % of the previous-window value is not bought now.
 *
 * Worked example: previous 1000 on 10 purchase days, now 600 on 6 days, same per-day value →
 * buys-less (600 ≤ 700) and less-often (6 ≤ 7), not cheaper.
 */
import type { MovementKind } from '../analyze/analysis.js';

export const MOVEMENT_CHANGE = 0.3;
export const DROPPED_PRODUCT_SHARE = 0.1;

export interface MovementInput {
  previousValue: number;
  value: number;
  previousPurchaseDays: number;
  purchaseDays: number;
  firstPurchase: number | null;
  windowFrom: number;
  windowTo: number;
  /** Value per unit (or per purchase day) in each window; null when it cannot be computed. */
  previousPerUnit: number | null;
  perUnit: number | null;
  droppedProducts: readonly string[];
}

export function movementKinds(m: MovementInput): MovementKind[] {
  const kinds: MovementKind[] = [];
  const buying = m.purchaseDays > 0;
  if (m.previousValue > 0 && !buying) kinds.push('vanished');
  if (m.firstPurchase !== null && m.firstPurchase >= m.windowFrom && m.firstPurchase <= m.windowTo) kinds.push('new');
  else if (m.previousPurchaseDays === 0 && buying && m.firstPurchase !== null && m.firstPurchase < m.windowFrom)
    kinds.push('reactivated');
  if (buying && m.previousValue > 0 && isDown(m.value, m.previousValue)) kinds.push('buys-less');
  if (m.previousValue > 0 && m.value >= (1 + MOVEMENT_CHANGE) * m.previousValue) kinds.push('buys-more');
  if (buying && m.previousPurchaseDays > 0 && isDown(m.purchaseDays, m.previousPurchaseDays)) kinds.push('less-often');
  if (m.previousPerUnit !== null && m.perUnit !== null && m.previousPerUnit > 0 && isDown(m.perUnit, m.previousPerUnit))
    kinds.push('cheaper');
  if (m.droppedProducts.length > 0) kinds.push('dropped-products');
  return kinds;
}

/** now is at least 30 % below before (compared as now·10 ≤ before·7 to stay exact on integers). */
function isDown(now: number, before: number): boolean {
  return now * 10 <= before * (1 - MOVEMENT_CHANGE) * 10;
}

/** One client's products in a window and the value of each, in the order first met (window-facts.ts). */
export interface ClientProducts {
  product: ArrayLike<number>;
  value: ArrayLike<number>;
}

/**
 * Products (by name) that held ≥ 10 % of a client's previous-window value and have no positive
 * value in the window. Returned in descending order of previous value (ties in the order first met).
 */
export function droppedProducts(previous: ClientProducts, current: ClientProducts, previousValue: number, productNames: readonly string[]): string[] {
  if (previousValue <= 0) return [];
  const dropped: { product: number; value: number }[] = [];
  for (let i = 0; i < previous.product.length; i++) {
    const value = previous.value[i];
    if (value >= DROPPED_PRODUCT_SHARE * previousValue && !boughtNow(current, previous.product[i])) dropped.push({ product: previous.product[i], value });
  }
  return dropped.sort((p, q) => q.value - p.value).map((p) => productNames[p.product]);
}

/** True when the product has a positive value in the window. */
function boughtNow(current: ClientProducts, product: number): boolean {
  for (let i = 0; i < current.product.length; i++) if (current.product[i] === product) return current.value[i] > 0;
  return false;
}
