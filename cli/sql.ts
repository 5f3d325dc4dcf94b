/**
 * `winback sql`: the aggregation for a warehouse table on stdout (warehouse/table-sql.ts), or one
 * sentence when the columns of the required fields are not named.
 */
import { failureMessage, words } from '../core/index.js';
import { tableSql } from '../warehouse/table-sql.js';
import type { SqlCommand } from './args.js';

export function printSql(cmd: SqlCommand): { sql: string } | { error: string } {
  const printed = tableSql(cmd);
  if ('sql' in printed) return printed;
  const { code, missing, header, headers } = printed.failure;
  if (code === 'unknown-header') {
    return { error: failureMessage(cmd.lang, { kind: 'unusable', source: 'sales', sheet: cmd.table, code, missing, header, headers }, 'cli') };
  }
  return { error: words(cmd.lang).cli.sqlMissing(missing.join(', ')) };
}
