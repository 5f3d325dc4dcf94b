/**
 * A 3-colour scale, as Excel's and Sheets' colour-scale conditional formats draw it: the smallest
 * number gets `low`, the midpoint `mid`, the largest `high`, and numbers between are mixed
 * linearly in RGB. Used for the panel's heat-map and the playground's view of the report.
 *
 * Example: scaleColour(5, 0, 5, 10, {low: '#FFFFFF', mid: '#FFF2CC', high: '#A9D08E'}) → `#FFF2CC`;
 * scaleColour(0, …) → `#FFFFFF`; all numbers equal → `mid`.
 */

export interface ColourStops {
  low: string;
  mid: string;
  high: string;
}

export function scaleColour(v: number, low: number, mid: number, high: number, stops: ColourStops): string {
  if (high === low) return stops.mid;
  if (v <= mid) return mix(stops.low, stops.mid, mid === low ? 1 : (v - low) / (mid - low));
  return mix(stops.mid, stops.high, high === mid ? 1 : (v - mid) / (high - mid));
}

/** `#RRGGBB` between `from` (fraction 0) and `to` (fraction 1). */
function mix(from: string, to: string, fraction: number): string {
  const a = rgb(from);
  const b = rgb(to);
  const t = Math.min(1, Math.max(0, fraction));
  const channel = (i: number) => Math.round(a[i]! + (b[i]! - a[i]!) * t).toString(16).padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`.toUpperCase();
}

function rgb(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}
