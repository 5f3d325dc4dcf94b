/**
 * The example sales as a 1C report export ("Продажи по контрагентам"): the messy grid a reader must
 * cope with, and the exact list of rows it must reject.
 *
 * Layout (sheet rows, 1-based):
 * 1. `Отчет "Продажи по контрагентам"`  2. `Период: 01.11.2023 - 31.10.2026`  3. empty
 * 4. headers: Контрагент, Дата, Документ, Номенклатура, Группа товаров, Количество, Цена, Сумма,
 *    Прибыль, Менеджер, Регион
 * 5… one block per client (clients in code-point order of their names, lines by date), each closed
 *    by an `Итого по клиенту` row with the block's quantity, amount and profit; an all-empty row after
 *    every 4th block; three deliberately broken rows after the middle block (a copy of a line with the
 *    date `31.02.2025`, one with no client, one with the amount `н/д`); an empty row and the grand
 *    `Итого` at the end.
 * All cells are text: dates `dd.mm.yyyy`; money `12 345,67 руб.` and quantities `1 250` / `0,25`,
 * grouped with a no-break space in even blocks and a plain space in odd ones; the client name has a
 * trailing space in every 7th block (readers trim it).
 *
 * `junk` lists every row below the header that is not a sales line: blank, subtotal, and the three
 * broken rows (bad-date, no-client, bad-amount), so a reader test can check exactly these are rejected
 * and every other row is accepted as the line it came from. Title rows are above the header and so
 * are not data rows.
 *
 * Example: a client with two lines gives rows like
 * `ООО "Альфа" | 05.03.2026 | РТ-00000012 | … | 10 | 620,00 руб. | 6 200,00 руб. | …` twice, then
 * `Итого по клиенту | | | | | 20 | | 12 400,00 руб. | 1 488,00 руб. | |`.
 */
import { ymdFromDay } from '../core/basics/calendar.js';
import type { Day, RejectedRow } from '../core/read/types.js';
import type { DistributorData, GeneratedSale } from './example-types.js';

export interface Messy1cExport {
  /** Row-major text cells; row 0 is sheet row 1. */
  grid: string[][];
  /** 0-based index of the header row (3: sheet row 4). */
  headerRow: number;
  /** Rows below the header that a reader must reject, with the reason it must give. */
  junk: RejectedRow[];
}

export const MESSY_1C_HEADERS: readonly string[] = [
  'Контрагент', 'Дата', 'Документ', 'Номенклатура', 'Группа товаров', 'Количество', 'Цена', 'Сумма',
  'Прибыль', 'Менеджер', 'Регион',
];

const NBSP = '\u00a0';
const BLANK_EVERY = 4;
const TRAILING_SPACE_EVERY = 7;
const BROKEN_DATE = '31.02.2025';
const BROKEN_AMOUNT = 'н/д';

export function toMessy1cGrid(data: DistributorData): Messy1cExport {
  const dates = new Map<Day, string>();
  const dateText = (day: Day): string => {
    let text = dates.get(day);
    if (text === undefined) dates.set(day, (text = dmy(day)));
    return text;
  };
  const grid: string[][] = [
    ['Отчет "Продажи по контрагентам"'],
    [`Период: ${dateText(data.startDay)} - ${dateText(data.endDay)}`],
    [''],
    [...MESSY_1C_HEADERS],
  ];
  const junk: RejectedRow[] = [];
  const addJunk = (row: string[], reason: RejectedRow['reason']): void => {
    grid.push(row);
    junk.push({ row: grid.length, reason });
  };
  const blocks = linesByClient(data.sales);
  const middle = Math.floor(blocks.length / 2);
  const total = { quantity: 0, amount: 0, profit: 0 };
  blocks.forEach(([client, lines], b) => {
    const sep = b % 2 === 0 ? NBSP : ' ';
    const name = b % TRAILING_SPACE_EVERY === TRAILING_SPACE_EVERY - 1 ? `${client} ` : client;
    const sub = { quantity: 0, amount: 0, profit: 0 };
    for (const line of lines) {
      grid.push(lineRow(line, name, dateText(line.day), sep));
      sub.quantity += line.quantity;
      sub.amount += line.amount;
      sub.profit += line.profit;
    }
    addJunk(totalRow('Итого по клиенту', sub, sep), 'subtotal');
    total.quantity += sub.quantity;
    total.amount += sub.amount;
    total.profit += sub.profit;
    if (b === middle) addBrokenRows(lineRow(lines[0], name, dateText(lines[0].day), sep), addJunk);
    if (b % BLANK_EVERY === BLANK_EVERY - 1) addJunk(blankRow(), 'blank');
  });
  addJunk(blankRow(), 'blank');
  addJunk(totalRow('Итого', total, NBSP), 'subtotal');
  return { grid, headerRow: 3, junk };
}

/** A copy of a real line with an impossible date, one without a client, one with no readable amount. */
function addBrokenRows(sample: string[], add: (row: string[], reason: RejectedRow['reason']) => void): void {
  const badDate = [...sample];
  badDate[1] = BROKEN_DATE;
  add(badDate, 'bad-date');
  const noClient = [...sample];
  noClient[0] = '';
  add(noClient, 'no-client');
  const badAmount = [...sample];
  badAmount[5] = '';
  badAmount[6] = '';
  badAmount[7] = BROKEN_AMOUNT;
  add(badAmount, 'bad-amount');
}

/** Client blocks in code-point order of the name, each with its lines in date order. */
function linesByClient(sales: readonly GeneratedSale[]): [string, GeneratedSale[]][] {
  const blocks = new Map<string, GeneratedSale[]>();
  for (const line of sales) {
    const block = blocks.get(line.client);
    if (block) block.push(line);
    else blocks.set(line.client, [line]);
  }
  return [...blocks].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function lineRow(line: GeneratedSale, client: string, date: string, sep: string): string[] {
  return [
    client, date, line.document, line.product, line.group, quantityText(line.quantity, sep), moneyText(line.price, sep),
    moneyText(line.amount, sep), moneyText(line.profit, sep), line.manager, line.region,
  ];
}

function totalRow(label: string, sums: { quantity: number; amount: number; profit: number }, sep: string): string[] {
  return [label, '', '', '', '', quantityText(sums.quantity, sep), '', moneyText(sums.amount, sep), moneyText(sums.profit, sep), '', ''];
}

function blankRow(): string[] {
  return MESSY_1C_HEADERS.map(() => '');
}

/** `dd.mm.yyyy`. */
function dmy(day: Day): string {
  const { year, month, day: d } = ymdFromDay(day);
  return `${String(d).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

/** Kopecks as `-12 345,67 руб.`, thousands grouped with `sep`. */
export function moneyText(kopecks: number, sep: string): string {
  const sign = kopecks < 0 ? '-' : '';
  const abs = Math.abs(kopecks);
  return `${sign}${groupThousands(Math.floor(abs / 100), sep)},${String(abs % 100).padStart(2, '0')} руб.`;
}

/** Thousandths as `1 250`, `0,25` or `-3`: decimal comma, no trailing zeros, thousands grouped with `sep`. */
export function quantityText(thousandths: number, sep: string): string {
  const sign = thousandths < 0 ? '-' : '';
  const abs = Math.abs(thousandths);
  const fraction = String(abs % 1000).padStart(3, '0').replace(/0+$/, '');
  return `${sign}${groupThousands(Math.floor(abs / 1000), sep)}${fraction ? `,${fraction}` : ''}`;
}

function groupThousands(whole: number, sep: string): string {
  const digits = String(whole);
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
    out += digits[i];
  }
  return out;
}
