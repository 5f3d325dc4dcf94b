/**
 * Money in the report carries the currency (issue 12, item 6): read → analyze → report, the
 * currency the sales money showed or the one chosen, written into every tab's money format in the
 * way each language writes money, and into the JSON.
 */
import { describe, expect, it } from 'vitest';
import { analyze, type AnalyzeInput } from '../../core/analyze/analyze.js';
import type { Analysis } from '../../core/analyze/analysis.js';
import type { OptionsInput } from '../../core/options/options.js';
import { readSales } from '../../core/read/read-sales.js';
import type { Grid } from '../../core/read/types.js';
import { layoutTab } from '../../core/layout/tab-layout.js';
import { sheetCell } from '../../core/layout/cells.js';
import { buildReport } from '../../core/report/index.js';
import { toJsonReport } from '../../core/report/json-report.js';

/** Three clients buying monthly for a year, their amounts written as `amount(i)` says. */
function grid(amount: (i: number) => string | number): Grid {
  const rows: (string | number)[][] = [['Контрагент', 'Дата', 'Сумма']];
  let i = 0;
  for (const client of ['ООО Ромашка', 'ИП Петров', 'АО Техснаб']) {
    for (let month = 1; month <= 12; month++) rows.push([client, `15.${String(month).padStart(2, '0')}.2025`, amount(i++)]);
  }
  return rows;
}

function analysed(sheet: Grid, options: OptionsInput = {}): Analysis {
  const read = readSales(sheet);
  if (!read.ok) throw new Error(read.code);
  const input: AnalyzeInput = { sales: read.records, profile: read.profile };
  const outcome = analyze(input, { model: 'none', ...options });
  if (!outcome.ok) throw new Error(outcome.code);
  return outcome.analysis;
}

const rubles = grid((i) => `${1 + i} 000,50 ₽`);
const mixed = grid((i) => (i % 2 === 0 ? `${1000 + i},00 ₽` : `$${1000 + i}.00`));

describe('the currency of the money in the report', () => {
  it('is the one the amounts show: "12 345,67 ₽" → RUB, in every tab, as each language writes it', () => {
    const analysis = analysed(rubles);
    expect(analysis.input.profile?.currencies).toEqual(['RUB']);
    expect(analysis.options.currency).toBe('RUB');
    for (const sheet of buildReport(analysis, 'ru')) expect(sheet.numberFormats).toEqual({ date: 'dd.mm.yyyy', money: '#,##0.00"\u00a0₽"' });
    for (const sheet of buildReport(analysis, 'en')) expect(sheet.numberFormats).toEqual({ date: 'yyyy-mm-dd', money: '"₽"#,##0.00' });
    expect(toJsonReport(analysis, 'en')).toMatchObject({ currency: 'RUB', input: { profile: { currencies: ['RUB'] } } });
  });

  it('is none when the amounts mix currencies, or show none', () => {
    for (const sheet of [mixed, grid((i) => 1000 + i)]) {
      const analysis = analysed(sheet);
      expect(analysis.options.currency).toBe('none');
      expect(buildReport(analysis, 'ru')[0]!.numberFormats).toEqual({ date: 'dd.mm.yyyy' });
      expect(toJsonReport(analysis, 'ru').currency).toBeNull();
    }
    expect(analysed(mixed).input.profile?.currencies).toEqual(['RUB', 'USD']);
  });

  it('follows the option over the input: a code, or none', () => {
    const dollars = analysed(mixed, { currency: 'USD' });
    expect(buildReport(dollars, 'en')[1]!.numberFormats?.money).toBe('"$"#,##0.00');
    expect(buildReport(analysed(rubles, { currency: 'EUR' }), 'ru')[1]!.numberFormats?.money).toBe('#,##0.00"\u00a0€"');
    expect(buildReport(analysed(rubles, { currency: 'none' }), 'ru')[1]!.numberFormats?.money).toBeUndefined();
    expect(toJsonReport(analysed(rubles, { currency: 'none' }), 'ru').currency).toBeNull();
  });

  it('reaches the money cells, and only them: the Clients value column in ₽, counts and shares as before', () => {
    const clients = buildReport(analysed(rubles), 'ru').find((sheet) => sheet.key === 'clients')!;
    const layout = layoutTab(clients);
    const table = layout.tables[0]!;
    const formats = table.spec.columns.map((column) => sheetCell(1, column.format, (day) => day, table.numberFormats).format);
    const money = table.spec.columns.flatMap((column, c) => (column.format === 'money' ? [formats[c]] : []));
    expect(money.length).toBeGreaterThan(0);
    expect(new Set(money)).toEqual(new Set(['#,##0.00"\u00a0₽"']));
    expect(formats.filter((code) => code.includes('₽')).length).toBe(money.length);
    expect(table.spec.columns.some((column) => column.format === 'percent' && sheetCell(1, 'percent', (day) => day, table.numberFormats).format === '0.0%')).toBe(true);
  });

  it('is said on Data issues: what the amounts showed and what the report does with it', () => {
    const line = (analysis: Analysis, lang: 'en' | 'ru') => {
      const issues = buildReport(analysis, lang).find((sheet) => sheet.key === 'issues')!;
      return issues.tables.find((table) => table.id === 'profile')!.rows.find((row) => row[0] === (lang === 'en' ? 'Currency of the amounts' : 'Валюта сумм'));
    };
    expect(line(analysed(rubles), 'en')).toEqual(['Currency of the amounts', '₽ RUB; the report shows money in RUB']);
    expect(line(analysed(mixed), 'en')).toEqual(['Currency of the amounts', 'several: ₽ RUB, $ USD; the report shows money without a currency']);
    expect(line(analysed(mixed, { currency: 'USD' }), 'ru')).toEqual(['Валюта сумм', 'несколько: ₽ RUB, $ USD; суммы в отчёте — в USD']);
    expect(line(analysed(grid((i) => 1000 + i)), 'en')).toBeUndefined();
  });
});
