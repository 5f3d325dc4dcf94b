/**
 * The core's pipeline over grids held in memory, for tests that need a host's expected answer:
 * each source named like its default sheet (Sales, Requests, Contacts, Complaints) unless a name
 * is given.
 */
import { runPipelineSync, type PipelineOutcome } from '../../core/pipeline/pipeline.js';
import type { Lang } from '../../core/i18n/index.js';
import type { OptionsInput } from '../../core/options/options.js';
import type { Grid } from '../../core/read/types.js';
import type { SourceKey } from '../../core/sources/sources.js';

const DEFAULT_NAMES: Record<SourceKey, string> = { sales: 'Sales', requests: 'Requests', contacts: 'Contacts', complaints: 'Complaints' };

export function segmentGrids(
  grids: { sales: Grid } & Partial<Record<SourceKey, Grid>>,
  lang: Lang,
  options: OptionsInput = {},
  names: Partial<Record<SourceKey, string>> = {},
): PipelineOutcome {
  const keys = Object.keys(grids) as SourceKey[];
  const sources = Object.fromEntries(keys.map((key) => [key, names[key] ?? DEFAULT_NAMES[key]])) as { sales: string } & Partial<Record<SourceKey, string>>;
  return runPipelineSync({ sources, options, lang }, { has: () => true, read: (key) => ({ grid: grids[key]! }) });
}
