/**
 * Entry of the `winback` command. Exit codes (SPEC §9): 0 success, 2 unusable input or arguments
 * with a one-line reason on stderr; 1 only for an unexpected failure of the program itself.
 */
import { langOfLocale, words, type Lang } from '../core/index.js';
import { parseCommandLine } from './args.js';
import { stderrProgress } from './progress.js';
import { InputError, runSegment } from './segment.js';
import { printSql } from './sql.js';

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const lang: Lang = langOfLocale(env.WINBACK_LANG ?? env.LC_ALL ?? env.LANG ?? '');
  const parsed = parseCommandLine(argv, lang);
  if (parsed.kind === 'help') {
    process.stdout.write(words(lang).cli.usage + '\n');
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`winback: ${parsed.error}\n`);
    return 2;
  }
  if (parsed.kind === 'sql') {
    const printed = printSql(parsed.command);
    if ('error' in printed) {
      process.stderr.write(`winback: ${printed.error}\n`);
      return 2;
    }
    process.stdout.write(printed.sql);
    return 0;
  }
  try {
    await runSegment(parsed.command, stderrProgress(parsed.command.quiet));
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`winback: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
