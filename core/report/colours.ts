/**
 * Cell colours of the report: soft fills that keep black text readable, keyed by the translated
 * label a cell shows (ValueColours match on cell text).
 *
 * Status: active green, new blue, at-risk amber, lost red (the fills of Excel's Good / Neutral /
 * Bad styles). Tier: gold, silver, bronze. Heat map: white → pale yellow → pale green.
 */
import type { Status, Tier } from '../analyze/analysis.js';
import type { ReportWords } from '../i18n/index.js';
import type { HeatMap, ValueColours } from './spec.js';

export const STATUS_COLOURS: Record<Status, string> = {
  active: '#C6EFCE',
  new: '#DDEBF7',
  'at-risk': '#FFEB9C',
  lost: '#FFC7CE',
};

export const TIER_COLOURS: Record<Tier, string> = {
  gold: '#FFD966',
  silver: '#E7E6E6',
  bronze: '#F4C7A1',
};

export function statusColours(m: ReportWords, column = 'status'): ValueColours {
  return { column, colours: byLabel(m.status, STATUS_COLOURS) };
}

export function tierColours(m: ReportWords, column = 'tier'): ValueColours {
  return { column, colours: byLabel(m.tier, TIER_COLOURS) };
}

/** A 3-colour scale over the given columns. */
export function heatMap(columns: string[]): HeatMap {
  return { columns, low: '#FFFFFF', mid: '#FFF2CC', high: '#A9D08E' };
}

function byLabel<K extends string>(labels: Record<K, string>, colours: Record<K, string>): Record<string, string> {
  return Object.fromEntries((Object.keys(colours) as K[]).map((key) => [labels[key], colours[key]]));
}
