/**
 * A large example workbook made in the page, for trying (and testing) the panel on a big sheet
 * without a big file: the seeded example company (examples/distributor.ts) with about `lines`
 * sales lines on one Sales sheet — English headers, date cells, number cells — plus its Requests,
 * Contacts and Complaints sheets. The same seed always gives the same workbook.
 *
 * Example: `generatedWorkbook(200_000)` → sheets Sales (≈ 200,001 rows with the header), Requests,
 * Contacts, Complaints; the last sale is dated 2026-10-31.
 */
import { dateOfDay, dayFromYmd, type Cell, type Day } from '../core/index.js';
import { generateDistributor } from '../examples/distributor.js';

const SEED = 2026;
const END_DAY = dayFromYmd(2026, 10, 31);
/** About this many sales lines per client, as in the bundled example. */
const LINES_PER_CLIENT = 60;

const SALES_HEADERS = ['Client', 'Date', 'Document', 'Product', 'Category', 'Quantity', 'Price', 'Amount', 'Profit', 'Manager', 'Region', 'Industry'];

export function generatedWorkbook(lines: number): { name: string; grid: Cell[][] }[] {
  const data = generateDistributor({
    seed: SEED,
    clients: Math.max(25, Math.round(lines / LINES_PER_CLIENT)),
    years: 3,
    endDay: END_DAY,
    linesTarget: lines,
  });
  const date = (day: Day) => dateOfDay(day);
  const sales: Cell[][] = [SALES_HEADERS];
  for (const s of data.sales) {
    sales.push([s.client, date(s.day), s.document, s.product, s.group, s.quantity / 1000, s.price / 100, s.amount / 100, s.profit / 100, s.manager, s.region, s.industry]);
  }
  return [
    { name: 'Sales', grid: sales },
    { name: 'Requests', grid: [['Client', 'Date', 'Manager'], ...data.requests.map((r) => [r.client, date(r.day), r.manager])] },
    { name: 'Contacts', grid: [['Client', 'Date', 'Answered'], ...data.contacts.map((c) => [c.client, date(c.day), c.answered ? 'yes' : 'no'])] },
    { name: 'Complaints', grid: [['Client', 'Date', 'Text'], ...data.complaints.map((c) => [c.client, date(c.day), c.text])] },
  ];
}
