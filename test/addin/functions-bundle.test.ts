/**
 * The built functions bundle (dist/excel/functions.js, from `webpack --mode production`) loaded in
 * Node's vm with a fake CustomFunctions runtime: it registers every id of the generated
 * functions.json, the metadata matches the catalog (names, arguments, optional flags, spills), and
 * CHURNSIGNAL, ABCXYZ and PALIVE answer as the core's runFunction does — errors included, as
 * CustomFunctions.Error with #VALUE! or #N/A and the core's message.
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
const registered = new Map<string, (...args: unknown[]) => unknown>();

beforeAll(async () => {
  const dist = await ensureAddinBuilt();
  metadata = JSON.parse(readFileSync(join(dist, 'functions.json'), 'utf8')).functions;
  const CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) => registered.set(id, fn),
    Error: FakeFunctionError,
    ErrorCode: ERROR_CODES,
  };
  const sandbox: Record<string, unknown> = { CustomFunctions, console };
  sandbox.self = sandbox;
  sandbox.window = sandbox;
  vm.createContext(sandbox);
  runBundle(readFileSync(join(dist, 'functions.js'), 'utf8'), sandbox);
}, 300_000);

/** What a custom function gives Excel: its value, or the error it threw. */
function call(id: string, args: unknown[]): unknown {
  try {
    return registered.get(id)!(...args);
  } catch (error) {
    return error;
  }
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

  it('CHURNSIGNAL answers as the core for each client, and asks for asOf', () => {
    const asOf = Math.max(...dates.map(([d]) => d));
    const names = [...new Set(data.sales.map((s) => s.client))].slice(0, 12);
    const answers = new Set<unknown>();
    for (const name of names) {
      const own = data.sales.filter((s) => s.client === name);
      const args = [column(own.map((s) => serialFromDay(s.day))), column(own.map((s) => s.amount / 100)), asOf];
      const answer = call('CHURNSIGNAL', args);
      expect(answer, name).toEqual(expected('CHURNSIGNAL', args));
      answers.add(answer);
    }
    expect(answers.size).toBeGreaterThan(1);
    const missing = call('CHURNSIGNAL', [[[serialFromDay(dayFromYmd(2026, 1, 5))]], [[10]], null]);
    expect(missing).toBeInstanceOf(FakeFunctionError);
    expect(missing).toMatchObject({ code: '#VALUE!', message: expect.stringContaining('asOf') });
  });

  it('ABCXYZ spills the same table as the core, with and without asOf and periods', () => {
    for (const args of [
      [clients, dates, amounts, null, null],
      [clients, dates, amounts, serialFromDay(dayFromYmd(2026, 6, 30)), 6],
    ]) {
      const table = call('ABCXYZ', args);
      expect(table).toEqual(expected('ABCXYZ', args));
      expect((table as unknown[][]).length).toBeGreaterThan(10);
    }
  });

  it('PALIVE spills the same table as the core; too little history is #N/A with the core message', () => {
    const args = [clients, dates, amounts, null];
    const table = call('PALIVE', args) as unknown[][];
    expect(table).toEqual(expected('PALIVE', args));
    expect(table[0]).toHaveLength(6);
    const few = [[['A']], [[serialFromDay(dayFromYmd(2026, 1, 5))]], [[10]], null];
    const error = call('PALIVE', few);
    expect(error).toBeInstanceOf(FakeFunctionError);
    expect(error).toEqual(expected('PALIVE', few));
    expect((error as FakeFunctionError).code).toBe('#N/A');
  });

  it('a bad argument is #VALUE! with the core message', () => {
    const args = [[['A'], ['B']], [[46000]], [[1]], null, null];
    const error = call('ABCXYZ', args) as FakeFunctionError;
    expect(error).toBeInstanceOf(FakeFunctionError);
    expect(error.code).toBe('#VALUE!');
    expect(error).toEqual(expected('ABCXYZ', args));
  });
});
