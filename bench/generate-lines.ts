/**
 * The benchmark's inputs, made once and kept in the system's temporary folder (the same seed
 * always gives the same bytes):
 * - `salesCsv(lines)`: a UTF-8 sales CSV in the shape the pandas peer reads — Client, Date,
 *   Document, Product, Category, Quantity, Amount, Profit, Manager, Region — with 16,500 clients
 *   (Russian company names, a few buying much more than most), three years of days in order,
 *   documents of one to five lines, 300 products in 20 categories, 8 managers and 10 regions;
 * - `salesXlsx(rows)`: the same lines as one sheet of an .xlsx workbook (dates as date cells),
 *   written by the project's streaming writer — 1,048,575 lines under the header is Excel's
 *   largest sheet.
 * Written in blocks, so even 3 million lines (about 550 MB) take little memory to make.
 */
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dateOfDay, dayFromYmd, formatDay, type Cell } from '../core/index.js';
import { workbookXlsxBytes } from '../xlsx/write-xlsx.js';
import { random } from './random.js';

const FOLDER = join(tmpdir(), 'winback-bench-v1');
const CLIENTS = 16_500;
const FIRST_DAY = dayFromYmd(2023, 11, 1);
const DAYS = 3 * 365;
const HEADER = ['Client', 'Date', 'Document', 'Product', 'Category', 'Quantity', 'Amount', 'Profit', 'Manager', 'Region'];

const FORMS = ['ООО', 'АО', 'ИП', 'ПАО', 'ЗАО'];
const WORDS = ['Строй', 'Техно', 'Альфа', 'Вектор', 'Сибирь', 'Урал', 'Монолит', 'Гранит', 'Север', 'Юг', 'Базис', 'Профиль', 'Лидер', 'Кровля', 'Фасад'];
const MANAGERS = ['Иванова А.', 'Петров С.', 'Сидорова Е.', 'Кузнецов Д.', 'Смирнова О.', 'Попов И.', 'Васильева Н.', 'Морозов К.'];
const REGIONS = ['Москва', 'Санкт-Петербург', 'Екатеринбург', 'Новосибирск', 'Казань', 'Ростов-на-Дону', 'Самара', 'Омск', 'Пермь', 'Воронеж'];
const CATEGORIES = ['Сухие смеси', 'Металлопрокат', 'Кровля', 'Утеплитель', 'Крепёж', 'Цемент', 'Гипсокартон', 'Лакокраска', 'Сантехника', 'Электрика',
  'Инструмент', 'Пиломатериалы', 'Плитка', 'Двери', 'Окна', 'Фасад', 'Изоляция', 'Трубы', 'Клей', 'Грунтовка'];

interface Line {
  client: string;
  day: number;
  document: string;
  product: string;
  category: string;
  quantity: number;
  amount: number;
  profit: number;
  manager: string;
  region: string;
}

/** The lines, in day order, made as they are asked for. */
function* lines(count: number): Generator<Line> {
  const next = random(20_261_031);
  const clients = Array.from({ length: CLIENTS }, (_, i) => `${FORMS[i % FORMS.length]} "${WORDS[i % WORDS.length]}${WORDS[(i * 7) % WORDS.length]}-${i + 1}"`);
  const products = Array.from({ length: 300 }, (_, i) => ({ name: `${CATEGORIES[i % 20]} ${WORDS[i % 15]} ${100 + i}, шт`, category: CATEGORIES[i % 20]!, price: 50 + ((i * 37) % 2000) }));
  let document = 0;
  for (let made = 0; made < count; ) {
    const day = FIRST_DAY + Math.floor((made / count) * DAYS);
    // A few clients buy much more often than most (the value of B2B clients is skewed).
    const client = Math.floor(CLIENTS * next() ** 2.2);
    const size = 1 + Math.floor(next() * 5);
    document++;
    for (let k = 0; k < size && made < count; k++, made++) {
      const product = products[Math.floor(next() * products.length)]!;
      const quantity = 1 + Math.floor(next() * 40);
      const amount = Math.round(quantity * product.price * (0.9 + next() * 0.2) * 100) / 100;
      yield {
        client: clients[client]!,
        day,
        document: `РТ-${String(document).padStart(8, '0')}`,
        product: product.name,
        category: product.category,
        quantity,
        amount: next() < 0.01 ? -amount : amount,
        profit: Math.round(amount * (0.05 + next() * 0.2) * 100) / 100,
        manager: MANAGERS[client % MANAGERS.length]!,
        region: REGIONS[client % REGIONS.length]!,
      };
    }
  }
}

const quoted = (text: string) => (/[",]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** The path of a CSV of `count` lines (made on first use). */
export function salesCsv(count: number): string {
  mkdirSync(FOLDER, { recursive: true });
  const path = join(FOLDER, `sales-${count}.csv`);
  if (existsSync(path)) return path;
  const temp = `${path}.part`;
  const fd = openSync(temp, 'w');
  let block: string[] = [HEADER.join(',')];
  for (const l of lines(count)) {
    block.push(
      `${quoted(l.client)},${formatDay(l.day)},${l.document},${quoted(l.product)},${l.category},${l.quantity},${l.amount.toFixed(2)},${l.profit.toFixed(2)},${l.manager},${l.region}`,
    );
    if (block.length >= 50_000) {
      writeSync(fd, block.join('\n') + '\n');
      block = [];
    }
  }
  writeSync(fd, block.join('\n') + '\n');
  closeSync(fd);
  renameSync(temp, path);
  return path;
}

/** The path of an .xlsx with one sheet Sales of `count` lines under the header (made on first use). */
export function salesXlsx(count: number): string {
  mkdirSync(FOLDER, { recursive: true });
  const path = join(FOLDER, `sales-${count}.xlsx`);
  if (existsSync(path)) return path;
  function* rows(): Generator<Cell[]> {
    yield HEADER;
    for (const l of lines(count)) yield [l.client, dateOfDay(l.day), l.document, l.product, l.category, l.quantity, l.amount, l.profit, l.manager, l.region];
  }
  writeFileSync(`${path}.part`, workbookXlsxBytes([{ cells: { name: 'Sales', rows: rows() } }]));
  renameSync(`${path}.part`, path);
  return path;
}

/** Online Retail in the peer's shape (Client = CustomerID, Date = InvoiceDate, Amount = Quantity × UnitPrice). */
export function peerShapeOfOnlineRetail(text: string): string {
  mkdirSync(FOLDER, { recursive: true });
  const path = join(FOLDER, 'online-retail-peer.csv');
  if (existsSync(path)) return path;
  const out = ['Client,Date,Amount'];
  for (const line of text.split('\n').slice(1)) {
    if (!line) continue;
    const f = [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, ''));
    out.push(`${f[6]},${f[4]},${(Number(f[3]) * Number(f[5])).toFixed(2)}`);
  }
  writeFileSync(path, out.join('\n') + '\n');
  return path;
}
