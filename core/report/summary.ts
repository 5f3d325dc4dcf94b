/**
 * The Summary tab (SPEC §6a): the first tab, what a sales head reads on Monday, as of asOf.
 *
 * Blocks, top to bottom, each linking to the tab with the whole of it:
 * 1. Clients per status (Active, At risk, Lost, New, and the clients with returns only), with a
 *    column chart → Clients.
 * 2. Value at stake per list: clients and value at stake of Keep, Win back, Grow, Mailing only,
 *    with a bar chart → Win-back.
 * 3. The top 10 of each list that has clients, in list order (SPEC §6a): client, manager (when the
 *    sheet has managers), the signs in words, the recommended actions about this client, the value
 *    at stake → Win-back.
 * 4. Value at stake per manager (when the sheet has managers), largest first → Win-back.
 * 5. The ABC-XYZ client counts → ABC-XYZ.
 * 6. The input: sales rows read, used, rejected (and rejected in the companion sheets) → Data issues.
 * With no client in any list, blocks 2–4 give way to one line saying so.
 *
 * Example: 3 clients in Keep worth 10,000, 5,000 and 1,000 at stake → "Keep: 3 clients,
 * 16,000.00 at stake" over those 3 rows, largest first, then "Open the whole list on the Win-back
 * tab (3 clients) →".
 */
import { ACTION_LISTS, type ActionList, type ClientResult, type Status } from '../analyze/analysis.js';
import type { ChartSpec, SheetSpec, TableSpec } from './spec.js';
import { actionSentences, signsInWords } from './actions.js';
import { clientColumn, col, tableOf } from './columns.js';
import { statusColours } from './colours.js';
import type { ReportContext } from './context.js';
import { compareCodePoints } from '../basics/compare.js';
import { matrixCountsTable } from './matrix.js';

/** How many clients of each list the Summary shows. */
export const SUMMARY_LIST_TOP = 10;

export function summarySheet(ctx: ReportContext): SheetSpec {
  const { analysis, m } = ctx;
  const inLists = analysis.winBack;
  const managers = analysis.clients.some((c) => c.manager);
  const lists = inLists.length === 0 ? [] : [atStakeByList(ctx), ...ACTION_LISTS.flatMap((list) => listTop(ctx, list, managers)), ...(managers ? [atStakeByManager(ctx)] : [])];
  const charts: ChartSpec[] = [
    { kind: 'column', title: m.charts.statuses, table: 'statuses', categories: 'status', series: ['clients'] },
    ...(inLists.length === 0 ? [] : [{ kind: 'bar', title: m.charts.atStake, table: 'at-stake', categories: 'list', series: ['valueAtStake'] } satisfies ChartSpec]),
  ];
  return {
    key: 'summary',
    name: m.tabs.summary,
    notes: [m.notes.summary(ctx.format.date(analysis.asOf)), ...(inLists.length === 0 ? [m.notes.summaryEmpty] : [m.notes.summaryLists, m.notes.valueAtStake])],
    tables: [statusTable(ctx), ...lists, { ...matrixCountsTable(ctx), link: { sheet: 'matrix', text: m.links.matrix } }, inputTable(ctx)],
    charts,
    freezeHeader: false,
  };
}

function statusTable(ctx: ReportContext): TableSpec {
  const { m } = ctx;
  const counts = new Map<Status | null, number>();
  for (const c of ctx.analysis.clients) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  const order: (Status | null)[] = [...REPORT_STATUS_ORDER, ...(counts.has(null) ? [null] : [])];
  const columns = [
    col<Status | null>('status', m.columns.status, 'text', 26, (s) => (s === null ? m.words.noStatus : m.status[s])),
    col<Status | null>('clients', m.columns.clients, 'integer', undefined, (s) => counts.get(s) ?? 0),
  ];
  return {
    id: 'statuses',
    title: m.titles.statuses,
    ...tableOf(columns, order),
    valueColours: [statusColours(m)],
    asTable: false,
    link: { sheet: 'clients', text: m.links.clients },
  };
}

/** Statuses from the healthiest to the gone. */
const REPORT_STATUS_ORDER: readonly Status[] = ['active', 'new', 'at-risk', 'lost'];

interface ListTotal {
  list: ActionList;
  clients: number;
  valueAtStake: number;
}

function listTotals(clients: readonly ClientResult[]): ListTotal[] {
  return ACTION_LISTS.map((list) => {
    const members = clients.filter((c) => c.list === list);
    return { list, clients: members.length, valueAtStake: sum(members.map((c) => c.valueAtStake)) };
  });
}

function atStakeByList(ctx: ReportContext): TableSpec {
  const { m } = ctx;
  const columns = [
    col<ListTotal>('list', m.columns.list, 'text', 16, (t) => m.list[t.list]),
    col<ListTotal>('clients', m.columns.clients, 'integer', undefined, (t) => t.clients),
    col<ListTotal>('valueAtStake', m.columns.valueAtStake, ctx.valueFormat, 16, (t) => t.valueAtStake),
  ];
  return {
    id: 'at-stake',
    title: m.titles.atStakeByList,
    ...tableOf(columns, listTotals(ctx.analysis.winBack)),
    asTable: false,
    link: { sheet: 'winback', text: m.links.list(ctx.analysis.winBack.length) },
  };
}

function listTop(ctx: ReportContext, list: ActionList, managers: boolean): TableSpec[] {
  const { m } = ctx;
  const members = ctx.analysis.winBack.filter((c) => c.list === list);
  if (members.length === 0) return [];
  const atStake = sum(members.map((c) => c.valueAtStake));
  const columns = [
    clientColumn(ctx, 'client'),
    ...(managers ? [clientColumn(ctx, 'manager')] : []),
    col<ClientResult>('signs', m.columns.signals, 'text', 26, (c) => signsInWords(ctx.lang, c).join(', ') || null),
    col<ClientResult>('actions', m.columns.actions, 'text', 60, (c) => actionSentences(ctx.lang, c).join('\n') || null),
    clientColumn(ctx, 'valueAtStake'),
  ];
  return [
    {
      id: `top-${list}`,
      title: m.titles.listTop(m.list[list], members.length, ctx.format.amount(atStake)),
      ...tableOf(columns, members.slice(0, SUMMARY_LIST_TOP)),
      asTable: false,
      link: { sheet: 'winback', text: m.links.list(members.length) },
    },
  ];
}

interface ManagerTotal {
  manager: string | null;
  clients: number;
  valueAtStake: number;
}

function atStakeByManager(ctx: ReportContext): TableSpec {
  const { m } = ctx;
  const totals = new Map<string | null, ManagerTotal>();
  for (const c of ctx.analysis.winBack) {
    const key = c.manager || null;
    const total = totals.get(key) ?? { manager: key, clients: 0, valueAtStake: 0 };
    total.clients += 1;
    total.valueAtStake += c.valueAtStake;
    totals.set(key, total);
  }
  const rows = [...totals.values()].sort((p, q) => q.valueAtStake - p.valueAtStake || q.clients - p.clients || byName(p.manager, q.manager));
  const columns = [
    col<ManagerTotal>('manager', m.columns.manager, 'text', 24, (t) => t.manager ?? m.words.managerNotSet),
    col<ManagerTotal>('clients', m.columns.clients, 'integer', undefined, (t) => t.clients),
    col<ManagerTotal>('valueAtStake', m.columns.valueAtStake, ctx.valueFormat, 16, (t) => t.valueAtStake),
  ];
  return {
    id: 'at-stake-by-manager',
    title: m.titles.atStakeByManager,
    ...tableOf(columns, rows),
    asTable: false,
    link: { sheet: 'winback', text: m.links.list(ctx.analysis.winBack.length) },
  };
}

function inputTable(ctx: ReportContext): TableSpec {
  const { m } = ctx;
  const { rows, accepted, requests } = ctx.analysis.input;
  const { sales, other } = ctx.rejectedRows;
  const lines: [string, number][] = [
    [m.words.rowsRead, rows],
    [m.words.rowsUsed, accepted],
    ...(requests > 0 ? [[m.words.rowsRequests, requests] as [string, number]] : []),
    [m.words.rowsRejected, sales],
    ...(other > 0 ? [[m.words.rowsRejectedOther, other] as [string, number]] : []),
  ];
  const columns = [
    col<[string, number]>('what', m.columns.inputRows, 'text', 34, ([what]) => what),
    col<[string, number]>('rows', m.columns.rows, 'integer', undefined, ([, n]) => n),
  ];
  return { id: 'input', title: m.titles.input, ...tableOf(columns, lines), asTable: false, link: { sheet: 'issues', text: m.links.issues } };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

/** Managers by name in code-point order, the clients without a manager last. */
function byName(p: string | null, q: string | null): number {
  if (p === null || q === null) return (p === null ? 1 : 0) - (q === null ? 1 : 0);
  return compareCodePoints(p, q);
}
