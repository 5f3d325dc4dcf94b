import { describe, expect, it } from 'vitest';
import { csvText, decimalText } from '../../examples/csv-text.js';

describe('csvText', () => {
  it('quotes only cells holding the separator, a quote or a line break', () => {
    expect(csvText([['ООО "Альфа"', '1 234,50 руб.', 'a;b', 'x,y', 'две\nстроки', 'plain', 12.5, null, undefined, '']], ';', '\r\n'))
      .toBe('"ООО ""Альфа""";1 234,50 руб.;"a;b";x,y;"две\nстроки";plain;12.5;;;\r\n');
    expect(csvText([['a,b', 'c;d'], ['e']], ',', '\n')).toBe('"a,b",c;d\ne\n');
  });

  it('keeps every row across the internal blocks', () => {
    const rows = Array.from({ length: 25_001 }, (_, i) => [i]);
    const lines = csvText(rows, ',', '\n').split('\n');
    expect(lines.length).toBe(25_002);
    expect(lines[25_000]).toBe('25000');
  });
});

describe('decimalText', () => {
  it('writes scaled integers as plain decimals without trailing zeros', () => {
    expect(decimalText(12_345, 100)).toBe('123.45');
    expect(decimalText(840_000, 100)).toBe('8400');
    expect(decimalText(-5, 100)).toBe('-0.05');
    expect(decimalText(1250, 1000)).toBe('1.25');
    expect(decimalText(-3000, 1000)).toBe('-3');
    expect(decimalText(10, 100)).toBe('0.1');
  });
});
