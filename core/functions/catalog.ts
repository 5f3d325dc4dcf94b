/**
 * The spreadsheet functions of SPEC §9: name, arguments and a pure implementation over the same
 * metrics the report uses. Results are stable keys (`active`, `A`, `gold`…) so formulas can compare
 * them; dates in results are Excel serial numbers. `asOf` of the table functions defaults to the
 * latest date in their arguments — never today, so functions stay deterministic.
 */
import { analyze } from '../analyze/analyze.js';
import type { Analysis, ClientResult } from '../analyze/analysis.js';
import { serialFromDay } from '../basics/calendar.js';
import { buildFacts } from '../analyze/facts.js';
import { abcClass } from '../metrics/abc.js';
import { conversion, CONVERSION_DAYS } from '../metrics/conversion.js';
import { cadence, statusAt } from '../metrics/status.js';
import { coefficientOfVariation, xyzByCv, XYZ_PRESETS, DEFAULT_MIN_PERIODS } from '../metrics/xyz.js';
import type { OptionsInput } from '../options/options.js';
import type { Cell, SaleLine } from '../read/types.js';
import { ArgumentError, flatten, guarded, isBlank, optionalValue, pairedColumns, toDay, toNumber } from './arguments.js';
import type { FunctionArgument, FunctionDefinition, FunctionResult, FunctionValue, Matrix } from './types.js';

type Args = readonly (Matrix | Cell | undefined)[];

const arg = (name: string, en: string, ru: string, kind: FunctionArgument['kind'] = 'range', optional = false): FunctionArgument => ({
  name,
  kind,
  optional,
  description: { en, ru },
});
const CLIENTS = arg('clients', 'Client of each sales line', 'Клиент каждой строки продаж');
const DATES = arg('dates', 'Date of each sales line', 'Дата каждой строки продаж');
const AMOUNTS = arg('amounts', 'Amount of each sales line', 'Сумма каждой строки продаж');
const AS_OF = arg('asOf', 'Analysis date; default the latest date given', 'Дата анализа; по умолчанию последняя дата', 'value', true);

/**
 * Sales lines from paired client / date / amount columns (amounts rounded to the cent). Without a
 * clients range every line belongs to one client.
 */
function salesLines(clients: Matrix | Cell | undefined | null, dates: Matrix | Cell | undefined, amounts: Matrix | Cell | undefined): SaleLine[] {
  const columns = [
    { name: 'dates', arg: dates },
    { name: 'amounts', arg: amounts },
  ];
  const [d, a, c] = pairedColumns(clients === null ? columns : [...columns, { name: 'clients', arg: clients }]);
  return d.map((day, k) => {
    const client = c ? c[k] : 'client';
    if (isBlank(client)) throw new ArgumentError(`clients, item ${k + 1} is empty`);
    return { row: k + 1, client: String(client).trim(), day: toDay(day, 'dates', k), amount: Math.round(toNumber(a[k], 'amounts', k) * 100) };
  });
}

function analysed(lines: SaleLine[], asOfArg: Matrix | Cell | undefined, options: OptionsInput): Analysis {
  const asOfCell = optionalValue(asOfArg);
  const outcome = analyze({ sales: lines }, { ...options, asOf: asOfCell === undefined ? undefined : toDay(asOfCell, 'asOf', 0) });
  if (!outcome.ok) throw new ArgumentError(outcome.message);
  return outcome.analysis;
}

const serial = (day: number | null) => (day === null ? null : serialFromDay(day));
const table = (rows: FunctionValue[][]): FunctionResult =>
  rows.length > 0 ? { ok: true, value: rows } : { ok: false, code: 'not-enough-history', message: 'No client has enough history.' };

export const catalog: readonly FunctionDefinition[] = [
  {
    name: 'CHURNSIGNAL',
    description: { en: 'Status of one client from its own lines: active, at-risk, lost or new', ru: 'Статус одного клиента по его строкам: active, at-risk, lost или new' },
    arguments: [DATES, AMOUNTS, arg('asOf', 'Analysis date, e.g. a cell with =MAX(Sales!B:B)', 'Дата анализа, например ячейка с =МАКС(Продажи!B:B)', 'value')],
    spills: false,
    run: ([dates, amounts, asOfArg]) =>
      guarded(() => {
        const asOfCell = optionalValue(asOfArg);
        if (asOfCell === undefined) throw new ArgumentError('asOf is required: a cell holding the analysis date, e.g. =MAX(Sales!B:B)');
        const asOf = toDay(asOfCell, 'asOf', 0);
        const lines = salesLines(null, dates, amounts);
        const facts = buildFacts(lines.filter((l) => l.day <= asOf), asOf, 'amount');
        const status = statusAt(facts.purchaseDay, asOf);
        return status ? { ok: true, value: status.status } : { ok: false, code: 'not-enough-history', message: 'No purchase on or before asOf.' };
      }),
  },
  {
    name: 'CHURNSIGNALS',
    description: { en: 'Per client: status, signals, recency, cadence, last purchase', ru: 'По клиентам: статус, сигналы, давность, ритм, последняя покупка' },
    arguments: [CLIENTS, DATES, AMOUNTS, AS_OF],
    spills: true,
    columns: ['client', 'status', 'signals', 'recencyDays', 'cadenceDays', 'lastPurchase'],
    run: ([clients, dates, amounts, asOf]) =>
      guarded(() =>
        table(
          analysed(salesLines(clients, dates, amounts), asOf, { model: 'none' })
            .clients.filter((c) => c.status !== null)
            .map((c) => [c.client, c.status, c.signals.join(', '), c.recencyDays, c.cadenceDays, serial(c.lastPurchase)]),
        ),
      ),
  },
  {
    name: 'ABCXYZ',
    description: { en: 'Per client: value, share, ABC, cv, XYZ over the last periods', ru: 'По клиентам: объём, доля, ABC, cv, XYZ за последние периоды' },
    arguments: [CLIENTS, DATES, AMOUNTS, AS_OF, arg('periods', 'Months in the window (default 12)', 'Месяцев в окне (по умолчанию 12)', 'value', true)],
    spills: true,
    columns: ['client', 'value', 'share', 'abc', 'cv', 'xyz'],
    run: ([clients, dates, amounts, asOf, periods]) =>
      guarded(() => {
        const count = optionalValue(periods);
        const options: OptionsInput = { model: 'none', periods: count === undefined ? undefined : wholeNumber(count, 'periods') };
        const ranked = analysed(salesLines(clients, dates, amounts), asOf, options).clients.filter((c) => c.abc !== null);
        ranked.sort((p, q) => q.value - p.value || (p.client < q.client ? -1 : 1));
        return table(ranked.map((c) => [c.client, c.value, c.share, c.abc, c.cv, c.xyz]));
      }),
  },
  {
    name: 'ABCCLASS',
    description: { en: 'A, B or C of one value among values', ru: 'A, B или C одного значения среди значений' },
    arguments: [
      arg('value', 'The value to class', 'Значение', 'value'),
      arg('values', 'All values', 'Все значения'),
      arg('a', 'Share for A (default 0.8)', 'Доля для A (по умолчанию 0,8)', 'value', true),
      arg('b', 'Share for B (default 0.95)', 'Доля для B (по умолчанию 0,95)', 'value', true),
    ],
    spills: false,
    run: ([value, values, a, b]) =>
      guarded(() => {
        const own = toNumber(optionalValue(value) ?? null, 'value', 0);
        const all = flatten(values).filter((c) => !isBlank(c)).map((c, k) => toNumber(c, 'values', k)).filter((v) => v > 0);
        if (own <= 0) return { ok: true, value: '' };
        const total = all.reduce((s, v) => s + v, 0);
        const before = all.filter((v) => v > own).reduce((s, v) => s + v, 0) / total;
        return { ok: true, value: abcClass(before, { a: share(a, 0.8, 'a'), b: share(b, 0.95, 'b') }) };
      }),
  },
  {
    name: 'XYZCLASS',
    description: { en: 'X, Y, Z or N of a per-period series (blank periods count as 0)', ru: 'X, Y, Z или N ряда по периодам (пустые периоды считаются нулём)' },
    arguments: [
      arg('series', 'Values per period', 'Значения по периодам'),
      arg('x', 'cv limit for X (default 0.5)', 'Предел cv для X (по умолчанию 0,5)', 'value', true),
      arg('y', 'cv limit for Y (default 1.0)', 'Предел cv для Y (по умолчанию 1,0)', 'value', true),
    ],
    spills: false,
    run: ([series, x, y]) =>
      guarded(() => {
        const values = flatten(series).map((c, k) => (isBlank(c) ? 0 : toNumber(c, 'series', k)));
        if (values.length < DEFAULT_MIN_PERIODS) return { ok: true, value: 'N' };
        const cv = coefficientOfVariation(values);
        if (cv === null) return { ok: false, code: 'not-enough-history', message: 'The series has no positive mean.' };
        return { ok: true, value: xyzByCv(cv, { x: share(x, XYZ_PRESETS.default.x, 'x'), y: share(y, XYZ_PRESETS.default.y, 'y') }) };
      }),
  },
  {
    name: 'VALUETIERS',
    description: { en: 'Per client: value in its last active year and tier (gold, silver, bronze)', ru: 'По клиентам: объём за последний активный год и уровень (gold, silver, bronze)' },
    arguments: [CLIENTS, DATES, AMOUNTS],
    spills: true,
    columns: ['client', 'formerValue', 'tier'],
    run: ([clients, dates, amounts]) =>
      guarded(() => {
        const rows = analysed(salesLines(clients, dates, amounts), undefined, { model: 'none' }).clients.filter((c) => c.tier !== null);
        rows.sort((p, q) => q.formerValue - p.formerValue || (p.client < q.client ? -1 : 1));
        return table(rows.map((c) => [c.client, c.formerValue, c.tier]));
      }),
  },
  {
    name: 'CADENCE',
    description: { en: 'Median gap between purchase days, in days', ru: 'Медианный интервал между днями покупок, в днях' },
    arguments: [arg('dates', 'Purchase dates', 'Даты покупок')],
    spills: false,
    run: ([dates]) =>
      guarded(() => {
        const days = [...new Set(flatten(dates).filter((c) => !isBlank(c)).map((c, k) => toDay(c, 'dates', k)))].sort((p, q) => p - q);
        const value = cadence(days);
        return value === null
          ? { ok: false, code: 'not-enough-history', message: 'Cadence needs at least 3 purchase days.' }
          : { ok: true, value };
      }),
  },
  {
    name: 'CONVERSION',
    description: { en: 'Share of requests followed by a purchase within days (default 30)', ru: 'Доля запросов, за которыми последовала покупка в течение дней (по умолчанию 30)' },
    arguments: [
      arg('requestDates', 'Request dates', 'Даты запросов'),
      arg('purchaseDates', 'Purchase dates', 'Даты покупок'),
      arg('days', 'Days allowed (default 30)', 'Дней на покупку (по умолчанию 30)', 'value', true),
    ],
    spills: false,
    run: ([requestDates, purchaseDates, days]) =>
      guarded(() => {
        const requests = flatten(requestDates).filter((c) => !isBlank(c)).map((c, k) => toDay(c, 'requestDates', k));
        const purchases = flatten(purchaseDates).filter((c) => !isBlank(c)).map((c, k) => toDay(c, 'purchaseDates', k)).sort((p, q) => p - q);
        const limit = optionalValue(days);
        const result = conversion(requests, purchases, limit === undefined ? CONVERSION_DAYS : wholeNumber(limit, 'days'));
        return result.rate === null ? { ok: false, code: 'not-enough-history', message: 'No requests given.' } : { ok: true, value: result.rate };
      }),
  },
  {
    name: 'PALIVE',
    description: { en: 'Per client: x, t_x, T, P(alive) and expected purchases in 90 days (BG/NBD)', ru: 'По клиентам: x, t_x, T, P(alive) и ожидаемые покупки за 90 дней (BG/NBD)' },
    arguments: [CLIENTS, DATES, AMOUNTS, AS_OF],
    spills: true,
    columns: ['client', 'x', 'tx', 'T', 'pAlive', 'expected90'],
    run: ([clients, dates, amounts, asOf]) =>
      guarded(() => {
        const analysis = analysed(salesLines(clients, dates, amounts), asOf, { model: 'bgnbd' });
        if (analysis.model.skipped) return { ok: false, code: 'not-enough-history', message: analysis.model.skipped.message };
        return table(analysis.clients.filter((c) => c.pAlive !== null).map((c) => pAliveRow(c, analysis.asOf)));
      }),
  },
];

function pAliveRow(c: ClientResult, asOf: number): FunctionValue[] {
  return [c.client, c.purchaseDays - 1, c.lastPurchase! - c.firstPurchase!, asOf - c.firstPurchase!, c.pAlive, c.expected90];
}

function wholeNumber(cell: Cell, what: string): number {
  const value = toNumber(cell, what, 0);
  if (!Number.isInteger(value) || value < 1) throw new ArgumentError(`${what} must be a whole number of at least 1`);
  return value;
}

function share(argument: Matrix | Cell | undefined, fallback: number, what: string): number {
  const cell = optionalValue(argument);
  if (cell === undefined) return fallback;
  const value = toNumber(cell, what, 0);
  if (!(value >= 0)) throw new ArgumentError(`${what} must be a number of at least 0`);
  return value;
}

export function runFunction(name: string, args: Args): FunctionResult {
  const definition = catalog.find((f) => f.name === name.toUpperCase());
  if (!definition) return { ok: false, code: 'bad-argument', message: `Unknown function ${name}` };
  return definition.run(args);
}
