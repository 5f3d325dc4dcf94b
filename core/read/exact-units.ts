/**
 * Numbers read from cells → the core's exact units (SPEC §2 "Exact sums"): money in integer
 * cents, quantities in integer thousandths.
 *
 * Rounding is half away from zero on the number as written in decimal, so a sale and its full
 * return always net to zero: 1.005 → 101 cents and −1.005 → −101 cents (plain
 * `Math.round(1.005 * 100)` gives 100, because 1.005 × 100 is 100.49999999999999 in binary, and
 * `Math.round(-100.5)` gives −100). A product lying within float error of a half is re-read through
 * its 15 significant digits, which is exact for every value written with at most 15 digits.
 *
 * amount = quantity × price is rounded once, after multiplying: 3 × 0.165 = 0.495 → 50 cents
 * (rounding the price first would give 3 × 17 = 51).
 *
 * A result outside the safe-integer range is null (the reader rejects the row as unreadable).
 */

/** Money → integer cents; null when not representable exactly. */
export function toCents(value: number): number | null {
  return scaledInteger(value, 100);
}

/** Units → integer thousandths of a unit. */
export function toThousandths(value: number): number | null {
  return scaledInteger(value, 1000);
}

/** Line amount from quantity and unit price, in integer cents, rounded after multiplying. */
export function amountFromQuantityPrice(quantity: number, price: number): number | null {
  return scaledInteger(quantity * price, 100);
}

function scaledInteger(value: number, scale: number): number | null {
  if (!Number.isFinite(value)) return null;
  const scaled = Math.abs(value) * scale;
  let whole = Math.floor(scaled);
  let fraction = scaled - whole;
  if (Math.abs(fraction - 0.5) < 1e-7 + scaled * 1e-14) {
    const decimal = Number(scaled.toPrecision(15));
    whole = Math.floor(decimal);
    fraction = decimal - whole;
  }
  const rounded = fraction >= 0.5 ? whole + 1 : whole;
  if (!Number.isSafeInteger(rounded)) return null;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}
