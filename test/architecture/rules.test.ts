import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTree, type Tree } from './rules.js';

const ROOT = join(import.meta.dirname, '../..');

/** Every TypeScript file of the product, as git knows it. */
function projectTree(): Tree {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((file) => /^(core|ui|xlsx|addin|apps-script|cli|playground)\//.test(file));
  return new Map(files.map((file) => [file, readFileSync(join(ROOT, file), 'utf8')]));
}

describe('the import graph of the project', () => {
  it('keeps every rule of the design', () => {
    expect(checkTree(projectTree())).toEqual([]);
  });
});

describe('the rules themselves', () => {
  it('catch a tree that breaks each of them', () => {
    const bad: Tree = new Map([
      ['core/metric.ts', "import ExcelJS from 'exceljs';\nimport { h } from '../ui/dom.js';\nexport const now = () => Date.now() + new Date().getTime() + Math.random();\nexport const title = () => document.title;\n"],
      ['core/fine.ts', "import type { Day } from './basics/calendar.js';\nexport const day = (d: Day) => new Date(d * 86400000);\n"],
      ['addin/port.ts', "import { readSales } from '../core/read/read-sales.js';\nimport { words } from '../core/index.js';\nimport { run } from '../cli/main.js';\nexport const go = () => SpreadsheetApp.getUi();\n"],
      ['apps-script/helper.ts', "export const cache = () => CacheService.getUserCache();\n"],
      ['ui/view.ts', "import { reportWorkbook } from '../xlsx/write-report.js';\nexport const x = 1;\n"],
      ['apps-script/sheets-port.ts', "export const ss = () => SpreadsheetApp.getActiveSpreadsheet();\n"],
    ]);
    expect(checkTree(bad)).toEqual([
      { file: 'core/metric.ts', rule: 'core-imports-outside', detail: 'exceljs' },
      { file: 'core/metric.ts', rule: 'core-imports-outside', detail: '../ui/dom.js' },
      { file: 'core/metric.ts', rule: 'core-touches-global', detail: 'document.title' },
      { file: 'core/metric.ts', rule: 'core-touches-global', detail: 'Date.now()' },
      { file: 'core/metric.ts', rule: 'core-touches-global', detail: 'new Date()' },
      { file: 'core/metric.ts', rule: 'core-touches-global', detail: 'Math.random()' },
      { file: 'addin/port.ts', rule: 'deep-core-import', detail: '../core/read/read-sales.js' },
      { file: 'addin/port.ts', rule: 'cross-host-import', detail: '../cli/main.js' },
      { file: 'addin/port.ts', rule: 'host-global-outside-port', detail: 'SpreadsheetApp.getUi' },
      { file: 'apps-script/helper.ts', rule: 'host-global-outside-port', detail: 'CacheService.getUserCache' },
      { file: 'ui/view.ts', rule: 'cross-host-import', detail: '../xlsx/write-report.js' },
    ]);
  });
});
