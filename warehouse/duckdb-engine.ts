/**
 * `--engine duckdb`: the sales lines read and aggregated by embedded DuckDB (@duckdb/node-api, an
 * in-process library: no server, nothing on the network), handed to the pipeline as the reader's
 * outcome (core/pipeline SourceRead), so the metrics, the report and the JSON are the in-memory
 * engine's own.
 *
 * Sources:
 * - `.parquet` files — `read_parquet` with `file_row_number`; row n of the file is sheet row n + 1
 *   (the header being row 1, as when the same table is a CSV);
 * - DuckDB database files as `file.duckdb#table` — attached read-only; a row's number is its rowid + 2;
 * - a sheet the command line opened — a text file in any encoding the reader knows, or a
 *   workbook's sheet — read row by row by the core's own readers and poured into a table
 *   (sheet-table.ts), with the rows numbered as in memory (a text file's empty lines are rows),
 *   the header found and a workbook's typed cells written as the reader reads them.
 * For a table the header is its column names, found by the reader's header words and the `--map`
 * corrections (detect-header.ts); the rows are read by the SQL of aggregation-sql.ts, and the result
 * becomes sales columns through aggregates.ts.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { columnChoices, SALES_WORDS } from '../core/read/header-words.js';
import { detectHeader, type Header } from '../core/read/detect-header.js';
import { SALES_SHEET } from '../core/read/read-sales.js';
import type { TableSource } from '../core/read/table-source.js';
import type { ColumnMapping, Grid, ReadFailure, SalesField } from '../core/read/types.js';
import type { SourceRead } from '../core/pipeline/pipeline.js';
import { AGGREGATE_COLUMNS, aggregationSql, type AggregationPlan, type ColumnKind } from './aggregation-sql.js';
import { AggregateProblem, AggregatesReader, mappedTexts, ORDER_FOR_READING, type AggregateRow, type AggregateSource } from './aggregates.js';
import { pourSheet, SHEET_PROBLEM, SHEET_ROW } from './sheet-table.js';
import { SQL_DIALECTS } from './sql-dialect.js';

const duckdb = SQL_DIALECTS.duckdb;

/** What the engine reads: a Parquet file, a table of a DuckDB database, or the rows of a sheet the command line opened. */
export type EngineSource =
  | { kind: 'parquet'; path: string }
  | { kind: 'database'; path: string; table: string }
  | { kind: 'sheet'; rows: Grid | TableSource; date1904?: boolean; textCells?: boolean };

export interface EngineRequest {
  source: EngineSource;
  headers?: Partial<Record<SalesField, string>>;
  asOf?: number;
}

/** Why DuckDB could not read the source: a file it cannot open or parse, in DuckDB's words. */
export class EngineProblem extends Error {
  constructor(
    readonly code: 'no-table' | 'unreadable',
    readonly detail: string,
  ) {
    super(detail);
  }
}

export type EngineOutcome = SourceRead | { failure: ReadFailure };

export async function readWithDuckDb(request: EngineRequest): Promise<EngineOutcome> {
  const instance = await openDuckDb();
  const connection = await instance.connect();
  try {
    const relation = await relationOf(connection, request);
    if ('failure' in relation) return relation;
    const { found } = relation;
    const sql = aggregationSql({ dialect: duckdb, asOf: request.asOf, ...relation.plan });
    const columnMapping = found.mapping as ColumnMapping;
    return await readResult(connection, sql, {
      headerRow: found.headerRow,
      headers: found.headers,
      mapping: columnMapping,
      profit: columnMapping.profit !== undefined,
      quantity: columnMapping.quantity !== undefined,
      texts: mappedTexts(columnMapping),
      profile: { columns: columnChoices(found.headers, SALES_WORDS, columnMapping) },
    });
  } catch (error) {
    if (error instanceof EngineProblem || !(error instanceof Error) || !isDuckDbError(error)) throw error;
    throw new EngineProblem('unreadable', error.message);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** An error DuckDB raised (its messages name their kind: `IO Error: …`, `Invalid Input Error: …`). */
function isDuckDbError(error: Error): boolean {
  return /^[A-Z][A-Za-z ]* Error: /.test(error.message);
}

/**
 * `--aggregates`: a result of the aggregation saved as CSV (by a warehouse, Connected Sheets or
 * DuckDB), read by DuckDB with the result's column types; how the table was read comes from its
 * `column` rows.
 */
export async function readAggregates(path: string): Promise<SourceRead> {
  const instance = await openDuckDb();
  const connection = await instance.connect();
  try {
    const types = AGGREGATE_COLUMNS.map((name) => `${duckdb.literal(name)}: ${TEXT_COLUMNS.has(name) ? "'VARCHAR'" : "'BIGINT'"}`).join(', ');
    return await readResult(connection, `SELECT * FROM read_csv(${duckdb.literal(path)}, header = true, columns = {${types}}, nullstr = '')`);
  } catch (error) {
    if (error instanceof AggregateProblem) throw error;
    throw new AggregateProblem(error instanceof Error ? error.message : String(error));
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const TEXT_COLUMNS = new Set<string>(['kind', 'reason', 'value', 'client', 'product', 'grp', 'document', 'manager', 'region', 'industry']);

/**
 * Runs the aggregation (or reads its saved result) and streams its rows, in the reader's order, into
 * the reader's outcome: a chunk at a time, never the whole result as objects. Whole numbers cross
 * as doubles (exact below 2^53): a JS number each, without a BigInt per value. Texts cross once
 * each: the result is kept in a table, its distinct texts numbered and read first, and the rows
 * carry the numbers (a million groups whose client, product, manager… repeat would otherwise make
 * millions of JS strings: some 7 s of 9 on a million-line file).
 */
async function readResult(connection: DuckDBConnection, sql: string, source?: AggregateSource): Promise<SourceRead> {
  const q = (name: string) => duckdb.identifier(name);
  const texts = AGGREGATE_COLUMNS.filter((name) => TEXT_COLUMNS.has(name));
  await connection.run(`CREATE TEMP TABLE winback_result AS ${sql}`);
  await connection.run(
    `CREATE TEMP TABLE winback_texts AS SELECT text, CAST(ROW_NUMBER() OVER () - 1 AS DOUBLE) AS id FROM (SELECT DISTINCT text FROM (${texts
      .map((name) => `SELECT ${q(name)} AS text FROM winback_result`)
      .join(' UNION ALL ')}) WHERE text IS NOT NULL)`,
  );
  const dictionary: string[] = [];
  for await (const rows of (await connection.stream('SELECT id, text FROM winback_texts')).yieldRows()) {
    for (const [id, text] of rows) dictionary[id as number] = text as string;
  }
  const columns = AGGREGATE_COLUMNS.map((name) => (TEXT_COLUMNS.has(name) ? `${q(`t_${name}`)}.id AS ${q(name)}` : `CAST(r.${q(name)} AS DOUBLE) AS ${q(name)}`));
  const joins = texts.map((name) => `LEFT JOIN winback_texts ${q(`t_${name}`)} ON ${q(`t_${name}`)}.text = r.${q(name)}`).join(' ');
  const result = await connection.stream(`SELECT ${columns.join(', ')} FROM winback_result r ${joins} ${ORDER_FOR_READING('r.')}`);
  const reader = new AggregatesReader(source);
  for await (const rows of result.yieldRowObjectJs()) {
    for (const row of rows) {
      for (const name of texts) if (row[name] !== null) row[name] = dictionary[row[name] as number]!;
      reader.add(row as unknown as AggregateRow);
    }
  }
  const { read, source: readFrom } = reader.finish();
  return {
    read: {
      ok: true,
      records: read.records,
      rejected: read.rejected,
      headerRow: readFrom.headerRow,
      mapping: readFrom.mapping,
      headers: readFrom.headers,
      dataRows: read.dataRows,
      profile: read.profile,
      ...(read.requests ? { requests: read.requests } : {}),
    },
  };
}

/**
 * DuckDB in this process, held to a memory budget: beyond it, its sorts and groupings spill to the
 * system's temporary folder instead of taking the computer's memory (by default DuckDB may take 80 %
 * of it; https://duckdb.org/docs/configuration/overview, memory_limit and temp_directory).
 */
/** DuckDB is loaded only when asked for: its native library costs every other run 0.15 s to load. */
async function openDuckDb(): Promise<DuckDBInstance> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  return DuckDBInstance.create(':memory:', { memory_limit: DUCKDB_MEMORY, temp_directory: join(tmpdir(), 'winback-duckdb') });
}

/** DuckDB's share of the engine's memory budget (docs/warehouse.md: the whole run within 2 GB). */
const DUCKDB_MEMORY = '1GB';

/** The source as the aggregation reads it, with the header found in it. */
interface Relation {
  found: Header<SalesField>;
  plan: Pick<AggregationPlan, 'source' | 'columns' | 'mapping' | 'rowNumber' | 'problem' | 'kinds'>;
}

async function relationOf(connection: DuckDBConnection, request: EngineRequest): Promise<Relation | { failure: ReadFailure }> {
  const { source, headers } = request;
  if (source.kind === 'sheet') {
    const poured = await pourSheet(connection, { ...source, headers });
    if ('failure' in poured) return poured;
    const plan = { source: poured.table, columns: poured.columns, mapping: poured.mapping, rowNumber: SHEET_ROW, problem: SHEET_PROBLEM };
    return { found: poured.found, plan };
  }
  const path = duckdb.literal(source.path);
  let table: string;
  let rowNumber: string;
  if (source.kind === 'parquet') {
    table = `read_parquet(${path}, file_row_number = true)`;
    rowNumber = 'file_row_number + 2';
  } else {
    await connection.run(`ATTACH ${path} AS winback_source (READ_ONLY)`);
    const tables = await connection.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'winback_source'`);
    if (!tables.getRowObjectsJS().some((t) => t.table_name === source.table)) throw new EngineProblem('no-table', source.table);
    table = `winback_source.${duckdb.identifier(source.table)}`;
    rowNumber = 'rowid + 2';
  }
  const described = await describe(connection, table);
  const names = described.map((column) => column.name);
  const found = detectHeader([names], SALES_SHEET, headers ? { headers } : {});
  if (!found.ok) return { failure: found };
  const kinds = Object.fromEntries(described.flatMap((column) => (column.kind ? [[column.name, column.kind]] : [])));
  const mapping: Partial<Record<SalesField, string>> = {};
  for (const [field, column] of Object.entries(found.mapping) as [SalesField, number][]) mapping[field] = names[column]!;
  return { found, plan: { source: table, columns: names, mapping, rowNumber, kinds } };
}

/** The columns of a relation and what their DuckDB types say of their text (aggregation-sql.ts ColumnKind), without the engine's own row number column. */
async function describe(connection: DuckDBConnection, relation: string): Promise<{ name: string; kind: ColumnKind | undefined }[]> {
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`);
  return described
    .getRowObjectsJS()
    .map((row) => ({ name: String(row.column_name), kind: kindOfType(String(row.column_type)) }))
    .filter(({ name }) => name !== 'file_row_number');
}

/** DATE and TIMESTAMP write ISO text; VARCHAR is text to read by the rules; any other type is typed. */
function kindOfType(type: string): ColumnKind | undefined {
  if (/^(DATE|TIMESTAMP)/.test(type)) return 'date';
  return type === 'VARCHAR' ? undefined : 'typed';
}

