/**
 * `winback sql` and the engine's refusals, through the command line. The BigQuery SQL is checked
 * offline by a BigQuery-dialect parser (node-sql-parser, database 'BigQuery'), which refuses the
 * same SQL with one parenthesis missing, and it names its columns with backquotes only (a double
 * quote is a string in BigQuery). It was parsed, never run on BigQuery (no account here).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodeSqlParser from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'winback-sql-'));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const [write, writeErr] = [process.stdout.write.bind(process.stdout), process.stderr.write.bind(process.stderr)];
  process.stdout.write = ((chunk: string) => ((out += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((err += chunk), true)) as typeof process.stderr.write;
  try {
    return { code: await main(args, { LANG: 'en_US.UTF-8' }), out, err };
  } finally {
    process.stdout.write = write;
    process.stderr.write = writeErr;
  }
}

const parser = new nodeSqlParser.Parser();
const parses = (sql: string) => {
  try {
    parser.astify(sql, { database: 'BigQuery' });
    return true;
  } catch {
    return false;
  }
};

describe('winback sql --dialect bigquery', () => {
  const mapped = ['sql', '--table', 'shop.sales.lines', '--map', 'client=customer_id', '--map', 'date=order_date', '--map', 'amount=net_amount', '--map', 'product=sku', '--map', 'type=kind'];

  it('prints SQL a BigQuery parser accepts (and refuses with a parenthesis missing)', async () => {
    const { code, out } = await run(mapped);
    expect(code).toBe(0);
    expect(parses(out)).toBe(true);
    expect(parses(out.replace('FROM source_rows)', 'FROM source_rows'))).toBe(false);
  });

  it('names the table as one backquoted path and never double-quotes a name', async () => {
    const { out } = await run([...mapped, '--as-of', '2026-10-31']);
    expect(out).toContain('FROM `shop.sales.lines`');
    expect(out).not.toMatch(/"/);
    expect(out).toContain('a.day > 20757');
  });

  it('finds the columns by their header words among --columns, as the reader does', async () => {
    const { code, out } = await run(['sql', '--table', 'sales', '--columns', 'Контрагент,Дата,Сумма,Менеджер']);
    expect(code).toBe(0);
    expect(out).toContain('CAST(`Контрагент` AS STRING) AS c_0');
    expect(out).toContain("SELECT 'column', 3, CAST(NULL AS INT64), 'manager', 'Менеджер'");
  });

  it('says in one sentence which fields need a column, exit 2', async () => {
    const { code, err } = await run(['sql', '--table', 'sales', '--map', 'client=customer_id']);
    expect(code).toBe(2);
    expect(err).toBe('winback: name the columns of date, amount with --map (e.g. --map client=customer_id --map date=order_date --map amount=net_amount), or list every column with --columns\n');
  });

  it('needs a table', async () => {
    expect((await run(['sql'])).err).toBe('winback: winback sql needs the table: --table project.dataset.sales\n');
  });
});

describe('--engine duckdb refuses what it cannot read, in one sentence (exit 2)', () => {
  it('a workbook sheet that is not there, as the memory engine does', async () => {
    const { code, err } = await run(['segment', 'examples/sample-sales.xlsx#Nope', '--engine', 'duckdb', '--json', join(dir, 'a.json'), '--quiet']);
    expect(code).toBe(2);
    expect(err).toBe((await run(['segment', 'examples/sample-sales.xlsx#Nope', '--json', join(dir, 'a.json'), '--quiet'])).err);
    expect(err).toContain('Nope');
  });

  it('and the memory engine sends a Parquet file to it', async () => {
    const file = join(dir, 'lines.parquet');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`COPY (SELECT 'Acme' AS client, DATE '2026-03-05' AS date, 12.5 AS amount) TO '${file}' (FORMAT PARQUET)`);
    connection.closeSync();
    instance.closeSync();
    const { code, err } = await run(['segment', file, '--json', join(dir, 'p.json'), '--quiet']);
    expect(code).toBe(2);
    expect(err).toBe(`winback: ${file} is a Parquet file: read it with --engine duckdb\n`);
    expect((await run(['segment', file, '--engine', 'duckdb', '--json', join(dir, 'p.json'), '--quiet'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'p.json'), 'utf8')).clients[0].client).toBe('Acme');
  });

  it('a DuckDB database without a table, or with another table', async () => {
    const file = join(dir, 'empty.duckdb');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(file);
    const connection = await instance.connect();
    await connection.run('CREATE TABLE orders (client VARCHAR, date VARCHAR, amount VARCHAR)');
    connection.closeSync();
    instance.closeSync();
    expect((await run(['segment', file, '--engine', 'duckdb', '--json', join(dir, 'c.json'), '--quiet'])).err).toBe(`winback: name the table of the DuckDB database: ${file}#table\n`);
    expect((await run(['segment', `${file}#sales`, '--engine', 'duckdb', '--json', join(dir, 'c.json'), '--quiet'])).err).toBe(`winback: no table "sales" in ${file}\n`);
  });

  it('a file that is not a result of winback sql, given as --aggregates', async () => {
    const file = join(dir, 'not-aggregates.csv');
    writeFileSync(file, 'kind,row\nsale,2\n');
    const { code, err } = await run(['segment', file, '--aggregates', '--json', join(dir, 'd.json'), '--quiet']);
    expect(code).toBe(2);
    expect(err).toMatch(/^winback: .*not-aggregates\.csv is not a result of winback sql: /);
  });
});
