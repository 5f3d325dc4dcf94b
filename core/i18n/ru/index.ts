/** Russian: every word a user reads, by surface, in the shape of the English vocabulary. */
import type { Vocabulary } from '../en/index.js';
import { cli } from './cli.js';
import { excel } from './excel.js';
import { format } from './format.js';
import { functions } from './functions.js';
import { options } from './options.js';
import { panel } from './panel.js';
import { report } from './report.js';
import { sheets } from './sheets.js';

export const ru: Vocabulary = { format, report, panel, cli, sheets, excel, functions, options };
