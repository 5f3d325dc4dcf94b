import { describe, expect, it } from 'vitest';
import { droppedProducts, movementKinds, type MovementInput } from '../../core/metrics/movement.js';

const base: MovementInput = {
  previousValue: 1000,
  value: 1000,
  previousPurchaseDays: 10,
  purchaseDays: 10,
  firstPurchase: 0,
  windowFrom: 365,
  windowTo: 729,
  previousPerUnit: 100,
  perUnit: 100,
  droppedProducts: [],
};

describe('movementKinds', () => {
  it('follows the worked example: buys-less and less-often, not cheaper', () => {
    expect(movementKinds({ ...base, value: 600, purchaseDays: 6 })).toEqual(['buys-less', 'less-often']);
  });
  it('draws the 30 % line inclusively', () => {
    expect(movementKinds({ ...base, value: 700 })).toEqual(['buys-less']);
    expect(movementKinds({ ...base, value: 701 })).toEqual([]);
    expect(movementKinds({ ...base, value: 1300 })).toEqual(['buys-more']);
    expect(movementKinds({ ...base, perUnit: 70 })).toEqual(['cheaper']);
    expect(movementKinds({ ...base, purchaseDays: 7 })).toEqual(['less-often']);
  });
  it('tells vanished, new and reactivated clients apart', () => {
    expect(movementKinds({ ...base, value: 0, purchaseDays: 0, perUnit: null })).toEqual(['vanished']);
    expect(movementKinds({ ...base, previousValue: 0, previousPurchaseDays: 0, previousPerUnit: null, firstPurchase: 400 })).toEqual(['new']);
    expect(movementKinds({ ...base, previousValue: 0, previousPurchaseDays: 0, previousPerUnit: null, firstPurchase: 10 })).toEqual([
      'reactivated',
    ]);
  });
  it('reports dropped products', () => {
    expect(movementKinds({ ...base, droppedProducts: ['cement'] })).toEqual(['dropped-products']);
  });
});

describe('droppedProducts', () => {
  it('lists products with ≥ 10 % of the previous value and nothing bought now', () => {
    const before = { product: [0, 1, 2, 3], value: [500, 100, 99, 301] };
    const now = { product: [3, 0], value: [-5, 10] };
    expect(droppedProducts(before, now, 1000, ['cement', 'tiles', 'nails', 'roof'])).toEqual(['roof', 'tiles']);
    expect(droppedProducts({ product: [], value: [] }, now, 1000, [])).toEqual([]);
    expect(droppedProducts(before, now, 0, ['cement', 'tiles', 'nails', 'roof'])).toEqual([]);
  });

  it('lists products of equal previous value in the order they were first met', () => {
    const before = { product: [2, 0, 1], value: [200, 200, 600] };
    expect(droppedProducts(before, { product: [], value: [] }, 1000, ['a', 'b', 'c'])).toEqual(['b', 'c', 'a']);
  });
});
