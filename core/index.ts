/**
 * The core's public surface: every host (the Excel add-in, the Google Sheets add-on, the command
 * line, the playground) and the shared panel (ui/) and xlsx I/O (xlsx/) import the core only from
 * here. An architecture test holds them to it. Grouped as the data flows: read → analyze →
 * report → layout, then the pipeline that runs them, the panel's host-neutral logic, the
 * spreadsheet functions and the vocabulary.
 */

// Calendar and ordering
export {
  MS_PER_DAY,
  EXCEL_EPOCH_OFFSET,
  EXCEL_1904_OFFSET,
  dayFromYmd,
  ymdFromDay,
  isValidYmd,
  formatDay,
  parseIsoDay,
  dayOfDate,
  dateOfDay,
  dayFromSerial,
  serialFromDay,
  type Day,
  type PeriodKind,
  type Window,
} from './basics/calendar.js';
export { compareCodePoints } from './basics/compare.js';
export { hasOwn } from './basics/own.js';

// Options
export {
  PERIOD_KINDS,
  MEASURES,
  MODEL_KINDS,
  XYZ_PRESET_NAMES,
  XYZ_CHOICES,
  PERIODS_LIMIT,
  CURRENCIES,
  CURRENCY_CHOICES,
  type CurrencyChoice,
  type CurrencyCode,
  type Measure,
  type ModelKind,
  type XyzChoice,
  type XyzPreset,
} from './options/choices.js';
export { checkOptions, periodsRule, satisfies, type OptionPath, type OptionProblem, type OptionRule } from './options/check-options.js';
export { DEFAULT_OPTIONS, withDefaults, type OptionsInput } from './options/options.js';
export { CURRENCY_SIGNS, reportCurrency } from './options/currency.js';

// Reading
export {
  csvSource,
  FieldCache,
  csvRows,
  cellText,
  isBlankCell,
  isTotalText,
  parseDay,
  dayFromTime,
  parseNumber,
  parseNumberText,
  type DateOptions,
  type DateShape,
  type NumberShape,
  gridSource,
  rowCells,
  saleLines,
  SALE_TEXT_FIELDS,
  type ByteChunks,
  readSalesRest,
  type RestOfFile,
  type RestPart,
  type RestPlan,
  type CsvSource,
  type SourceRow,
  type TableSource,
  type SalesColumns,
} from './read/index.js';
export { REJECT_REASONS, rowsOf } from './read/types.js';
export type {
  Cell,
  Grid,
  ColumnMapping,
  SalesField,
  RejectedRow,
  RejectReason,
  RowProblem,
  ReadProfile,
  ReasonCount,
  FileProfile,
  TextEncodingName,
} from './read/types.js';
export { FIELD_KEYS, REQUIRED_SALES_FIELDS, SALES_FIELDS, type FieldKey, type RequiredSalesField } from './read/fields.js';
export { SOURCE_KEYS, OPTIONAL_SOURCES, SOURCES, companionSheets, type SourceKey, type OptionalSource, type SourceSetting } from './sources/sources.js';

// Analysis
export { analyze, type AnalyzeInput, type AnalyzeOutcome } from './analyze/analyze.js';
export { runCountFitJob, type CountFitJob } from './analyze/client-model.js';
export type { CountFitResult } from './model/index.js';
export {
  ABC_CLASSES,
  XYZ_CLASSES,
  TIERS,
  STATUSES,
  SIGNALS,
  MOVEMENT_KINDS,
  type AbcClass,
  type XyzClass,
  type Tier,
  type Status,
  type Signal,
  type MovementKind,
  type Analysis,
  type AnalyzeOptions,
  type ClientResult,
} from './analyze/analysis.js';

// Report
export { buildReport } from './report/index.js';
export { rejectedRows, type RejectedRows } from './report/context.js';
export { jsonReportText, toJsonReport } from './report/json-report.js';
export { actionSentence, actionSentences, listReason, type ActionFacts } from './report/actions.js';
export { summarize, SUMMARY_TOP, type ModelSummary, type RunSummary, type WinBackCard } from './report/run-summary.js';
export { heatMap } from './report/colours.js';
export { readProfileLines, readProfileUnsure, type ProfileLine } from './report/read-profile.js';
export type {
  CellFormat,
  SpecValue,
  ColumnSpec,
  ValueColours,
  HeatMap,
  TableSpec,
  ChartKind,
  ChartSpec,
  SheetKey,
  SheetSpec,
} from './report/spec.js';

// Layout: where each part of a tab lands, and what each cell holds
export {
  layoutTab,
  columnOf,
  tableLineCount,
  firstLineRow,
  tableLines,
  noteLines,
  CHART_ROWS,
  CHART_COLUMNS,
  type TabLayout,
  type NoteBlock,
  type PlacedTable,
  type PlacedChart,
} from './layout/tab-layout.js';
export { NUMBER_FORMATS, TEXT_FORMAT, MAX_CELL_TEXT, CUT_MARK, fitted, formatLiteral, moneyFormat, sheetCell, sheetCellInto, textCells, type NumberFormats, type SheetCell } from './layout/cells.js';
export { columnLetters, cellAddress } from './layout/addresses.js';
export { MAX_TAB_NAME, tabName, sameTabName, freeTabName } from './layout/tab-names.js';
export { tableFills } from './layout/fills.js';
export { scaleColour, type ColourStops } from './layout/colour-scale.js';

// Pipeline
export {
  runPipeline,
  runPipelineSync,
  type PipelineRequest,
  type PipelineOutcome,
  type PipelineFailure,
  type SourceAnswer,
  type SourceGrid,
  type SourceRead,
  type SourceProblem,
  type SourceProvider,
  type SyncSourceProvider,
  type RunControl,
} from './pipeline/pipeline.js';
export type { Progress } from './pipeline/progress.js';
export { failureMessage, optionName, type Surface } from './pipeline/failure-message.js';

// The panel's host-neutral logic
export type { AutoOpenSwitch, HostBridge, HostKind, PanelSettings, PreviewRow, RunRequest, RunResult, SheetInspection } from './panel/bridge.js';
export type { WorkbookPort, WrittenTab } from './panel/workbook-port.js';
export { PANEL_FIELDS, type PanelField } from './panel/fields.js';
export { inspectGrid, INSPECT_ROWS, PREVIEW_ROWS } from './panel/inspect.js';
export { createLocalBridge, type LocalHostOptions, type SettingsStore } from './panel/local-bridge.js';
export { portRunner, runLocally, type Cancellation, type PipelineRunner, type RunnerOutcome } from './panel/local-run.js';
export { defaultForm, formFromOptions, optionsFromForm, parseDecimal, settingApplies, type FormOutcome, type SettingsForm } from './panel/settings-form.js';
export { capitalize, templateHeaders, templateSalesMapping, templateSheetName } from './panel/template-layout.js';

// Spreadsheet functions
export { catalog, runFunction, FUNCTION_NAMES, type FunctionName, type FunctionDefinition, type FunctionResult, type FunctionValue, type Matrix } from './functions/index.js';

// Vocabulary
export {
  LANGS,
  words,
  isLang,
  langOfLocale,
  statusLabel,
  tierLabel,
  signalLabel,
  movementLabel,
  rejectReasonText,
  failureText,
  fieldLabel,
  ruleText,
  type Lang,
  type Vocabulary,
  type ReportWords,
  type PanelWords,
} from './i18n/index.js';
