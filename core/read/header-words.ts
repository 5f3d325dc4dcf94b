/**
 * Header words (SPEC §8): which column header names which field, in English and Russian.
 *
 * Matching: a header cell and a word are compared after trimming, collapsing inner whitespace
 * (including non-breaking spaces) to one space, lower-casing and writing ё as е — so `Партнёр`,
 * ` ПАРТНЕР ` and `партнер` are the same header. A trailing colon is ignored (`Клиент:`).
 *
 * When no header equals a word exactly, a second, looser pass drops a unit written after a comma
 * or in brackets: `Сумма, руб.` and `Amount (USD)` then match `сумма` and `amount`. Exact matches
 * always win over loose ones.
 *
 * "First match wins": fields are matched in the order of their table below, and each field's words
 * in their listed order; the first word found in a still-unused column (leftmost column when several
 * carry it) takes that column. A column is used for one field only.
 *
 * Example: headers `Дата | Контрагент | Номенклатура | Кол-во | Цена | Сумма, руб.` →
 * date 0, client 1, product 2, quantity 3, price 4, amount 5 (loose pass).
 *
 * Words beyond SPEC §8 (so the docs copy of the SPEC can list them): client `customer name`,
 * `client name`; date `sale date`, `transaction date`, `дата документа`, `дата реализации`,
 * `дата отгрузки`; industry `industry`, `sector`, `segment`, `отрасль`, `сегмент`.
 */
import { normalizeWord } from '../basics/words.js';
import type { CurrencyCode } from '../options/choices.js';
import { currencyWord } from './parse-number.js';
import type { ColumnChoice, ComplaintField, ContactField, SalesField } from './types.js';

/** Fields of a requests sheet (SPEC §1 "Requests"). */
export type RequestField = 'client' | 'date' | 'manager';

/** For each field, its header words in priority order (already normalized). */
export type HeaderWords<F extends string> = Readonly<Record<F, readonly string[]>>;

const CLIENT = [
  'client', 'customer', 'customer id', 'customerid', 'account', 'buyer',
  'клиент', 'контрагент', 'покупатель', 'заказчик', 'партнер',
  'customer name', 'client name',
];
const DATE = [
  'date', 'order date', 'invoice date', 'invoicedate',
  'дата', 'дата заказа', 'дата продажи', 'период',
  'sale date', 'transaction date', 'дата документа', 'дата реализации', 'дата отгрузки',
];
const MANAGER = ['manager', 'salesperson', 'sales rep', 'менеджер', 'ответственный'];

/** Sales sheet words, in the order fields are matched. */
export const SALES_WORDS: HeaderWords<SalesField> = {
  client: CLIENT,
  date: DATE,
  amount: ['amount', 'sales', 'revenue', 'total', 'sum', 'net sales', 'сумма', 'выручка', 'сумма продажи', 'стоимость'],
  quantity: ['quantity', 'qty', 'units', 'количество', 'кол-во'],
  price: ['unitprice', 'price', 'цена', 'unit price'],
  profit: ['profit', 'margin', 'gross profit', 'прибыль', 'маржа', 'валовая прибыль'],
  product: ['product', 'sku', 'item', 'stockcode', 'product id', 'номенклатура', 'товар', 'артикул', 'product name'],
  group: ['category', 'product group', 'группа', 'группа товаров', 'категория'],
  document: [
    'document', 'order', 'order id', 'order no', 'invoice', 'invoice no', 'invoiceno',
    'документ', 'заказ', 'накладная', 'номер документа',
  ],
  manager: MANAGER,
  region: ['region', 'city', 'country', 'регион', 'город', 'страна'],
  industry: ['industry', 'sector', 'segment', 'отрасль', 'сегмент'],
  type: ['type', 'тип', 'вид', 'вид операции'],
};

/** Requests sheet words. */
export const REQUEST_WORDS: HeaderWords<RequestField> = { client: CLIENT, date: DATE, manager: MANAGER };

/** Contacts sheet words. */
export const CONTACT_WORDS: HeaderWords<ContactField> = {
  client: CLIENT,
  date: DATE,
  answered: ['answered', 'reached', 'result', 'ответил', 'дозвон', 'результат'],
  manager: MANAGER,
};

/** Complaints sheet words. */
export const COMPLAINT_WORDS: HeaderWords<ComplaintField> = {
  client: CLIENT,
  date: DATE,
  text: ['text', 'complaint', 'comment', 'description', 'текст', 'жалоба', 'претензия', 'комментарий'],
};

const TRAILING_COLON = /\s*:$/;
const UNIT_SUFFIX = /\s*(?:,|\(|\[).*$/;

/** A header cell as it is compared with the words: trimmed, one space, lower case, ё → е. */
export function normalizeHeader(text: string): string {
  return normalizeWord(text).replace(TRAILING_COLON, '');
}

/** The header without a unit after a comma or in brackets: `сумма, руб.` → `сумма`. */
function withoutUnit(normalized: string): string {
  return normalized.replace(UNIT_SUFFIX, '');
}

const UNIT = /(?:,|\(|\[)\s*([^)\]]*?)\s*[)\]]?\s*$/;

/** The currency a header's unit names: `Сумма, руб.` → RUB, `Amount (USD)` → USD, `Кол-во, шт` → null. */
export function headerCurrency(header: string): CurrencyCode | null {
  const unit = UNIT.exec(header)?.[1];
  return unit === undefined ? null : currencyWord(unit);
}

/**
 * Map fields to columns from one row of header texts (see the file comment for the rules).
 * `named` fields take the column whose header equals the given text (compared the same way)
 * before any word is tried, and only that column. Returns only the fields that were found.
 */
export function matchHeaders<F extends string>(
  headers: readonly string[],
  words: HeaderWords<F>,
  named: Partial<Record<F, string>> = {},
): Partial<Record<F, number>> {
  const exact = headers.map(normalizeHeader);
  const loose = exact.map(withoutUnit);
  const used = new Set<number>();
  const mapping: Partial<Record<F, number>> = {};
  const fields = Object.keys(words) as F[];
  for (const field of Object.keys(named) as F[]) {
    const column = firstColumn(exact, [normalizeHeader(named[field]!)], used);
    if (column < 0) continue;
    mapping[field] = column;
    used.add(column);
  }
  for (const forms of [exact, loose]) {
    for (const field of fields) {
      if (mapping[field] !== undefined || named[field] !== undefined) continue;
      const column = firstColumn(forms, words[field], used);
      if (column < 0) continue;
      mapping[field] = column;
      used.add(column);
    }
  }
  return mapping;
}

/**
 * The column chosen for each mapped field, with the other columns whose header carries one of
 * the field's words (exactly or without its unit) — the choices a user may want instead.
 *
 * Example: headers `Client | Amount | Total` → amount: column 1, candidates [column 2 "Total"].
 */
export function columnChoices<F extends string>(headers: readonly string[], words: HeaderWords<F>, mapping: Partial<Record<F, number>>): ColumnChoice[] {
  const exact = headers.map(normalizeHeader);
  const loose = exact.map(withoutUnit);
  const choices: ColumnChoice[] = [];
  for (const field of Object.keys(words) as F[]) {
    const column = mapping[field];
    if (column === undefined) continue;
    const fieldWords = new Set(words[field]);
    const candidates = headers.flatMap((header, c) =>
      c !== column && (fieldWords.has(exact[c]!) || fieldWords.has(loose[c]!)) ? [{ column: c, header: header.trim() }] : [],
    );
    choices.push({ field, column, header: (headers[column] ?? '').trim(), candidates });
  }
  return choices;
}
function firstColumn(forms: readonly string[], fieldWords: readonly string[], used: ReadonlySet<number>): number {
  for (const word of fieldWords) {
    for (let column = 0; column < forms.length; column++) {
      if (!used.has(column) && forms[column] === word) return column;
    }
  }
  return -1;
}
