/**
 * Seeded simulations of the three count models for tests: clients whose first purchase falls
 * uniformly in the `horizon` days before the end, buying at a Gamma(r, α) rate per day while
 * alive. BG/NBD: they drop out after each repeat purchase with a Beta(a, b) probability; MBG/NBD:
 * also right at the first purchase; Pareto/NBD: they live an exponential time with a Gamma(s, β)
 * rate. Purchase times are rounded down to whole days and counted once per day, as SPEC §7 counts
 * purchase days; with `continuous` they are kept exact and every purchase counts, so the data
 * follow the model exactly (day counting merges a fast buyer's same-day purchases and biases α
 * up by two or three standard errors at 5,000 clients).
 *
 * Spend (Gamma-Gamma, Fader & Hardie 2013): each client's transaction values are Gamma(p, ν) with
 * ν ~ Gamma(q, γ); `simulateGammaGamma` gives the mean z̄ of its x repeat purchases (0 for x = 0),
 * drawn independently of the purchase process, as the model assumes.
 */
export interface SimulatedClients {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
}

/** Mulberry32: a small seeded uniform generator on [0, 1). */
export function seededUniform(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gamma(shape, 1) by Marsaglia & Tsang (with the shape < 1 boost). */
function gammaDraw(shape: number, uniform: () => number): number {
  if (shape < 1) return gammaDraw(shape + 1, uniform) * uniform() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const normal = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
    const v = (1 + c * normal) ** 3;
    if (v > 0 && Math.log(1 - uniform()) < 0.5 * normal * normal + d - d * v + d * Math.log(v)) return d * v;
  }
}

export function simulateBgnbd(
  params: { r: number; alpha: number; a: number; b: number },
  clients: number,
  horizon: number,
  seed: number,
  continuous = false,
): SimulatedClients {
  return simulateNbd(params, clients, horizon, seed, false, continuous);
}

export function simulateMbgnbd(
  params: { r: number; alpha: number; a: number; b: number },
  clients: number,
  horizon: number,
  seed: number,
  continuous = false,
): SimulatedClients {
  return simulateNbd(params, clients, horizon, seed, true, continuous);
}

function simulateNbd(
  params: { r: number; alpha: number; a: number; b: number },
  clients: number,
  horizon: number,
  seed: number,
  dropAtFirst: boolean,
  continuous: boolean,
): SimulatedClients {
  const uniform = seededUniform(seed);
  const out: SimulatedClients = { x: new Float64Array(clients), tx: new Float64Array(clients), T: new Float64Array(clients) };
  for (let i = 0; i < clients; i++) {
    const rate = gammaDraw(params.r, uniform) / params.alpha;
    const p = ((g) => g / (g + gammaDraw(params.b, uniform)))(gammaDraw(params.a, uniform));
    const age = continuous ? uniform() * horizon : Math.floor(uniform() * horizon);
    let clock = 0;
    let lastDay = 0;
    let repeatDays = 0;
    const leavesAtFirst = dropAtFirst && uniform() < p;
    while (!leavesAtFirst) {
      clock += -Math.log(1 - uniform()) / rate;
      if (clock > age) break;
      const day = continuous ? clock : Math.floor(clock);
      if (day > lastDay) {
        repeatDays++;
        lastDay = day;
      }
      if (uniform() < p) break;
    }
    out.x[i] = repeatDays;
    out.tx[i] = lastDay;
    out.T[i] = age;
  }
  return out;
}

export function simulateParetoNbd(
  params: { r: number; alpha: number; s: number; beta: number },
  clients: number,
  horizon: number,
  seed: number,
  continuous = false,
): SimulatedClients {
  const uniform = seededUniform(seed);
  const out: SimulatedClients = { x: new Float64Array(clients), tx: new Float64Array(clients), T: new Float64Array(clients) };
  for (let i = 0; i < clients; i++) {
    const rate = gammaDraw(params.r, uniform) / params.alpha;
    const dropout = gammaDraw(params.s, uniform) / params.beta;
    const age = continuous ? uniform() * horizon : Math.floor(uniform() * horizon);
    const end = Math.min(age, -Math.log(1 - uniform()) / dropout);
    let clock = 0;
    let lastDay = 0;
    let repeatDays = 0;
    for (;;) {
      clock += -Math.log(1 - uniform()) / rate;
      if (clock > end) break;
      const day = continuous ? clock : Math.floor(clock);
      if (day > lastDay) {
        repeatDays++;
        lastDay = day;
      }
    }
    out.x[i] = repeatDays;
    out.tx[i] = lastDay;
    out.T[i] = age;
  }
  return out;
}

/** Each client's mean value z̄ of its x[i] repeat purchases under Gamma-Gamma (p, q, γ); 0 when x[i] = 0. */
export function simulateGammaGamma(params: { p: number; q: number; gamma: number }, x: ArrayLike<number>, seed: number): Float64Array {
  const uniform = seededUniform(seed);
  return Float64Array.from({ length: x.length }, (_, i) => {
    if (x[i] === 0) return 0;
    const nu = gammaDraw(params.q, uniform) / params.gamma;
    // The sum of x Gamma(p, ν) values is Gamma(px, ν).
    return gammaDraw(params.p * x[i], uniform) / nu / x[i];
  });
}
