/**
 * The `--json` document of SPEC §9: dates as `YYYY-MM-DD`, stable keys for classes, statuses and
 * signals, the recommended action in the user's language, `currency` the code money is shown in
 * (null for none). Fields may be added, none renamed.
 */
import type { Analysis, BgnbdSummary, ClientResult, ModelSkipped } from '../analyze/analysis.js';
import { formatDay } from '../basics/calendar.js';
import { rejectReasonText, words, type Lang } from '../i18n/index.js';
import { columnLetters } from '../layout/addresses.js';
import { moneyCurrency } from '../options/currency.js';
import type { ReadProfile } from '../read/types.js';
import { actionSentences, listReason } from './actions.js';

export function toJsonReport(analysis: Analysis, lang: Lang) {
  return {
    asOf: formatDay(analysis.asOf),
    window: { from: formatDay(analysis.window.from), to: formatDay(analysis.window.to), period: analysis.window.kind },
    measure: analysis.options.measure,
    /** The currency money is shown in (ISO 4217 code), null for none; `input.profile.currencies` says what the input showed. */
    currency: moneyCurrency(analysis.options),
    input: {
      rows: analysis.input.rows,
      accepted: analysis.input.accepted,
      requests: analysis.input.requests,
      rejected: analysis.input.rejected.map((r) => ({ ...r, message: rejectReasonText(lang, r.reason) })),
      profile: profileJson(analysis.input.profile),
    },
    clients: analysis.clients.map((c) => clientJson(c, lang)),
    winBack: analysis.winBack.map((c) => c.client),
    matrix: analysis.matrix,
    transitions: analysis.transitions,
    movement: analysis.movement,
    conversion: analysis.conversion,
    kpis: {
      quarters: analysis.kpis.quarters.map(({ from, to, ...q }) => ({ ...q, from: formatDay(from), to: formatDay(to) })),
      development: analysis.kpis.development,
    },
    model: modelJson(analysis, lang),
  };
}

/**
 * The models (SPEC §9): which one scores the clients and why, in words; every fit under its own
 * key, a fit that is not informative with its attempted parameters and its verdict; the model
 * check with each model's and the baseline's predicted, actual and mae both under `models` and,
 * as SPEC §9 names them, beside `baseline` (`check.bgnbd.mae`).
 */
function modelJson(analysis: Analysis, lang: Lang) {
  const m = words(lang).report;
  const { used, why, bgnbd, mbgnbd, paretonbd, gammaGamma, skipped, check } = analysis.model;
  const verdict = (code: ModelSkipped['code']) => ({ code, message: m.modelSkipped[code] });
  const fit = (summary: BgnbdSummary | null) => summary && { ...summary, skipped: summary.skipped ? verdict(summary.skipped.code) : null };
  return {
    used,
    why: { code: why, message: m.modelWhy[why] },
    bgnbd: fit(bgnbd),
    mbgnbd: fit(mbgnbd),
    paretonbd: fit(paretonbd),
    gammaGamma,
    skipped: skipped ? verdict(skipped.code) : null,
    check: check && checkJson(check, lang),
  };
}

/** The model check (SPEC §9 `model.check`): the split as a date, each model's totals or its verdict. */
function checkJson(check: NonNullable<Analysis['model']['check']>, lang: Lang) {
  const m = words(lang).report;
  const models = Object.fromEntries(
    Object.entries(check.models).map(([kind, row]) => [kind, 'totals' in row ? row.totals : { skipped: { code: row.skipped, message: m.modelSkipped[row.skipped] } }]),
  );
  return {
    ...check,
    split: formatDay(check.split),
    ...models,
    models,
    tracking: { ...check.tracking, weekEnd: check.tracking.weekEnd.map(formatDay) },
  };
}

/**
 * How the sales data was read (`input.profile`): dates as `YYYY-MM-DD`, columns by letter and
 * 0-based index, the rest as the reader found it.
 */
function profileJson(profile: ReadProfile | null) {
  if (!profile) return null;
  const column = (c: { column: number; header: string }) => ({ column: c.column, letter: columnLetters(c.column), header: c.header });
  return {
    ...profile,
    columns: profile.columns.map((choice) => ({ field: choice.field, ...column(choice), candidates: choice.candidates.map(column) })),
    dates: profile.dates ? { from: formatDay(profile.dates.from), to: formatDay(profile.dates.to) } : null,
  };
}

const isoOrNull = (day: number | null) => (day === null ? null : formatDay(day));

function clientJson(c: ClientResult, lang: Lang) {
  return {
    ...c,
    firstPurchase: isoOrNull(c.firstPurchase),
    lastPurchase: isoOrNull(c.lastPurchase),
    nextPurchase: isoOrNull(c.nextPurchase),
    evidence: {
      ...c.evidence,
      lastRequest: isoOrNull(c.evidence.lastRequest),
      lastAnswered: isoOrNull(c.evidence.lastAnswered),
      lastComplaint: c.evidence.lastComplaint && { ...c.evidence.lastComplaint, day: formatDay(c.evidence.lastComplaint.day) },
    },
    action: actionSentences(lang, c).join(' '),
    why: listReason(lang, c),
  };
}
