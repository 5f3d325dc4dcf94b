/**
 * The design's rules over the import graph and the globals each file touches (DESIGN "Pure core,
 * thin hosts"), checked on a tree of sources given as path → text, so the same check runs over
 * the project and over a small tree made to break every rule.
 *
 * - core/ imports nothing outside core/ (no package, no Node module) and touches no DOM, Office,
 *   SpreadsheetApp, network, console, timer or clock (`Date.now()`, `new Date()` without a value,
 *   `Math.random()`): time and randomness come in as arguments.
 * - The hosts (addin/, apps-script/, cli/, playground/) and the shared libraries (ui/: the panel,
 *   xlsx/: workbook files) import the core only through core/index.ts.
 * - No host imports another host; ui/ and xlsx/ import no host, and ui/ (DOM) and xlsx/ (files)
 *   not each other.
 * - Only the port files touch the hosts' globals: Office and Excel in addin/excel-port.ts (and
 *   Office.onReady in addin/taskpane.ts), CustomFunctions in addin/function-errors.ts,
 *   SpreadsheetApp in apps-script/sheets-port.ts, each other Apps Script service in its one file,
 *   google.script.run in apps-script/sidebar.ts.
 */
import ts from 'typescript';

export type Tree = ReadonlyMap<string, string>;

export interface Violation {
  file: string;
  rule: 'core-imports-outside' | 'core-touches-global' | 'deep-core-import' | 'cross-host-import' | 'host-global-outside-port';
  detail: string;
}

const HOSTS = ['addin', 'apps-script', 'cli', 'playground'];
const SHARED = ['ui', 'xlsx'];

/** Globals the core must not touch: the page, the hosts, the network, timers, the clock. */
const CORE_FORBIDDEN = new Set([
  'document',
  'window',
  'navigator',
  'location',
  'localStorage',
  'globalThis',
  'self',
  'console',
  'setTimeout',
  'setInterval',
  'requestAnimationFrame',
  'queueMicrotask',
  'performance',
  'process',
  'require',
  'Buffer',
  'fetch',
  'XMLHttpRequest',
  'Office',
  'Excel',
  'CustomFunctions',
  'SpreadsheetApp',
  'CacheService',
  'PropertiesService',
  'LockService',
  'ScriptApp',
  'HtmlService',
  'Session',
  'Utilities',
  'google',
]);

/** The one place (or few) each host global may be touched. */
const PORT_FILES: Record<string, readonly string[]> = {
  Office: ['addin/excel-port.ts', 'addin/taskpane.ts'],
  Excel: ['addin/excel-port.ts'],
  CustomFunctions: ['addin/function-errors.ts'],
  SpreadsheetApp: ['apps-script/sheets-port.ts'],
  CacheService: ['apps-script/cache-store.ts'],
  PropertiesService: ['apps-script/properties.ts'],
  LockService: ['apps-script/lock.ts'],
  ScriptApp: ['apps-script/auth-mode.ts'],
  HtmlService: ['apps-script/sidebar-page.ts'],
  Session: ['apps-script/sidebar-page.ts'],
  // Utilities is several services in one: dates (formatDate), the cache's compression
  // (gzip, base64), the retry's backoff (sleep) and the run id (getUuid), each in its own module.
  Utilities: ['apps-script/dates.ts', 'apps-script/cache-store.ts', 'apps-script/retry.ts', 'apps-script/run-state.ts'],
  google: ['apps-script/sidebar.ts'],
};

export function checkTree(tree: Tree): Violation[] {
  const violations: Violation[] = [];
  for (const [file, text] of tree) {
    if (!file.endsWith('.ts')) continue;
    const top = file.split('/')[0]!;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    for (const specifier of importSpecifiers(source)) checkImport(file, top, specifier, violations);
    if (file.endsWith('.d.ts')) continue;
    for (const use of globalUses(source)) {
      if (top === 'core' && CORE_FORBIDDEN.has(use.name)) violations.push({ file, rule: 'core-touches-global', detail: use.text });
      const ports = PORT_FILES[use.name];
      if (ports && top !== 'core' && !ports.includes(file)) violations.push({ file, rule: 'host-global-outside-port', detail: use.text });
    }
    if (top === 'core') for (const clock of clockUses(source)) violations.push({ file, rule: 'core-touches-global', detail: clock });
  }
  return violations;
}

function checkImport(file: string, top: string, specifier: string, violations: Violation[]): void {
  const target = specifier.startsWith('.') ? resolve(file, specifier) : null;
  const targetTop = target?.split('/')[0];
  if (top === 'core') {
    if (target === null || targetTop !== 'core') violations.push({ file, rule: 'core-imports-outside', detail: specifier });
    return;
  }
  if (target === null) return;
  const isHost = HOSTS.includes(top) || SHARED.includes(top);
  if (!isHost) return;
  if (targetTop === 'core' && target !== 'core/index.ts') violations.push({ file, rule: 'deep-core-import', detail: specifier });
  const crossesHost = targetTop !== top && HOSTS.includes(targetTop!);
  const sharedCrossing = SHARED.includes(top) && SHARED.includes(targetTop!) && targetTop !== top;
  if (crossesHost || sharedCrossing) violations.push({ file, rule: 'cross-host-import', detail: specifier });
}

/** `../core/read/types.js` from `ui/panel.ts` → `core/read/types.ts`. */
function resolve(file: string, specifier: string): string {
  const parts = file.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/').replace(/\.js$/, '.ts');
}

function importSpecifiers(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0]!)) {
      found.push((node.arguments[0] as ts.StringLiteral).text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Identifiers used as values that name no local declaration: `document.title`, `SpreadsheetApp`. */
function globalUses(source: ts.SourceFile): { name: string; text: string }[] {
  const declared = new Set<string>();
  const collect = (node: ts.Node): void => {
    const named = ts.isVariableDeclaration(node) || ts.isFunctionDeclaration(node) || ts.isParameter(node) || ts.isClassDeclaration(node) || ts.isBindingElement(node);
    if (named && node.name && ts.isIdentifier(node.name)) {
      declared.add(node.name.text);
    }
    if (ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node)) if (node.name) declared.add(node.name.text);
    ts.forEachChild(node, collect);
  };
  collect(source);
  const uses: { name: string; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTypeNode(node) || ts.isImportDeclaration(node) || ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) return;
    if (ts.isIdentifier(node) && !declared.has(node.text) && isValueReference(node)) {
      const parent = node.parent;
      uses.push({ name: node.text, text: ts.isPropertyAccessExpression(parent) ? parent.getText(source) : node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

function isValueReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === node;
  if (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.initializer === node;
  if (ts.isMethodDeclaration(parent) || ts.isPropertySignature(parent)) return false;
  if (ts.isShorthandPropertyAssignment(parent)) return true;
  if (ts.isBindingElement(parent) || ts.isVariableDeclaration(parent) || ts.isFunctionDeclaration(parent) || ts.isParameter(parent)) return false;
  if (ts.isQualifiedName(parent) || ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  if (ts.isExportSpecifier(parent) || ts.isImportSpecifier(parent) || ts.isEnumMember(parent)) return false;
  return true;
}

/** `Date.now()`, `new Date()` without a value, `Math.random()`. */
function clockUses(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && node.expression.getText(source) === 'Date' && (node.arguments?.length ?? 0) === 0) found.push(node.getText(source));
    if (ts.isCallExpression(node) && ['Date.now', 'Math.random'].includes(node.expression.getText(source))) found.push(node.getText(source));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
