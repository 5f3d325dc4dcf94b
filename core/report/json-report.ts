/**
 * The `--json` document of SPEC §9: dates as `YYYY-MM-DD`, stable keys for classes, statuses and
 * signals, the recommended action in the user's language. Fields may be added, none renamed.
 */
import type { Analysis, ClientResult } from '../analyze/analysis.js';
import { formatDay } from '../basics/calendar.js';
import { actionText, rejectReasonText, words, type Lang } from '../i18n/index.js';
import { columnLetters } from '../layout/addresses.js';
import type { ReadProfile } from '../read/types.js';

export function toJsonReport(analysis: Analysis, lang: Lang) {
  return {
    asOf: formatDay(analysis.asOf),
    window: { from: formatDay(analysis.window.from), to: formatDay(analysis.window.to), period: analysis.window.kind },
    measure: analysis.options.measure,
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
    model: { bgnbd: analysis.model.bgnbd, skipped: skippedJson(analysis, lang) },
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

/** Why the model was not fitted, with its reason in the user's language. */
function skippedJson(analysis: Analysis, lang: Lang) {
  const skipped = analysis.model.skipped;
  return skipped ? { code: skipped.code, message: words(lang).report.modelSkipped[skipped.code] } : null;
}

function clientJson(c: ClientResult, lang: Lang) {
  return {
    ...c,
    firstPurchase: c.firstPurchase === null ? null : formatDay(c.firstPurchase),
    lastPurchase: c.lastPurchase === null ? null : formatDay(c.lastPurchase),
    action: c.actions.map((a) => actionText(lang, a)).join(' '),
  };
}
