/**
 * English: every word a user reads, by surface. Its shape is the `Vocabulary` type, so another
 * language folder that misses a word, or has one too many, does not compile.
 */
import { cli } from './cli.js';
import { excel } from './excel.js';
import { format } from './format.js';
import { functions } from './functions.js';
import { options } from './options.js';
import { panel } from './panel.js';
import { report } from './report.js';
import { sheets } from './sheets.js';

export const en = { format, report, panel, cli, sheets, excel, functions, options };

/** The words of one language. */
export type Vocabulary = typeof en;
