/**
 * Analysis + language → the report's tabs (DESIGN data flow), host-neutral: every host writes
 * the same SheetSpecs with its own API. Tabs, in order: Summary, Clients, ABC-XYZ, Win-back,
 * Movement, Conversion, KPI, Model check, Data issues; the first (Summary) is the one a host shows on open.
 * Cells keep numbers as numbers (dates as day numbers, shares as fractions) and show translated
 * labels for the stable keys; every tab shows dates as the language writes them (Russian
 * dd.mm.yyyy) and money with the analysis's currency, its sign placed as the language writes it
 * (`"$"#,##0.00`, Russian `#,##0.00" ₽"`; plain `#,##0.00` with none). The JSON output keeps the keys.
 *
 * Example: `buildReport(analysis, 'ru').map((s) => s.name)` → Сводка, Клиенты, ABC-XYZ, Возврат клиентов,
 * Динамика, Конверсия, KPI, Проверка модели, Ошибки данных.
 */
import type { Analysis } from '../analyze/analysis.js';
import type { Lang } from '../i18n/index.js';
import type { SheetSpec } from './spec.js';
import { moneyFormat } from '../layout/cells.js';
import { CURRENCY_SIGNS, moneyCurrency } from '../options/currency.js';
import { clientsSheet } from './clients.js';
import { reportContext } from './context.js';
import { conversionSheet } from './conversion.js';
import { issuesSheet } from './issues.js';
import { kpiSheet } from './kpi.js';
import { checkSheet } from './check.js';
import { matrixSheet } from './matrix.js';
import { movementSheet } from './movement.js';
import { summarySheet } from './summary.js';
import { winbackSheet } from './winback.js';

export function buildReport(analysis: Analysis, lang: Lang): SheetSpec[] {
  const ctx = reportContext(analysis, lang);
  const currency = moneyCurrency(analysis.options);
  const numberFormats: SheetSpec['numberFormats'] = { date: ctx.format.dateCode };
  if (currency) numberFormats.money = moneyFormat(CURRENCY_SIGNS[currency], ctx.format.currencyPattern);
  return [summarySheet, clientsSheet, matrixSheet, winbackSheet, movementSheet, conversionSheet, kpiSheet, checkSheet, issuesSheet].map((build) => ({ ...build(ctx), numberFormats }));
}
