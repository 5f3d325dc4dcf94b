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
import type { ReadProfile, RejectedRow } from '../read/types.js';
import { REJECTED_ROW_FIELDS, rejectedWith } from '../read/types.js';
import { actionSentences, listReason } from './actions.js';

export function toJsonReport(analysis: Analysis, lang: Lang) {
  return jsonDocument(
    analysis,
    lang,
    analysis.clients.map((c) => clientJson(c, lang)),
    analysis.input.rejected.map((r) => rejectedWith(r, { message: rejectReasonText(lang, r.reason) })),
  );
}

/**
 * The same document as text, `JSON.stringify(toJsonReport(analysis, lang), null, 1)` byte for
 * byte, in pieces of about 16,000 characters: each client's object is made and written in turn,
 * each rejected row's text written straight (rejectedRowWriter), so a list of tens of thousands
 * of clients or of rejected rows never exists as one object tree and one string (at a
 * million lines the text is ~40 MB, twice that as a JavaScript string). The pieces are small on
 * purpose: a string above V8's regular object size (~128 KB) is placed straight among the old
 * objects and lingers until a full collection; measured on 1,000,488 lines, pieces of a megabyte
 * left the heap 140 MB larger when the text was written.
 */
export function* jsonReportText(analysis: Analysis, lang: Lang): Generator<string> {
  const streamed: Streamed = {
    input: { rejected: { items: analysis.input.rejected, text: rejectedRowWriter(lang) } },
    clients: { items: analysis.clients, json: (c) => clientJson(c as ClientResult, lang) },
  };
  const piece = { text: '' };
  yield* objectText(jsonDocument(analysis, lang, null, null), 0, streamed, piece);
  yield piece.text;
}

/**
 * A list written a batch of elements at a time, each element's object made when its batch is
 * written (`json`) — or each element's text written straight (`text`, given the element's indent).
 */
type List = { items: readonly unknown[] } & ({ json: (item: unknown) => unknown } | { text: (item: unknown, indent: string) => string });

/** The members of an object written in pieces: a list, or an object with such members. */
interface Streamed {
  [key: string]: List | Streamed;
}

const isList = (entry: List | Streamed): entry is List => Array.isArray(entry.items);

/**
 * An object's text as JSON.stringify(…, null, 1) writes it at `depth`, into `piece`; the lists
 * `streamed` names are written an element or a batch of elements at a time (their own values in
 * the object are ignored), and a piece is yielded whenever it reaches PIECE_CHARS.
 */
function* objectText(object: object, depth: number, streamed: Streamed, piece: { text: string }): Generator<string> {
  const indent = ' '.repeat(depth + 1);
  let first = true;
  piece.text += '{';
  for (const [key, value] of Object.entries(object)) {
    const entry = streamed[key];
    if (value === undefined && !entry) continue;
    piece.text += first ? '\n' : ',\n';
    first = false;
    if (!entry) {
      piece.text += inside(nested({ [key]: value }, depth), depth + 1);
      continue;
    }
    piece.text += `${indent}${JSON.stringify(key)}: `;
    if (!isList(entry)) {
      yield* objectText(value as object, depth + 1, entry, piece);
      continue;
    }
    if (entry.items.length === 0) {
      piece.text += '[]';
      continue;
    }
    piece.text += '[';
    // Each step writes one element's text straight (`text`) or a batch of elements through
    // JSON.stringify, with the separators and indentation they have in the list: the first batch
    // one element, each next one as many as make about BATCH_CHARS at the size of the last, so a
    // piece stays near PIECE_CHARS.
    const elementIndent = ' '.repeat(depth + 2);
    for (let i = 0, size = 1; i < entry.items.length; ) {
      const separator = i === 0 ? '\n' : ',\n';
      let text: string;
      if ('text' in entry) {
        text = entry.text(entry.items[i], elementIndent);
        i++;
      } else {
        const batch = entry.items.slice(i, i + size).map(entry.json);
        text = inside(nested(batch, depth + 1), depth + 2);
        size = Math.max(1, Math.floor((BATCH_CHARS * batch.length) / Math.max(1, text.length)));
        i += batch.length;
      }
      piece.text += separator + text;
      if (piece.text.length >= PIECE_CHARS) {
        yield piece.text;
        piece.text = '';
      }
    }
    piece.text += `\n${indent}]`;
  }
  piece.text += `\n${' '.repeat(depth)}}`;
}

/**
 * A rejected row's text as JSON.stringify(…, null, 1) writes `rejectedWith(row, { message })` at
 * `indent` — its fields in REJECTED_ROW_FIELDS order, the ones it lacks left out, then its message —
 * written straight, without an object per row (Online Retail's 135,080 rows: 90–120 ms through
 * objects and JSON.stringify, the most of the JSON's text). Each value is written by
 * JSON.stringify; the first QUOTED_KEPT distinct texts (the reasons, sources, sheets and
 * messages among them, which repeat on every row) are quoted once.
 *
 * Example: {row: 5, toRow: 7, reason: 'blank'} at 3 spaces → `   {\n    "row": 5,\n    "toRow": 7,\n
 *     "reason": "blank",\n    "message": "Empty row"\n   }` (each line break a real one).
 */
function rejectedRowWriter(lang: Lang): (item: unknown, indent: string) => string {
  const quoted = new Map<string, string>();
  const json = (value: unknown): string => {
    if (typeof value !== 'string') return JSON.stringify(value);
    let text = quoted.get(value);
    if (text === undefined) {
      text = JSON.stringify(value);
      if (quoted.size < QUOTED_KEPT) quoted.set(value, text);
    }
    return text;
  };
  return (item, indent) => {
    const row = item as RejectedRow;
    const field = `\n${indent} "`;
    let text = `${indent}{`;
    let separator = '';
    for (const key of REJECTED_ROW_FIELDS) {
      const value = row[key];
      if (value === undefined) continue;
      text += `${separator}${field}${key}": ${json(value)}`;
      separator = ',';
    }
    return `${text}${separator}${field}message": ${json(rejectReasonText(lang, row.reason))}\n${indent}}`;
  };
}

/** Texts a rejected-row writer keeps quoted: the reasons, sources, sheets and messages, with room to spare. */
const QUOTED_KEPT = 256;

/** The value inside `depth` arrays, so that JSON.stringify writes it as deep as it stands in the document. */
function nested(value: unknown, depth: number): unknown {
  let wrapped = value;
  for (let level = 0; level < depth; level++) wrapped = [wrapped];
  return wrapped;
}

const PIECE_CHARS = 16_384;
/** About how many characters of list elements are made and written together (their objects live only while their batch is written). */
const BATCH_CHARS = 4_096;

/**
 * What JSON.stringify(wrapper, null, 1) writes inside the wrapper's `depth` levels: the member of
 * `{ key: value }` at depth 1, the element of `[[value]]` at depth 2 (`nested`) — as indented as it stands
 * in the document, with no pass over the text to indent it. Line breaks in JSON text are only its
 * layout (a line break inside a string is written `\\n`), so the first `depth` of them open the
 * wrapper and the last `depth` close it. Example: `{ asOf: '2026-03-15' }`, 1 → ` "asOf": "2026-03-15"`.
 */
function inside(wrapper: unknown, depth: number): string {
  const text = JSON.stringify(wrapper, null, 1);
  let start = 0;
  let end = text.length;
  for (let level = 0; level < depth; level++) {
    start = text.indexOf('\n', start) + 1;
    end = text.lastIndexOf('\n', end - 1);
  }
  return text.slice(start, end);
}

function jsonDocument<Clients, Rejected>(analysis: Analysis, lang: Lang, clients: Clients, rejected: Rejected) {
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
      rejected,
      profile: profileJson(analysis.input.profile),
    },
    clients,
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
