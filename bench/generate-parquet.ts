/**
 * A Parquet file of generated sales lines for the warehouse job of `npm run bench`, written by
 * DuckDB itself (no lines pass through JavaScript): 16,500 clients, orders of six lines on one
 * day, each client's orders spread over three years, an amount and a manager per line — the shape
 * of a distributor's order lines in a warehouse. 10,000,000 lines are about 1,670,000 client-days.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export async function salesParquet(lines: number, folder: string): Promise<string> {
  const path = join(folder, `sales-${lines}.parquet`);
  if (existsSync(path)) return path;
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`COPY (
    SELECT 'Client ' || ((i // 6) % 16500) AS "Client",
           DATE '2023-11-01' + CAST(((i // 99000) * 10 + ((i // 6) % 16500) % 10) % 1096 AS INTEGER) AS "Date",
           ROUND(10 + ((i * 2654435761) % 100000) / 100.0, 2) AS "Amount",
           'Manager ' || (((i // 6) % 16500) % 40) AS "Manager"
    FROM range(${Math.floor(lines)}) t(i)
  ) TO '${path.replace(/'/g, "''")}' (FORMAT PARQUET)`);
  connection.closeSync();
  instance.closeSync();
  return path;
}
