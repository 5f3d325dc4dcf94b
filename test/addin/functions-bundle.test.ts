/**
 * The built functions bundle (dist/excel/functions.js, from `webpack --mode production`) loaded in
 * Node's vm with a fake CustomFunctions runtime and a fake Excel (for the one question the
 * functions ask of the workbook, its date system): it registers every id of the generated
 * functions.json, the metadata matches the catalog (names, arguments, optional flags, spills), and
 * CHURNSIGNAL, ABCXYZ and PALIVE answer as the core's runFunction does — errors included, as
 * CustomFunctions.Error with #VALUE! or #N/A and the core's message.
 *
 * The runtime passes cells as Excel does (`invoke`): with `allowCustomDataForDataTypeAny` in the
 * metadata, a data-typed cell arrives as its data-types JSON ("Use data types with custom
 * functions in Excel"), otherwise as its basic value; an empty cell arrives as null, or as 0 from
 * an older build (office-js#4702, #5262).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { dayFromYmd, serialFromDay } from '../../core/basics/calendar.js';
import { catalog, runFunction } from '../../core/functions/index.js';
import { words } from '../../core/i18n/index.js';
import { generateDistributor } from '../../examples/distributor.js';
import { ensureAddinBuilt } from './build-addin.js';
import { FakeWorkbook } from './fake-excel.js';

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: { name: string; description?: string; dimensionality?: string; optional?: boolean }[];
  result: { dimensionality?: string };
}

class FakeFunctionError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const ERROR_CODES = { invalidValue: '#VALUE!', notAvailable: '#N/A' };

/**
 * Standard globals bound as locals around the bundle: inside a vm context every global lookup goes
 * through V8's interceptor, which makes the model fit's Math-heavy loops about 100× slower.
 */
const LOCAL_GLOBALS = ['Math', 'Number', 'Array', 'Object', 'Map', 'Set', 'String', 'Infinity', 'NaN', 'isFinite', 'isNaN', 'JSON', 'Error', 'Symbol', 'Date'];

function runBundle(code: string, sandbox: Record<string, unknown>): void {
  const prelude = LOCAL_GLOBALS.map((name) => `const ${name} = globalThis.${name};`).join(' ');
  vm.runInContext(`(function () { ${prelude}\n${code}\n})();`, sandbox, { filename: 'functions.js' });
}

let metadata: FunctionMetadata[];
let allowsDataTypes: boolean;
let bundle: string;

type Registry = Map<string, (...args: unknown[]) => unknown>;

/** The bundle loaded into a fresh shared runtime over a workbook of the given date system. */
function loadRuntime(date1904: boolean): { functions: Registry; book: FakeWorkbook } {
  const registered: Registry = new Map();
  const CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
    Error: FakeFunctionError,
    ErrorCode: ERROR_CODES,
  };
  const book = new FakeWorkbook({ date1904 });
  const sandbox: Record<string, unknown> = { CustomFunctions, Excel: { run: book.run }, console };
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  vm.createContext(sandbox);
  runBundle(bundle, sandbox);
  return { functions: registered, book };
}

let registered: Registry;

beforeAll(async () => {
  const dist = await ensureAddinBuilt();
  const json = JSON.parse(readFileSync(join(dist, 'functions.json'), 'utf8'));
  metadata = json.functions;
  allowsDataTypes = json.allowCustomDataForDataTypeAny === true;
  bundle = readFileSync(join(dist, 'functions.js'), 'utf8');
  registered = loadRuntime(false).functions;
}, 300_000);

/** A cell as Excel holds it: a plain value, an empty cell, or a data-typed value (its JSON and basic value). */
type SheetCell = string | number | boolean | null | { typed: object; basic: string | number | boolean };

/** The cells of an argument as the runtime passes them (see the file comment). */
function asPassed(arg: unknown, build: 'current' | 'older'): unknown {
  const cell = (value: unknown): unknown => {
    if (value === null) return build === 'older' ? 0 : null;
    if (typeof value === 'object') {
      const { typed, basic } = value as { typed: object; basic: unknown };
      return allowsDataTypes ? typed : basic;
    }
    return value;
  };
  return Array.isArray(arg) ? arg.map((row: unknown[]) => row.map(cell)) : arg === null ? null : cell(arg);
}

/** What a custom function gives Excel: its value, or the error it threw. */
async function call(id: string, args: unknown[], runtime: Registry = registered): Promise<unknown> {
  try {
    return await runtime.get(id)!(...args);
  } catch (error) {
    return error;
  }
}

/** A function called over sheet cells as Excel passes them. */
function invoke(id: string, args: (SheetCell[][] | SheetCell)[], build: 'current' | 'older' = 'current', runtime = registered): Promise<unknown> {
  return call(id, args.map((arg) => asPassed(arg, build)), runtime);
}

/** The core's answer as the Excel edge renders it: values with null as "", errors as Excel errors. */
function expected(name: string, args: unknown[]): unknown {
  const result = runFunction(name, args as never);
  if (!result.ok) return new FakeFunctionError(result.code === 'bad-argument' ? '#VALUE!' : '#N/A', result.message);
  const cell = (v: unknown) => (v === null ? '' : v);
  return Array.isArray(result.value) ? result.value.map((row) => row.map(cell)) : cell(result.value);
}

const column = <T>(values: readonly T[]) => values.map((v) => [v]);

const data = generateDistributor({ seed: 11, clients: 40, years: 3, endDay: dayFromYmd(2026, 10, 31), linesTarget: 2500 });
const clients = column(data.sales.map((s) => s.client));
const dates = column(data.sales.map((s) => serialFromDay(s.day)));
const amounts = column(data.sales.map((s) => s.amount / 100));

describe('built functions bundle in a fake CustomFunctions runtime', () => {
  it('registers exactly the ids of the generated functions.json, one per catalog function', () => {
    expect([...registered.keys()].sort()).toEqual(metadata.map((f) => f.id).sort());
    expect(metadata.map((f) => f.id).sort()).toEqual(catalog.map((f) => f.name).sort());
  });

  it('describes every function with the catalog arguments, optional flags and spills', () => {
    for (const definition of catalog) {
      const meta = metadata.find((f) => f.id === definition.name)!;
      expect(meta.name, definition.name).toBe(definition.name);
      const vocabulary = words('en').functions;
      expect(meta.description, definition.name).toBe(`${vocabulary.description[definition.name]}.`);
      expect(meta.parameters.map((p) => p.description), definition.name).toEqual(definition.arguments.map((a) => `${vocabulary.argument[a.word]}.`));
      expect(
        meta.parameters.map((p) => [p.name, p.dimensionality === 'matrix' ? 'range' : 'value', p.optional === true]),
        definition.name,
      ).toEqual(definition.arguments.map((a) => [a.name, a.kind, a.optional]));
      expect(meta.result.dimensionality === 'matrix', definition.name).toBe(definition.spills);
    }
  });

  it('CHURNSIGNAL answers as the core for each client, and asks for asOf', async () => {
    const asOf = Math.max(...dates.map(([d]) => d));
    const names = [...new Set(data.sales.map((s) => s.client))].slice(0, 12);
    const answers = new Set<unknown>();
    for (const name of names) {
      const own = data.sales.filter((s) => s.client === name);
      const args = [column(own.map((s) => serialFromDay(s.day))), column(own.map((s) => s.amount / 100)), asOf];
      const answer = await call('CHURNSIGNAL', args);
      expect(answer, name).toEqual(expected('CHURNSIGNAL', args));
      answers.add(answer);
    }
    expect(answers.size).toBeGreaterThan(1);
    const missing = await call('CHURNSIGNAL', [[[serialFromDay(dayFromYmd(2026, 1, 5))]], [[10]], null]);
    expect(missing).toBeInstanceOf(FakeFunctionError);
    expect(missing).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('asOf') });
  });

  it('ABCXYZ spills the same table as the core, with and without asOf and periods', async () => {
    for (const args of [
      [clients, dates, amounts, null, null],
      [clients, dates, amounts, serialFromDay(dayFromYmd(2026, 6, 30)), 6],
    ]) {
      const table = await call('ABCXYZ', args);
      expect(table).toEqual(expected('ABCXYZ', args));
      expect((table as unknown[][]).length).toBeGreaterThan(10);
    }
  });

  it('PALIVE spills the same table as the core; too little history is #N/A with the core message', async () => {
    const args = [clients, dates, amounts, null];
    const table = (await call('PALIVE', args)) as unknown[][];
    expect(table).toEqual(expected('PALIVE', args));
    expect(table[0]).toHaveLength(6);
    const few = [[['A']], [[serialFromDay(dayFromYmd(2026, 1, 5))]], [[10]], null];
    const error = await call('PALIVE', few);
    expect(error).toBeInstanceOf(FakeFunctionError);
    expect(error).toEqual(expected('PALIVE', few));
    expect((error as FakeFunctionError).code).toBe('#N/A');
  });

  it('a bad argument is #VALUE! with the core message', async () => {
    const args = [[['A'], ['B']], [[46000]], [[1]], null, null];
    const error = (await call('ABCXYZ', args)) as FakeFunctionError;
    expect(error).toBeInstanceOf(FakeFunctionError);
    expect(error.code).toBe('#VALUE!');
    expect(error).toEqual(expected('ABCXYZ', args));
  });

  it('reads the empty cells an older Excel passes as 0 as blank: a selection past the data still answers', async () => {
    const blank = (n: number) => Array.from({ length: n }, () => [null]);
    const padded = [[...clients, ...blank(500)], [...dates, ...blank(500)], [...amounts, ...blank(500)], null] as SheetCell[][][];
    const answer = await invoke('CHURNSIGNALS', padded, 'older');
    expect(answer).toEqual(expected('CHURNSIGNALS', [clients, dates, amounts, null]));
    expect(await invoke('CHURNSIGNALS', padded, 'current')).toEqual(answer);
  });

  it('reads entities by their text and formatted numbers by their value (data types in the arguments)', async () => {
    expect(allowsDataTypes).toBe(true);
    const entity = (text: string): SheetCell => ({ typed: { type: 'Entity', text, properties: { Manager: { type: 'String', basicValue: 'Иванов' } } }, basic: '#VALUE!' });
    const formatted = (value: number): SheetCell => ({ typed: { type: 'FormattedNumber', basicValue: value, numberFormat: '#,##0.00 ₽' }, basic: value });
    const answer = await invoke('CHURNSIGNALS', [clients.map(([c]) => [entity(c as string)]), dates, amounts.map(([a]) => [formatted(a as number)]), null]);
    expect(answer).toEqual(expected('CHURNSIGNALS', [clients, dates, amounts, null]));
    expect(JSON.stringify(answer)).not.toContain('[object Object]');
  });

  it('reads and writes dates in the workbook date system, asking Excel once: a 1904 workbook sees the same statuses', async () => {
    const { functions: runtime1904, book } = loadRuntime(true);
    const dates1904 = dates.map(([d]) => [(d as number) - 1462]);
    const asOf = '2026-10-31';
    const [answer] = (await Promise.all([
      call('CHURNSIGNALS', [clients, dates1904, amounts, asOf], runtime1904),
      call('CADENCE', [dates1904], runtime1904),
      call('ABCXYZ', [clients, dates1904, amounts, asOf, null], runtime1904),
    ])) as unknown[][][];
    expect(book.syncs).toHaveLength(1);
    const reference = expected('CHURNSIGNALS', [clients, dates, amounts, asOf]) as unknown[][];
    expect(answer.map((row) => row.slice(0, 5))).toEqual(reference.map((row) => row.slice(0, 5)));
    expect(answer.map((row) => row[5])).toEqual(reference.map((row) => (row[5] as number) - 1462));
  });
});
