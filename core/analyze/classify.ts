/**
 * ABC and XYZ of every client over one window (SPEC §3–§4), shared by the current window and the
 * previous one (for the transition matrix).
 *
 * The XYZ series of a ranked client covers the periods from max(window start, the period of the
 * client's first purchase day) to the window's last period, so a client that started buying
 * mid-window is not penalised for the months before it existed.
 */
import type { AbcClass, AnalyzeOptions, XyzClass } from './analysis.js';
import { periodOf } from '../basics/calendar.js';
import { firstPurchaseDay, type Facts } from './facts.js';
import { rankAbc } from '../metrics/abc.js';
import { coefficientOfVariation, cvThresholds, xyzByCv, xyzByRegularity } from '../metrics/xyz.js';
import type { WindowFacts } from './window-facts.js';

export interface Classes {
  share: (number | null)[];
  cumShare: (number | null)[];
  abc: (AbcClass | null)[];
  cv: (number | null)[];
  regularity: (number | null)[];
  xyz: (XyzClass | null)[];
  /** Sum of the positive values ranked (the ABC total). */
  total: number;
}

export function classify(facts: Facts, wf: WindowFacts, options: AnalyzeOptions): Classes {
  const clients = facts.names.length;
  const classes: Classes = {
    share: new Array(clients).fill(null),
    cumShare: new Array(clients).fill(null),
    abc: new Array(clients).fill(null),
    cv: new Array(clients).fill(null),
    regularity: new Array(clients).fill(null),
    xyz: new Array(clients).fill(null),
    total: 0,
  };
  const classified: number[] = [];
  for (const r of rankAbc(wf.value, facts.names, options.abc)) {
    const c = r.index;
    classes.share[c] = r.share;
    classes.cumShare[c] = r.cumShare;
    classes.abc[c] = r.abc;
    classes.total += wf.value[c];
    const { series, purchased } = seriesOf(facts, wf, c);
    if (series.length < options.xyz.minPeriods) {
      classes.xyz[c] = 'N';
      continue;
    }
    classes.cv[c] = coefficientOfVariation(series);
    classes.regularity[c] = purchased.reduce((sum, p) => sum + p, 0) / purchased.length;
    classified.push(c);
  }
  assignXyz(classes, classified, options);
  return classes;
}

function assignXyz(classes: Classes, classified: number[], options: AnalyzeOptions): void {
  if (options.xyz.method === 'regularity') {
    for (const c of classified) classes.xyz[c] = xyzByRegularity(classes.regularity[c]!);
    return;
  }
  const cvs = classified.map((c) => classes.cv[c]!);
  const thresholds = cvThresholds(options.xyz.preset, options.xyz, cvs);
  for (const c of classified) classes.xyz[c] = xyzByCv(classes.cv[c]!, thresholds);
}

/** The client's per-period measure and purchase flags from its first period in the window. */
function seriesOf(facts: Facts, wf: WindowFacts, c: number): { series: Float64Array; purchased: Uint8Array } {
  const first = firstPurchaseDay(facts, c);
  const firstPeriod = first !== null ? periodOf(first, wf.window.kind) : 0;
  const skip = first !== null ? Math.min(wf.periods, Math.max(0, firstPeriod - wf.window.firstPeriod)) : 0;
  const from = c * wf.periods + skip;
  const to = (c + 1) * wf.periods;
  return { series: wf.series.subarray(from, to), purchased: wf.purchased.subarray(from, to) };
}
