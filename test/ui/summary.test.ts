import { describe, expect, it } from 'vitest';
import { heatColour } from '../../ui/summary-view.js';

describe('the heat-map shade', () => {
  it('is white for an empty cell and darkest for the fullest, by count alone', () => {
    expect(heatColour(0, 80)).toBe('#FFFFFF');
    expect(heatColour(80, 80)).toBe('#9DC3E6');
    expect(heatColour(40, 80)).toBe('#DCE9F6');
    expect(heatColour(0, 0)).toBe('#FFFFFF');
    const sum = (hex: string) => [1, 3, 5].reduce((s, i) => s + parseInt(hex.slice(i, i + 2), 16), 0);
    const shades = [0, 5, 20, 21, 60, 80].map((n) => sum(heatColour(n, 80)));
    expect(shades.every((v, i) => i === 0 || v < shades[i - 1]!)).toBe(true);
  });
});
