/**
 * The command line's English words: its usage text, progress lines and messages.
 *
 * Example: `cli.read(6919, 6910, 9)` → `6,919 rows: 6,910 used, 9 rejected`.
 */
import { SALES_FIELDS } from '../../read/fields.js';
import { format } from './format.js';

/** Megabytes or gigabytes, for the memory sentence. */
const size = (bytes: number) => (bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${Math.round(bytes / 1024 ** 2)} MB`);

export const cli = {
  size,
  usage: [
    'Usage: winback segment <sales.csv|.xlsx> [options]',
    '',
    'Finds the B2B clients you are losing and writes a report workbook.',
    '',
    'Options:',
    '  --sheet NAME                  sheet of the sales workbook (or sales.xlsx#NAME)',
    '  --requests FILE               client requests (client, date, manager)',
    '  --contacts FILE               contact attempts (client, date, answered)',
    '  --complaints FILE             complaints (client, date, text)',
    '  --as-of YYYY-MM-DD            analysis date (default: the latest sale)',
    '  --period month|quarter|week   period length (default month)',
    '  --periods N                   periods in the analysis (default 12)',
    '  --measure amount|profit|quantity   value used for ABC, XYZ and tiers',
    '  --xyz default|classic|auto|regularity   XYZ thresholds',
    '  --model auto|bgnbd|mbgnbd|paretonbd|none   purchase model for P(alive)',
    '                                (default auto: the one the model check finds best)',
    '  --holdout-days N              days the model check hides (default: a quarter',
    '                                of the history, 28 to 365)',
    '  --currency RUB|USD|EUR|GBP|none   currency of the money columns (default: the one',
    '                                currency the sales amounts show, else none)',
    '  --map FIELD="Header"          take that column for the field (repeatable),',
    '                                e.g. --map client="Customer ID"; fields:',
    `                                ${SALES_FIELDS.join(', ')}`,
    '  --lang en|ru                  report language',
    '  --out report.xlsx             report workbook (default winback-report.xlsx)',
    '  --json report.json            results as JSON',
    '  --quiet, -q                   no progress lines',
    '  --engine memory|duckdb        who reads the lines: in memory (default), or',
    '                                embedded DuckDB (CSV, .xlsx, Parquet, file.duckdb#table)',
    '  --aggregates                  the file is the result of `winback sql`',
    '',
    'Usage: winback sql --table NAME [--dialect bigquery|duckdb] [--columns A,B,C]',
    '                   [--map FIELD=Column ...] [--as-of YYYY-MM-DD]',
    'Prints the aggregation as SQL for a warehouse; run it there, download the result,',
    'then: winback segment result.csv --aggregates',
  ].join('\n'),
  wouldOverwrite: (option: string, file: string) => `${option} ${file} is an input file: it will not be overwritten; write the report elsewhere`,
  sameOutput: (file: string) => `--out and --json both name ${file}: give them different files`,
  outputProblem: (option: string, file: string, reason: string) => `cannot write ${option} ${file}: ${reason}`,
  output: {
    isFolder: 'it is a folder',
    noFolder: (folder: string) => `the folder ${folder} does not exist`,
    notFolder: (folder: string) => `${folder} is not a folder`,
    readOnly: (folder: string) => `the folder ${folder} cannot be written to`,
    diskFull: 'the disk is full (nothing was written)',
    stalled: 'the disk stopped taking the file (nothing was written)',
  },
  badMap: (given: string, fields: string) => `--map must be FIELD="Header" with FIELD one of ${fields} (got "${given}")`,
  tooBig: (file: string, lines: number, needed: string, budget: string) =>
    `${file} has about ${format.count(lines)} lines: reading them needs about ${needed} of memory, more than the ${budget} this computer can give; run it with --engine duckdb, which aggregates the lines on disk (or split the file, for example by year)`,
  reading: (file: string) => `Reading ${file}…`,
  read: (rows: number, accepted: number, requests: number, rejected: number) =>
    `${format.count(rows)} rows: ${format.count(accepted)} used, ${format.count(requests)} requests, ${format.count(rejected)} rejected`,
  companion: (source: string, sheet: string) => `${source} taken from the sheet "${sheet}"`,
  analysing: (lines: number) => `Analysing ${format.count(lines)} sales lines…`,
  writing: (file: string) => `Writing ${file}…`,
  done: (clients: number, winBack: number, files: string) =>
    `Done: ${format.count(clients)} clients, ${format.count(winBack)} to win back → ${files}`,
  unreadable: (file: string, reason: string) => `cannot read ${file}: ${reason}`,
  unusable: (file: string, reason: string) => `${file}: ${reason}`,
  /** Why a file or one of its sheets cannot be read (the pipeline's SourceProblem codes). */
  problem: {
    noFile: 'no such file',
    isFolder: 'is a folder',
    oldXls: 'old .xls format is not supported; save it as .xlsx or .csv',
    notWorkbook: (detail: string) => `not a readable .xlsx workbook (${detail})`,
    noSheet: (sheet: string, sheets: string) => `no sheet named "${sheet}" (sheets: ${sheets})`,
    noSheets: 'the workbook has no sheets',
  },
  badOption: (option: string, rule: string, got: string) => `--${option} must be ${rule} (got "${got}")`,
  unknownOption: (option: string) => `unknown option ${option} (winback --help lists them)`,
  missingValue: (option: string) => `${option} needs a value`,
  unknownCommand: (command: string) => `unknown command "${command}" (the commands are "segment" and "sql")`,
  oneFile: 'give exactly one sales file: winback segment <sales.csv|.xlsx>',
  sqlNoFile: 'winback sql reads no file: name the table with --table',
  sqlNeedsTable: 'winback sql needs the table: --table project.dataset.sales',
  sqlMissing: (fields: string) =>
    `name the columns of ${fields} with --map (e.g. --map client=customer_id --map date=order_date --map amount=net_amount), or list every column with --columns`,
  engine: {
    parquet: (file: string) => `${file} is a Parquet file: read it with --engine duckdb`,
    noTable: (table: string, file: string) => `no table "${table}" in ${file}`,
    needsTable: (file: string) => `name the table of the DuckDB database: ${file}#table`,
    unreadable: (file: string, detail: string) => `DuckDB cannot read ${file}: ${detail}`,
  },
  aggregatesProblem: (file: string, detail: string) => `${file} is not a result of winback sql: ${detail}`,
};

/** The shape every language's command-line words have. */
export type CliWords = typeof cli;
