/**
 * The spreadsheet functions of SPEC §9: name, arguments and a pure implementation over the same
 * metrics the report uses. Results are stable keys (`active`, `A`, `gold`…) so formulas can compare
 * them; dates in results are Excel serial numbers. `asOf` of the table functions defaults to the
 * latest date in their arguments — never today, so functions stay deterministic. Serial dates, in
 * and out, are those of the caller's workbook (1900 or 1904 system, `FunctionContext`). Money is read in
 * exact cents and ties are broken in code-point order of the client (SPEC §2, §3), so a formula
 * and the report agree on the same data. Arguments that are analysis options follow the same
 * rules as everywhere else (checkOptions).
 */
import { analyze } from '../analyze/analyze.js';
import type { Analysis, ClientResult } from '../analyze/analysis.js';
import { buildFacts } from '../analyze/facts.js';
import { compareCodePoints } from '../basics/compare.js';
import { words, type Lang } from '../i18n/index.js';
import { abcClass, DEFAULT_ABC } from '../metrics/abc.js';
import { conversion, CONVERSION_DAYS } from '../metrics/conversion.js';
import { cadence, statusAt } from '../metrics/status.js';
import { coefficientOfVariation, DEFAULT_MIN_PERIODS, xyzByCv, XYZ_PRESETS } from '../metrics/xyz.js';
import { periodsRule } from '../options/check-options.js';
import type { OptionsInput } from '../options/options.js';
import { byValue } from '../report/clients.js';
import type { Cell, SaleLine } from '../read/types.js';
import { salesColumns } from '../read/sales-columns.js';
import {
  ArgumentError,
  flatten,
  guarded,
  isBlank,
  isBlankDate,
  notEnoughHistory,
  optionalValue,
  pairedColumns,
  ruledNumber,
  serialIn,
  toDay,
  toMoneyCents,
  toNumber,
} from './arguments.js';
import type { FunctionName } from './names.js';
import type { FunctionArgument, FunctionContext, FunctionDefinition, FunctionResult, FunctionValue, Matrix } from './types.js';
import type { DateOptions } from '../read/parse-date.js';

type Args = readonly (Matrix | Cell | undefined)[];

const arg = (name: string, word: FunctionArgument['word'], kind: FunctionArgument['kind'] = 'range', optional = false): FunctionArgument => ({
  name,
  kind,
  optional,
  word,
});
const CLIENTS = arg('clients', 'clients');
const DATES = arg('dates', 'dates');
const AMOUNTS = arg('amounts', 'amounts');
const AS_OF = arg('asOf', 'asOf', 'value', true);

/**
 * Sales lines from paired client / date / amount columns (amounts in exact cents). Without a
 * clients range every line belongs to one client.
 */
function salesLines(
  clients: Matrix | Cell | undefined | null,
  dates: Matrix | Cell | undefined,
  amounts: Matrix | Cell | undefined,
  system: DateOptions,
): SaleLine[] {
  const columns = [
    { name: 'dates', arg: dates, date: true },
    { name: 'amounts', arg: amounts },
  ];
  const [d, a, c] = pairedColumns(clients === null ? columns : [...columns, { name: 'clients', arg: clients }]);
  return d.map((day, k) => {
    const client = c ? c[k] : 'client';
    if (isBlank(client)) throw new ArgumentError((w) => w.errors.emptyClient(k + 1));
    return { row: k + 1, client: String(client).trim(), day: toDay(day, 'dates', k, system), amount: toMoneyCents(a[k], 'amounts', k) };
  });
}

/** The analysis of the lines, or null when there is nothing to analyse. */
function analysed(lines: SaleLine[], asOfArg: Matrix | Cell | undefined, options: OptionsInput, system: DateOptions): Analysis | null {
  const asOfCell = optionalValue(asOfArg, 'asOf');
  const outcome = analyze({ sales: lines }, { ...options, asOf: asOfCell === undefined ? undefined : toDay(asOfCell, 'asOf', 0, system) });
  return outcome.ok ? outcome.analysis : null;
}

const serial = (day: number | null, system: DateOptions) => (day === null ? null : serialIn(day, system));

/** A spilled table; null rows mean there was no sales line to analyse, no rows that no client qualified. */
function table(lang: Lang, rows: FunctionValue[][] | null): FunctionResult {
  if (rows === null) return notEnoughHistory(lang, (w) => w.errors.noSales);
  return rows.length > 0 ? { ok: true, value: rows } : notEnoughHistory(lang, (w) => w.errors.noHistory);
}

const definitions: Record<FunctionName, Omit<FunctionDefinition, 'name'>> = {
  CHURNSIGNAL: {
    arguments: [arg('dates', 'dates'), arg('amounts', 'amounts'), arg('asOf', 'asOfRequired', 'value')],
    spills: false,
    run: ([dates, amounts, asOfArg], { lang, date1904 }) =>
      guarded(lang, () => {
        const asOfCell = optionalValue(asOfArg, 'asOf');
        if (asOfCell === undefined) throw new ArgumentError((w) => w.errors.asOfRequired);
        const asOf = toDay(asOfCell, 'asOf', 0, { date1904 });
        const lines = salesLines(null, dates, amounts, { date1904 });
        const facts = buildFacts(salesColumns(lines), asOf, 'amount');
        const status = statusAt(facts.purchaseDay, asOf);
        return status ? { ok: true, value: status.status } : notEnoughHistory(lang, (w) => w.errors.noPurchaseBeforeAsOf);
      }),
  },
  CHURNSIGNALS: {
    arguments: [CLIENTS, DATES, AMOUNTS, AS_OF],
    spills: true,
    columns: ['client', 'status', 'signals', 'recencyDays', 'cadenceDays', 'lastPurchase', 'nextPurchase', 'daysOverdue'],
    run: ([clients, dates, amounts, asOf], { lang, date1904 }) =>
      guarded(lang, () => {
        const system = { date1904 };
        const clientsOut = analysed(salesLines(clients, dates, amounts, system), asOf, { model: 'none' }, system)?.clients.filter((c) => c.status !== null);
        return table(
          lang,
          clientsOut?.map((c) => [c.client, c.status, c.signals.join(', '), c.recencyDays, c.cadenceDays, serial(c.lastPurchase, system), serial(c.nextPurchase, system), c.daysOverdue]) ?? null,
        );
      }),
  },
  ABCXYZ: {
    arguments: [CLIENTS, DATES, AMOUNTS, AS_OF, arg('periods', 'periods', 'value', true)],
    spills: true,
    columns: ['client', 'value', 'share', 'abc', 'cv', 'xyz'],
    run: ([clients, dates, amounts, asOf, periods], { lang, date1904 }) =>
      guarded(lang, () => {
        const options: OptionsInput = { model: 'none', periods: ruledNumber(periods, 'periods', periodsRule('month'), 12) };
        const analysis = analysed(salesLines(clients, dates, amounts, { date1904 }), asOf, options, { date1904 });
        const ranked = analysis ? byValue(analysis.clients).filter((c) => c.abc !== null) : null;
        return table(lang, ranked?.map((c) => [c.client, c.value, c.share, c.abc, c.cv, c.xyz]) ?? null);
      }),
  },
  ABCCLASS: {
    arguments: [arg('value', 'value', 'value'), arg('values', 'values'), arg('a', 'a', 'value', true), arg('b', 'b', 'value', true)],
    spills: false,
    run: ([value, values, a, b], { lang }) =>
      guarded(lang, () => {
        const own = toNumber(optionalValue(value, 'value') ?? null, 'value', 0);
        const all = flatten(values).filter((c) => !isBlank(c)).map((c, k) => toNumber(c, 'values', k)).filter((v) => v > 0);
        const shareA = ruledNumber(a, 'a', { kind: 'between', min: 0, max: 1, maxInclusive: false }, DEFAULT_ABC.a);
        const shareB = ruledNumber(b, 'b', { kind: 'between', min: shareA, max: 1, maxInclusive: true }, DEFAULT_ABC.b);
        if (own <= 0) return { ok: true, value: '' };
        const total = all.reduce((s, v) => s + v, 0);
        const before = all.filter((v) => v > own).reduce((s, v) => s + v, 0) / total;
        return { ok: true, value: abcClass(before, { a: shareA, b: shareB }) };
      }),
  },
  XYZCLASS: {
    arguments: [arg('series', 'series'), arg('x', 'x', 'value', true), arg('y', 'y', 'value', true)],
    spills: false,
    run: ([series, x, y], { lang }) =>
      guarded(lang, () => {
        const values = flatten(series).map((c, k) => (isBlank(c) ? 0 : toNumber(c, 'series', k)));
        const limitX = ruledNumber(x, 'x', { kind: 'above', than: 0 }, XYZ_PRESETS.default.x);
        const limitY = ruledNumber(y, 'y', { kind: 'above', than: limitX }, XYZ_PRESETS.default.y);
        if (values.length < DEFAULT_MIN_PERIODS) return { ok: true, value: 'N' };
        const cv = coefficientOfVariation(values);
        if (cv === null) return notEnoughHistory(lang, (w) => w.errors.noPositiveMean);
        return { ok: true, value: xyzByCv(cv, { x: limitX, y: limitY }) };
      }),
  },
  VALUETIERS: {
    arguments: [CLIENTS, DATES, AMOUNTS],
    spills: true,
    columns: ['client', 'formerValue', 'tier'],
    run: ([clients, dates, amounts], { lang, date1904 }) =>
      guarded(lang, () => {
        const rows = analysed(salesLines(clients, dates, amounts, { date1904 }), undefined, { model: 'none' }, { date1904 })?.clients.filter((c) => c.tier !== null);
        rows?.sort((p, q) => q.formerValue - p.formerValue || compareCodePoints(p.client, q.client));
        return table(lang, rows?.map((c) => [c.client, c.formerValue, c.tier]) ?? null);
      }),
  },
  CADENCE: {
    arguments: [arg('dates', 'purchaseDates')],
    spills: false,
    run: ([dates], { lang, date1904 }) =>
      guarded(lang, () => {
        const days = [...new Set(flatten(dates).filter((c) => !isBlankDate(c)).map((c, k) => toDay(c, 'dates', k, { date1904 })))].sort((p, q) => p - q);
        const value = cadence(days);
        return value === null ? notEnoughHistory(lang, (w) => w.errors.cadenceNeedsThree) : { ok: true, value };
      }),
  },
  CONVERSION: {
    arguments: [arg('requestDates', 'requestDates'), arg('purchaseDates', 'purchaseDates'), arg('days', 'days', 'value', true)],
    spills: false,
    run: ([requestDates, purchaseDates, days], { lang, date1904 }) =>
      guarded(lang, () => {
        const system = { date1904 };
        const requests = flatten(requestDates).filter((c) => !isBlankDate(c)).map((c, k) => toDay(c, 'requestDates', k, system));
        const purchases = flatten(purchaseDates)
          .filter((c) => !isBlankDate(c))
          .map((c, k) => toDay(c, 'purchaseDates', k, system))
          .sort((p, q) => p - q);
        const limit = ruledNumber(days, 'days', { kind: 'whole', min: 1 }, CONVERSION_DAYS);
        const result = conversion(requests, purchases, limit);
        return result.rate === null ? notEnoughHistory(lang, (w) => w.errors.noRequests) : { ok: true, value: result.rate };
      }),
  },
  PALIVE: {
    arguments: [CLIENTS, DATES, AMOUNTS, AS_OF],
    spills: true,
    columns: ['client', 'x', 'tx', 'T', 'pAlive', 'expected90'],
    run: ([clients, dates, amounts, asOf], { lang, date1904 }) =>
      guarded(lang, () => {
        const analysis = analysed(salesLines(clients, dates, amounts, { date1904 }), asOf, { model: 'bgnbd', modelCheck: false }, { date1904 });
        if (!analysis) return table(lang, null);
        const skipped = analysis.model.skipped;
        if (skipped) return notEnoughHistory(lang, () => modelSkippedText(lang, skipped.code));
        return table(lang, analysis.clients.filter((c) => c.pAlive !== null).map((c) => pAliveRow(c, analysis.asOf)));
      }),
  },
};

export const catalog: readonly FunctionDefinition[] = (Object.keys(definitions) as FunctionName[]).map((name) => ({ name, ...definitions[name] }));

function pAliveRow(c: ClientResult, asOf: number): FunctionValue[] {
  return [c.client, c.purchaseDays - 1, c.lastPurchase! - c.firstPurchase!, asOf - c.firstPurchase!, c.pAlive, c.expected90];
}

/** Why the model gave no P(alive), as the report says it, with a capital letter. */
function modelSkippedText(lang: Lang, code: NonNullable<Analysis['model']['skipped']>['code']): string {
  const reason = words(lang).report.modelSkipped[code];
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

/**
 * Runs a catalog function; messages of errors are in `lang` (English by default), serial dates
 * (arguments and results) in the 1900 system unless `date1904`.
 */
export function runFunction(name: string, args: Args, lang: Lang = 'en', options: Partial<Omit<FunctionContext, 'lang'>> = {}): FunctionResult {
  const definition = catalog.find((f) => f.name === name.toUpperCase());
  if (!definition) return { ok: false, code: 'bad-argument', message: words(lang).functions.errors.unknownFunction(name) };
  return definition.run(args, { lang, date1904: options.date1904 === true });
}
