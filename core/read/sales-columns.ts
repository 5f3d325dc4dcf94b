/**
 * The accepted sales lines as typed columns (SPEC §2 units): what readSales returns and analyze
 * takes. One array per field instead of one object per line, so a million lines are a few dozen
 * megabytes of numbers, and every repeated text — client, product, group, document, manager,
 * region, industry — is kept once and referred to by its number.
 *
 * - `row` is the 1-based sheet row of the line; `day` a Day; `amount` and `profit` integer cents;
 *   `quantity` integer thousandths.
 * - `profit` and `quantity` are null when no line has one, and NaN on a line whose cell was empty
 *   or unreadable (SaleLine leaves the field out there).
 * - A text column is null when the field is not mapped; `ids[i]` is −1 on a line whose cell was
 *   empty, else an index into `texts` (texts in the order they were first met).
 *
 * `saleLines` turns the columns into SaleLine objects (tests, previews, small tables) and
 * `salesColumns` builds columns from SaleLine objects (the spreadsheet functions, tests).
 *
 * Example: lines (row 2, Acme, 2026-03-05, 1 234,50 ₽) and (row 3, Acme, 2026-03-06, −100) →
 * row [2, 3], client {ids: [0, 0], texts: ['Acme']}, amount [123450, −10000], profit null.
 */
import { visibleText } from './cell-text.js';
import { hasInvisible } from '../basics/words.js';
import { StringIds } from './string-ids.js';
import type { SourceRow } from './table-source.js';
import type { Day, SaleLine } from './types.js';

export interface TextColumn {
  readonly ids: Int32Array;
  readonly texts: readonly string[];
}

/** The optional text fields of a sales line. */
export const SALE_TEXT_FIELDS = ['product', 'group', 'document', 'manager', 'region', 'industry'] as const;
export type SaleTextField = (typeof SALE_TEXT_FIELDS)[number];

export interface SalesColumns {
  readonly length: number;
  readonly row: Int32Array;
  readonly day: Int32Array;
  readonly amount: Float64Array;
  readonly profit: Float64Array | null;
  readonly quantity: Float64Array | null;
  readonly client: TextColumn;
  readonly product: TextColumn | null;
  readonly group: TextColumn | null;
  readonly document: TextColumn | null;
  readonly manager: TextColumn | null;
  readonly region: TextColumn | null;
  readonly industry: TextColumn | null;
  /**
   * How many sales lines each entry stands for, when an engine summed lines that no metric tells
   * apart (warehouse/aggregation-sql.ts: same client, day, product, group, document, manager,
   * region, industry and sign); absent when every entry is one line (the readers).
   */
  readonly lines?: Int32Array;
}

/** How many sales lines the columns stand for. */
export function lineCount(columns: SalesColumns): number {
  if (!columns.lines) return columns.length;
  let n = 0;
  for (let i = 0; i < columns.length; i++) n += columns.lines[i]!;
  return n;
}

/**
 * Repeated texts, each kept once: the cell text as met → its number. Texts are names (trimmed,
 * invisible characters removed, cell-text.ts), so ` Acme`, `Acme` and `Acme\u200b` are one text;
 * an empty name is −1.
 */
export class TextTable {
  private readonly names = new StringIds();
  /** Raw cell texts met by `id`, and the number of each one's name (−1: empty). */
  private readonly raws = new StringIds();
  private readonly nameOfRaw: number[] = [];
  private readonly invisibleNames = new Set<string>();
  private lastRaw: string | null = null;
  private lastId = -1;

  /** The names, by number. */
  get texts(): string[] {
    return this.names.texts;
  }

  id(raw: string): number {
    // Lines of one client, document or manager usually follow each other: the same text again.
    if (raw === this.lastRaw) return this.lastId;
    this.lastRaw = raw;
    return (this.lastId = this.lookUp(raw));
  }

  /** The number of a text met for the first time through its key (no lookup by the raw text). */
  nameId(raw: string): number {
    const name = visibleText(raw);
    if (name === '') return -1;
    const id = this.names.id(name);
    if (name !== raw.trim() && hasInvisible(raw)) this.invisibleNames.add(name);
    return id;
  }

  /** How many distinct names held invisible characters (removed). */
  get invisible(): number {
    return this.invisibleNames.size;
  }

  /** The names that held invisible characters. */
  get invisibleTexts(): string[] {
    return [...this.invisibleNames];
  }

  /**
   * The numbers here of another table's names (`texts`, in its order; new ones added in that
   * order), and which of them held invisible characters.
   */
  merge(texts: readonly string[], invisible: readonly string[] = []): Int32Array {
    const ids = new Int32Array(texts.length);
    for (let k = 0; k < texts.length; k++) ids[k] = this.names.id(texts[k]!);
    for (const name of invisible) this.invisibleNames.add(name);
    return ids;
  }

  private lookUp(raw: string): number {
    const known = this.raws.id(raw);
    if (known < this.nameOfRaw.length) return this.nameOfRaw[known]!;
    const name = visibleText(raw);
    const id = name === '' ? -1 : this.names.id(name);
    if (id >= 0 && name !== raw.trim() && hasInvisible(raw)) this.invisibleNames.add(name);
    this.nameOfRaw.push(id);
    return id;
  }
}

/**
 * A column's texts through the source's text keys (table-source.ts): each key's number in the
 * table is found once; cells without a key are looked up by their text.
 */
export class KeyedTexts {
  private known = new Int32Array(256).fill(UNKNOWN);

  constructor(readonly table: TextTable) {}

  id(row: SourceRow, column: number): number {
    const key = row.textKey ? row.textKey(column) : -1;
    if (key < 0) return this.table.id(row.text(column));
    if (key >= this.known.length) {
      const known = new Int32Array(Math.max(key + 1, this.known.length * 2)).fill(UNKNOWN);
      known.set(this.known);
      this.known = known;
    }
    let id = this.known[key]!;
    if (id === UNKNOWN) this.known[key] = id = this.table.nameId(row.text(column));
    return id;
  }
}

const UNKNOWN = -2;

/** Grows the columns line by line; `finish` hands them over at their length. */
export class SalesColumnsBuilder {
  length = 0;
  readonly clients = new TextTable();
  private readonly texts: Partial<Record<SaleTextField, TextTable>> = {};
  /** The mapped text fields, in SALE_TEXT_FIELDS order, and their number arrays (slot by slot). */
  private readonly fields: SaleTextField[];
  private ids: Int32Array[];
  private capacity = 1024;
  private row = new Int32Array(this.capacity);
  private day = new Int32Array(this.capacity);
  private amount = new Float64Array(this.capacity);
  private client = new Int32Array(this.capacity);
  private profit: Float64Array | null;
  private quantity: Float64Array | null;
  private hasProfit = false;
  private hasQuantity = false;
  constructor(fields: { profit: boolean; quantity: boolean; texts: readonly SaleTextField[] }) {
    this.profit = fields.profit ? new Float64Array(this.capacity) : null;
    this.quantity = fields.quantity ? new Float64Array(this.capacity) : null;
    this.fields = SALE_TEXT_FIELDS.filter((field) => fields.texts.includes(field));
    for (const field of this.fields) this.texts[field] = new TextTable();
    this.ids = this.fields.map(() => new Int32Array(this.capacity).fill(-1));
  }

  /** The slot of a mapped text field, for setText. */
  slot(field: SaleTextField): number {
    return this.fields.indexOf(field);
  }

  /** Adds a line; `client` is a client number of `clients`, the texts are raw cell texts. Returns its index. */
  add(row: number, client: number, day: Day, amount: number, profit: number, quantity: number): number {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.row[i] = row;
    this.client[i] = client;
    this.day[i] = day;
    this.setNumbers(i, amount, profit, quantity);
    return i;
  }

  /** The table of an optional text field (mapped fields only). */
  table(field: SaleTextField): TextTable {
    return this.texts[field]!;
  }

  /** Sets an optional text of line i, by its field's slot: a number of its table (−1: empty). */
  setText(slot: number, i: number, id: number): void {
    this.ids[slot]![i] = id;
  }

  /** Sets an optional text of line i from its cell text. */
  text(field: SaleTextField, i: number, raw: string): void {
    const slot = this.slot(field);
    if (slot >= 0) this.ids[slot]![i] = this.texts[field]!.id(raw);
  }

  /** Sets the numbers of line i (again when a column's decimal separator is decided after reading). */
  setNumbers(i: number, amount: number, profit: number, quantity: number): void {
    this.amount[i] = amount;
    if (this.profit) {
      this.profit[i] = profit;
      if (!Number.isNaN(profit)) this.hasProfit = true;
    }
    if (this.quantity) {
      this.quantity[i] = quantity;
      if (!Number.isNaN(quantity)) this.hasQuantity = true;
    }
  }

  /**
   * Adds the lines of other columns read with the same fields (the rest of a file read elsewhere:
   * rest-of-file.ts), their rows moved on by `rowOffset`, `clientIds` their client numbers here,
   * their optional texts numbered here. Returns the index of the first line added.
   */
  append(columns: SalesColumns, rowOffset: number, clientIds: Int32Array): number {
    const at = this.length;
    const n = columns.length;
    while (this.capacity < at + n) this.grow();
    for (let i = 0; i < n; i++) {
      this.row[at + i] = columns.row[i]! + rowOffset;
      this.client[at + i] = clientIds[columns.client.ids[i]!]!;
    }
    this.day.set(columns.day, at);
    this.amount.set(columns.amount, at);
    // The other columns have none of these numbers (null) when none of their lines had one.
    if (this.profit) {
      if (columns.profit) {
        this.profit.set(columns.profit, at);
        this.hasProfit = true;
      } else this.profit.fill(Number.NaN, at, at + n);
    }
    if (this.quantity) {
      if (columns.quantity) {
        this.quantity.set(columns.quantity, at);
        this.hasQuantity = true;
      } else this.quantity.fill(Number.NaN, at, at + n);
    }
    this.fields.forEach((field, slot) => {
      const column = columns[field]!;
      const here = this.texts[field]!.merge(column.texts);
      const ids = this.ids[slot]!;
      for (let i = 0; i < n; i++) {
        const id = column.ids[i]!;
        ids[at + i] = id < 0 ? -1 : here[id]!;
      }
    });
    this.length = at + n;
    return at;
  }

  /**
   * The columns, at their length: views of the builder's arrays when at most a quarter of them is
   * unused (no copy of a million lines' columns at the moment memory is fullest), copies otherwise.
   * The builder is done with then.
   */
  finish(): SalesColumns {
    const n = this.length;
    const fitted = <T extends Int32Array | Float64Array>(array: T): T => (n * 4 >= array.length * 3 ? (array.subarray(0, n) as T) : (array.slice(0, n) as T));
    const text = (field: SaleTextField): TextColumn | null => {
      const slot = this.slot(field);
      return slot >= 0 ? { ids: fitted(this.ids[slot]!), texts: this.texts[field]!.texts } : null;
    };
    return {
      length: n,
      row: fitted(this.row),
      day: fitted(this.day),
      amount: fitted(this.amount),
      profit: this.profit && this.hasProfit ? fitted(this.profit) : null,
      quantity: this.quantity && this.hasQuantity ? fitted(this.quantity) : null,
      client: { ids: fitted(this.client), texts: this.clients.texts },
      product: text('product'),
      group: text('group'),
      document: text('document'),
      manager: text('manager'),
      region: text('region'),
      industry: text('industry'),
    };
  }

  private grow(): void {
    this.capacity *= 2;
    this.row = grown(this.row, this.capacity);
    this.day = grown(this.day, this.capacity);
    this.amount = grown(this.amount, this.capacity);
    this.client = grown(this.client, this.capacity);
    if (this.profit) this.profit = grown(this.profit, this.capacity);
    if (this.quantity) this.quantity = grown(this.quantity, this.capacity);
    this.ids = this.ids.map((ids) => {
      const next = grown(ids, this.capacity);
      next.fill(-1, ids.length);
      return next;
    });
  }
}

function grown<T extends Int32Array | Float64Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
}

/** Line i as a SaleLine object. */
export function saleAt(columns: SalesColumns, i: number): SaleLine {
  const line: SaleLine = { row: columns.row[i]!, client: columns.client.texts[columns.client.ids[i]!]!, day: columns.day[i]!, amount: columns.amount[i]! };
  const profit = columns.profit?.[i];
  if (profit !== undefined && !Number.isNaN(profit)) line.profit = profit;
  const quantity = columns.quantity?.[i];
  if (quantity !== undefined && !Number.isNaN(quantity)) line.quantity = quantity;
  for (const field of SALE_TEXT_FIELDS) {
    const column = columns[field];
    const id = column ? column.ids[i]! : -1;
    if (id >= 0) line[field] = column!.texts[id]!;
  }
  return line;
}

/** Every line as a SaleLine object, in reading order. */
export function saleLines(columns: SalesColumns): SaleLine[] {
  return Array.from({ length: columns.length }, (_, i) => saleAt(columns, i));
}

/** Columns of SaleLine objects (their texts taken as names). */
export function salesColumns(lines: readonly SaleLine[]): SalesColumns {
  const present = (field: SaleTextField) => lines.some((line) => line[field] !== undefined);
  const builder = new SalesColumnsBuilder({
    profit: lines.some((line) => line.profit !== undefined),
    quantity: lines.some((line) => line.quantity !== undefined),
    texts: SALE_TEXT_FIELDS.filter(present),
  });
  for (const line of lines) {
    const i = builder.add(line.row, builder.clients.id(line.client), line.day, line.amount, line.profit ?? Number.NaN, line.quantity ?? Number.NaN);
    for (const field of SALE_TEXT_FIELDS) {
      const text = line[field];
      if (text !== undefined) builder.text(field, i, text);
    }
  }
  return builder.finish();
}

/** True for columns, false for a list of SaleLine objects. */
export function isSalesColumns(sales: SalesColumns | readonly SaleLine[]): sales is SalesColumns {
  return !Array.isArray(sales);
}

/** The lines whose `keep` is true, as columns of their own (texts shared). */
export function selectLines(columns: SalesColumns, keep: (i: number) => boolean): SalesColumns {
  const index: number[] = [];
  for (let i = 0; i < columns.length; i++) if (keep(i)) index.push(i);
  const pick = <T extends Int32Array | Float64Array>(array: T): T => {
    const out = new (array.constructor as new (n: number) => T)(index.length);
    index.forEach((i, k) => (out[k] = array[i]!));
    return out;
  };
  const text = (column: TextColumn | null): TextColumn | null => (column ? { ids: pick(column.ids), texts: column.texts } : null);
  return {
    length: index.length,
    row: pick(columns.row),
    day: pick(columns.day),
    amount: pick(columns.amount),
    profit: columns.profit ? pick(columns.profit) : null,
    quantity: columns.quantity ? pick(columns.quantity) : null,
    client: { ids: pick(columns.client.ids), texts: columns.client.texts },
    product: text(columns.product),
    group: text(columns.group),
    document: text(columns.document),
    manager: text(columns.manager),
    region: text(columns.region),
    industry: text(columns.industry),
    ...(columns.lines ? { lines: pick(columns.lines) } : {}),
  };
}
