/**
 * The host bridge: everything the panel asks of its host. The panel never calls Office.js or
 * google.script.run itself; each host (playground, Excel, Google Sheets) implements this.
 *
 * Excel and the playground implement it with `createLocalBridge` over a WorkbookPort (reading and
 * writing happen in the page); Google Sheets implements it over google.script.run, where reading,
 * analysis and writing run on the server in chunks and only small JSON crosses (never Dates).
 */
import type { AnalyzeOptions } from '../analyze/analysis.js';
import type { Lang } from '../i18n/index.js';
import type { PipelineRequest } from '../pipeline/pipeline.js';
import type { Cancellation } from './local-run.js';
import type { OptionsInput } from '../options/options.js';
import type { Progress } from '../pipeline/progress.js';
import type { WrittenTab } from './workbook-port.js';
import type { RunSummary } from '../report/run-summary.js';
import type { ColumnMapping, ReadFailure, ReadProfile, ReasonCount, SalesField } from '../read/types.js';

export type { RunSummary };

export type HostKind = 'excel' | 'sheets' | 'playground';

/** What the panel shows after looking at a sheet: the detected table and a parsed preview. */
export interface SheetInspection {
  sheet: string;
  /** Rows in the used range (including title rows and the header). */
  rows: number;
  ok: boolean;
  /** When not ok: why (`empty`, `no-header`, `missing-columns`) and which fields are missing. */
  failure?: { code: ReadFailure['code']; missing: SalesField[] };
  /** 0-based header row, header texts and the detected mapping (field → column index). */
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping;
  /** The first data rows as the core reads them: display strings per mapped field. */
  preview: PreviewRow[];
  /**
   * How the rows handed over were read (when the header was found), how many rows that was, and
   * the rows among them that will not be used, per reason.
   */
  profile?: ReadProfile & { rows: number; rejected: ReasonCount[] };
}

export interface PreviewRow {
  row: number;
  /** field → the value as read (dates `YYYY-MM-DD`, numbers as plain decimals), or the reject reason. */
  values: Partial<Record<SalesField, string>>;
  rejected?: string;
}

/** A run the panel asks for: the user's sheet of each source, the mapping, the options, the language. */
export type RunRequest = PipelineRequest;

export type RunResult =
  | { ok: true; summary: RunSummary; tabs: WrittenTab[] }
  | { ok: false; cancelled?: boolean; message: string };

/** What the panel remembers in the document so the next run is one click. */
export interface PanelSettings {
  salesSheet?: string;
  requestsSheet?: string;
  contactsSheet?: string;
  complaintsSheet?: string;
  mapping?: ColumnMapping;
  options?: Partial<Pick<AnalyzeOptions, 'period' | 'periods' | 'measure' | 'model'>> & OptionsInput;
  lang?: Lang;
}

/**
 * The host's switch that opens the panel by itself whenever this document is opened. Only a host
 * that can do that has one (Excel: the document setting `Office.AutoShowTaskpaneWithDocument`);
 * Google Sheets opens its sidebar from the menu only and the playground is a page, so their
 * bridges have none and the panel shows no control for it.
 */
export interface AutoOpenSwitch {
  /** Whether the panel opens with this document now. */
  get(): Promise<boolean>;
  /** Turns it on or off, saved in the document. */
  set(on: boolean): Promise<void>;
}

export interface HostBridge {
  readonly host: HostKind;
  /** The panel opening with the document, where the host can do that. */
  readonly autoOpen?: AutoOpenSwitch;
  /** The host's UI language, e.g. `ru-RU`; the panel defaults to Russian when it starts with `ru`. */
  locale(): string;
  listSheets(): Promise<{ names: string[]; active: string }>;
  inspect(sheet: string, mapping?: ColumnMapping): Promise<SheetInspection>;
  segment(request: RunRequest, onProgress: (p: Progress) => void, signal: Cancellation): Promise<RunResult>;
  loadSettings(): Promise<PanelSettings | null>;
  saveSettings(settings: PanelSettings): Promise<void>;
  /** Activates a tab (the summary's links). */
  openSheet(name: string): Promise<void>;
  /** Writes the instructions sheet and empty input tables, and remembers the mapping (templates). */
  makeTemplate(lang: Lang): Promise<void>;
}
