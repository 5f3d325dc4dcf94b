/**
 * Movement rows per client and the transition matrix between the previous window's ABC-XYZ cell
 * and the current one (SPEC §7). The previous cells are computed exactly like the current ones,
 * over the previous window.
 */
import type { AnalyzeOptions, MovementRow } from './analysis.js';
import { classify, type Classes } from './classify.js';
import { firstPurchaseDay, measureScale, type Facts } from './facts.js';
import { cellName } from './matrix.js';
import { droppedProducts, movementKinds } from '../metrics/movement.js';
import { clientProducts, type WindowFacts } from './window-facts.js';

export function movementAndTransitions(
  facts: Facts,
  current: WindowFacts,
  before: WindowFacts,
  classes: Classes,
  options: AnalyzeOptions,
): { movement: MovementRow[]; transitions: Record<string, Record<string, number>> } {
  const previousClasses = classify(facts, before, options);
  const scale = measureScale(options.measure);
  const byUnit = facts.lineQuantity.some((q) => q !== 0);
  const movement: MovementRow[] = [];
  const transitions: Record<string, Record<string, number>> = {};
  facts.names.forEach((client, c) => {
    const previousCell = cellName(previousClasses.abc[c], previousClasses.xyz[c]);
    const cell = cellName(classes.abc[c], classes.xyz[c]);
    if (previousCell !== 'none' || cell !== 'none') {
      const row = (transitions[previousCell] ??= {});
      row[cell] = (row[cell] ?? 0) + 1;
    }
    const dropped = droppedProducts(clientProducts(before.products, c), clientProducts(current.products, c), before.value[c], facts.productNames);
    const kinds = movementKinds({
      previousValue: before.value[c],
      value: current.value[c],
      previousPurchaseDays: before.purchaseDays[c],
      purchaseDays: current.purchaseDays[c],
      firstPurchase: firstPurchaseDay(facts, c),
      windowFrom: current.window.from,
      windowTo: current.window.to,
      previousPerUnit: perUnit(before, c, byUnit),
      perUnit: perUnit(current, c, byUnit),
      droppedProducts: dropped,
    });
    if (kinds.length === 0) return;
    movement.push({
      client,
      kinds,
      previousValue: before.value[c] / scale,
      value: current.value[c] / scale,
      previousPurchaseDays: before.purchaseDays[c],
      purchaseDays: current.purchaseDays[c],
      droppedProducts: dropped,
      previousCell,
      cell,
    });
  });
  return { movement, transitions };
}

/** Amount per unit (with a quantity column) or per purchase day (without); null when undefined. */
function perUnit(wf: WindowFacts, c: number, byUnit: boolean): number | null {
  const units = byUnit ? wf.quantity[c] : wf.purchaseDays[c];
  return units > 0 ? wf.amount[c] / units : null;
}
