/**
 * The example company's clients: 22 named showcase clients whose stories the README tells (every
 * status and signal of SPEC §6 and the edge cases), then any probe clients a test asks for (names
 * of its choosing, e.g. hostile text, each with a few ordinary sales), then generated background
 * clients with a realistic mix of scenarios and Pareto-distributed order sizes (a few big clients
 * give most of the revenue, as in real B2B).
 *
 * Example: `buildClients(rng, 600)` → the 22 showcase clients first, then 578 background clients
 * named like `ООО "СтройМаркет"`, `АО «УралСнаб»`, `ИП Петров С.И.` or `Baltic Build LLC`.
 */
import {
  INDUSTRIES, INDUSTRY_NAMES, INDUSTRY_WEIGHTS, INITIALS, LATIN_FORMS, LATIN_PREFIXES, LATIN_SUFFIXES,
  MANAGERS, MANAGER_WEIGHTS, NAME_PREFIXES, NAME_SUFFIXES, PRODUCTS, REGIONS, REGION_WEIGHTS, SURNAMES,
} from './catalog.js';
import type { ClientProfile, Scenario } from './example-types.js';
import type { SeededRandom } from './random.js';

/** A client with what the generator needs to plan its purchases. */
export interface ClientSpec extends ClientProfile {
  /** Typical value of one purchase day, in kopecks. */
  orderValue: number;
  /** Typical days between purchase days. */
  cadence: number;
  /** Indices into PRODUCTS of what this client buys, in its own order. */
  favorites: number[];
  /** Price discount from the list price, 0.05 = 5 %. */
  discount: number;
  /** Showcase knob: days from the scenario's key day to the end — the last purchase; for a new client the
   *  first purchase, for a returning client its return. */
  lastAgo?: number;
  /** Days without a purchase before a returning client comes back. */
  silence?: number;
  /** The last purchase is on the end day itself (so asOf is the end day). */
  pinnedToEnd?: boolean;
  /** A new client with a single purchase. */
  singlePurchase?: boolean;
}

interface Showcase {
  name: string;
  scenario: Scenario;
  rubles: number;
  cadence: number;
  manager: string;
  region: string;
  industry: string;
  lastAgo?: number;
  silence?: number;
  pinnedToEnd?: boolean;
  singlePurchase?: boolean;
}

/** The named clients, in the order they are generated. */
export const SHOWCASE: readonly Showcase[] = [
  { name: 'ООО "СтройМаркет"', scenario: 'regular', rubles: 450_000, cadence: 7, manager: 'Иванова А.', region: 'Москва', industry: 'Торговля', pinnedToEnd: true },
  { name: 'АО "Техснаб"', scenario: 'regular', rubles: 900_000, cadence: 30, manager: 'Петров С.', region: 'Санкт-Петербург', industry: 'Производство' },
  { name: 'ИП Петров С.И.', scenario: 'regular', rubles: 15_000, cadence: 30, manager: 'Смирнова Е.', region: 'Казань', industry: 'Ремонт и отделка' },
  { name: 'Baltic Build LLC', scenario: 'regular', rubles: 60_000, cadence: 14, manager: 'Соколов И.', region: 'Санкт-Петербург', industry: 'Строительство' },
  { name: 'ООО "ГрадСтрой"', scenario: 'growing', rubles: 200_000, cadence: 14, manager: 'Кузнецов Д.', region: 'Екатеринбург', industry: 'Строительство' },
  { name: 'Interstroy Group Ltd', scenario: 'growing', rubles: 90_000, cadence: 30, manager: 'Петров С.', region: 'Москва', industry: 'Строительство' },
  { name: 'ООО "Кровля-Юг"', scenario: 'seasonal', rubles: 120_000, cadence: 7, manager: 'Волкова М.', region: 'Краснодар', industry: 'Кровельные работы' },
  { name: 'ИП Сидоренко А.В.', scenario: 'seasonal', rubles: 20_000, cadence: 14, manager: 'Морозова Т.', region: 'Ростов-на-Дону', industry: 'Кровельные работы' },
  { name: 'ООО "МегаСтрой"', scenario: 'lost', rubles: 600_000, cadence: 14, manager: 'Иванова А.', region: 'Москва', industry: 'Строительство', lastAgo: 240 },
  { name: 'ООО "Ремонт-Сервис"', scenario: 'lost', rubles: 12_000, cadence: 30, manager: 'Новиков П.', region: 'Самара', industry: 'Ремонт и отделка', lastAgo: 500 },
  { name: 'ООО «ТехноПром»', scenario: 'at-risk', rubles: 150_000, cadence: 21, manager: 'Кузнецов Д.', region: 'Екатеринбург', industry: 'Производство' },
  { name: 'АО "Уралстройкомплект"', scenario: 'at-risk', rubles: 80_000, cadence: 30, manager: 'Смирнова Е.', region: 'Пермь', industry: 'Строительство' },
  { name: 'ООО "Альфа-Бетон"', scenario: 'volume-drop', rubles: 180_000, cadence: 14, manager: 'Петров С.', region: 'Москва', industry: 'Строительство' },
  { name: 'ООО "ВолгаСтройДеталь"', scenario: 'returning', rubles: 90_000, cadence: 30, manager: 'Волкова М.', region: 'Нижний Новгород', industry: 'Строительство', lastAgo: 130, silence: 630 },
  { name: 'ООО "НовоСтрой Инвест"', scenario: 'new', rubles: 70_000, cadence: 10, manager: 'Соколов И.', region: 'Новосибирск', industry: 'Строительство', lastAgo: 75 },
  { name: 'ИП Ким Д.А.', scenario: 'new', rubles: 25_000, cadence: 30, manager: 'Морозова Т.', region: 'Новосибирск', industry: 'Ремонт и отделка', lastAgo: 40, singlePurchase: true },
  { name: 'ООО "Дачный Мир"', scenario: 'one-off', rubles: 40_000, cadence: 30, manager: 'Новиков П.', region: 'Воронеж', industry: 'Торговля', lastAgo: 420 },
  { name: 'ООО "Проектное бюро Контур"', scenario: 'requests-without-orders', rubles: 60_000, cadence: 30, manager: 'Иванова А.', region: 'Москва', industry: 'Строительство', lastAgo: 95 },
  { name: 'ООО "СибМонтаж"', scenario: 'unresponsive', rubles: 45_000, cadence: 30, manager: 'Кузнецов Д.', region: 'Новосибирск', industry: 'Строительство', lastAgo: 120 },
  { name: 'АО "Казаньстрой"', scenario: 'complaint', rubles: 130_000, cadence: 14, manager: 'Смирнова Е.', region: 'Казань', industry: 'Строительство', lastAgo: 50 },
  { name: 'ООО "Фасад-Про"', scenario: 'full-return', rubles: 85_000, cadence: 30, manager: 'Волкова М.', region: 'Уфа', industry: 'Ремонт и отделка', lastAgo: 150 },
  { name: 'ООО "Старый Склад"', scenario: 'returns-only', rubles: 30_000, cadence: 30, manager: 'Новиков П.', region: 'Самара', industry: 'Торговля' },
];

/** Share of background clients per scenario (the rest of the scenarios are showcase-only). */
const BACKGROUND_SCENARIOS: readonly Scenario[] = [
  'regular', 'growing', 'seasonal', 'lost', 'at-risk', 'volume-drop', 'returning', 'new', 'one-off',
  'requests-without-orders', 'unresponsive', 'complaint',
];
const BACKGROUND_WEIGHTS: readonly number[] = [45, 7, 8, 12, 6, 3, 3, 5, 8, 1, 1, 1];

/** Cadences each scenario is planned with; the status guarantees in purchase-plans.ts rely on them. */
const CADENCES: Partial<Record<Scenario, readonly number[]>> = {
  'seasonal': [7, 14],
  'at-risk': [14, 21, 30],
  'volume-drop': [14, 30],
  'returning': [14, 30],
  'requests-without-orders': [21, 30],
  'unresponsive': [30],
  'complaint': [14, 21],
  'new': [7, 10, 14, 21],
};
const GENERAL_CADENCES: readonly number[] = [7, 14, 30, 45, 60];
const GENERAL_CADENCE_WEIGHTS: readonly number[] = [8, 22, 40, 18, 12];

/** Smallest typical purchase-day value of a volume-drop client, so its small orders stay small. */
const VOLUME_DROP_MIN_KOPECKS = 6_000_000;
/** Pareto order sizes: minimum 8,000 ₽, shape 1.2, capped at 2.5 M ₽. */
const PARETO_MIN_RUBLES = 8_000;
const PARETO_SHAPE = 1.2;
const PARETO_CAP_RUBLES = 2_500_000;

/** The showcase clients, then a probe client per name in `probes`, then background clients up to `count`. */
export function buildClients(rng: SeededRandom, count: number, probes: readonly string[] = []): ClientSpec[] {
  const taken = new Set<string>([...SHOWCASE.map((s) => s.name), ...probes]);
  const clients = SHOWCASE.map((s) => showcaseSpec(rng, s));
  for (const name of probes) clients.push(showcaseSpec(rng, { ...PROBE, name }));
  while (clients.length < count) clients.push(backgroundSpec(rng, uniqueName(rng, taken)));
  return clients;
}

/** What a probe client is, whatever its name: a small regular buyer with a few recent purchases. */
const PROBE: Showcase = { name: '', scenario: 'probe', rubles: 20_000, cadence: 30, manager: 'Морозова Т.', region: 'Москва', industry: 'Торговля' };

function showcaseSpec(rng: SeededRandom, s: Showcase): ClientSpec {
  const orderValue = s.rubles * 100;
  return {
    name: s.name,
    scenario: s.scenario,
    showcase: true,
    manager: s.manager,
    region: s.region,
    industry: s.industry,
    orderValue,
    cadence: s.cadence,
    favorites: favoriteProducts(rng, s.industry, orderValue),
    discount: discountFor(orderValue),
    ...(s.lastAgo === undefined ? {} : { lastAgo: s.lastAgo }),
    ...(s.silence === undefined ? {} : { silence: s.silence }),
    ...(s.pinnedToEnd ? { pinnedToEnd: true } : {}),
    ...(s.singlePurchase ? { singlePurchase: true } : {}),
  };
}

function backgroundSpec(rng: SeededRandom, name: string): ClientSpec {
  const scenario = rng.weighted(BACKGROUND_SCENARIOS, BACKGROUND_WEIGHTS);
  const industry = rng.weighted(INDUSTRY_NAMES, INDUSTRY_WEIGHTS);
  const paretoRubles = Math.min(PARETO_CAP_RUBLES, PARETO_MIN_RUBLES * Math.pow(1 - rng.next(), -1 / PARETO_SHAPE));
  let orderValue = Math.round(paretoRubles) * 100;
  if (scenario === 'volume-drop') orderValue = Math.max(orderValue, VOLUME_DROP_MIN_KOPECKS);
  const cadences = CADENCES[scenario];
  const cadence = cadences ? rng.pick(cadences) : rng.weighted(GENERAL_CADENCES, GENERAL_CADENCE_WEIGHTS);
  return {
    name,
    scenario,
    showcase: false,
    manager: rng.weighted(MANAGERS, MANAGER_WEIGHTS),
    region: rng.weighted(REGIONS, REGION_WEIGHTS),
    industry,
    orderValue,
    cadence,
    favorites: favoriteProducts(rng, industry, orderValue),
    discount: discountFor(orderValue),
    ...(scenario === 'new' && rng.chance(0.25) ? { singlePurchase: true } : {}),
  };
}

/** Mostly products of the industry's groups, a few others; bigger clients buy a wider range. */
function favoriteProducts(rng: SeededRandom, industry: string, orderValue: number): number[] {
  const groups = INDUSTRIES[industry] ?? [];
  const core: number[] = [];
  const other: number[] = [];
  PRODUCTS.forEach((p, i) => (groups.includes(p.group) ? core : other).push(i));
  const breadth = Math.min(core.length, 5 + Math.round(Math.log10(orderValue / 100 / PARETO_MIN_RUBLES + 1) * 4) + rng.int(0, 3));
  return rng.shuffled([...rng.shuffled(core).slice(0, breadth), ...rng.shuffled(other).slice(0, rng.int(1, 3))]);
}

/** Big clients get better prices: 0 % up to 10,000 ₽ a purchase, +2 % per tenfold, at most 8 %. */
function discountFor(orderValue: number): number {
  const rubles = orderValue / 100;
  return rubles <= 10_000 ? 0 : Math.min(0.08, 0.02 * Math.log10(rubles / 10_000));
}

const NAME_ATTEMPTS = 8;

/** A client name not used yet; after a few collisions a number is added (`ООО "СтройМаркет-3"`). */
function uniqueName(rng: SeededRandom, taken: Set<string>): string {
  for (let attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
    const name = randomName(rng);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  const base = randomCompany(rng);
  for (let n = 2; ; n++) {
    const name = quoteCompany(rng, 'ООО', `${base}-${n}`);
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

function randomName(rng: SeededRandom): string {
  const kind = rng.weighted(['ООО', 'АО', 'ПАО', 'ИП', 'latin'], [60, 8, 2, 25, 5]);
  if (kind === 'ИП') return `ИП ${rng.pick(SURNAMES)} ${rng.pick(INITIALS)}.${rng.pick(INITIALS)}.`;
  if (kind === 'latin') return `${rng.pick(LATIN_PREFIXES)} ${rng.pick(LATIN_SUFFIXES)} ${rng.pick(LATIN_FORMS)}`;
  return quoteCompany(rng, kind, randomCompany(rng));
}

function randomCompany(rng: SeededRandom): string {
  const prefix = rng.pick(NAME_PREFIXES);
  const drawn = rng.pick(NAME_SUFFIXES);
  const suffix = drawn === prefix ? 'Инвест' : drawn;
  return rng.chance(0.2) ? `${prefix}-${suffix}` : `${prefix}${suffix}`;
}

/** `ООО "Name"` mostly, `ООО «Name»` sometimes, as in real 1C catalogues. */
function quoteCompany(rng: SeededRandom, form: string, name: string): string {
  return rng.chance(0.2) ? `${form} «${name}»` : `${form} "${name}"`;
}
