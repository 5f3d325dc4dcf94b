import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digamma, gammaSign, hyp2f1, logBeta, logGamma } from '../../core/model/special.js';

const EULER_GAMMA = 0.5772156649015329;

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

describe('logGamma', () => {
  it('matches known values', () => {
    expectRelative(logGamma(0.5), 0.5723649429247001, 1e-14); // ln √π
    expectRelative(logGamma(10), Math.log(362880), 1e-14);
    expectRelative(logGamma(100), 359.1342053695754, 1e-14); // mpmath 1.3.0
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-15);
    expectRelative(logGamma(1e-8), -Math.log(1e-8) - EULER_GAMMA * 1e-8, 1e-14);
  });

  it('reflects below 1/2 and reports the sign of Γ', () => {
    expectRelative(logGamma(-0.5), Math.log(2 * Math.sqrt(Math.PI)), 1e-14); // Γ(−1/2) = −2√π
    expect(gammaSign(-0.5)).toBe(-1);
    expectRelative(logGamma(-2.5), -0.05624371649767405, 1e-13); // Γ(−5/2) = −8√π/15
    expect(gammaSign(-2.5)).toBe(-1);
    expect(gammaSign(-1.5)).toBe(1);
    expect(gammaSign(3)).toBe(1);
  });

  it('is +∞ at the poles and NaN for NaN', () => {
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-3)).toBe(Infinity);
    expect(gammaSign(-3)).toBeNaN();
    expect(logGamma(NaN)).toBeNaN();
  });

  it('satisfies lnΓ(x + 1) = lnΓ(x) + ln x', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e4, noNaN: true }), (x) => {
        expectRelative(logGamma(x + 1), logGamma(x) + Math.log(x), 1e-12);
      }),
    );
  });
});

describe('digamma', () => {
  it('matches known values', () => {
    expectRelative(digamma(1), -EULER_GAMMA, 1e-14);
    expectRelative(digamma(0.5), -EULER_GAMMA - 2 * Math.LN2, 1e-14);
    expectRelative(digamma(-0.5), 0.03648997397857652, 1e-13); // mpmath 1.3.0
    expect(digamma(0)).toBeNaN();
  });

  it('satisfies ψ(x + 1) = ψ(x) + 1/x', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e4, noNaN: true }), (x) => {
        expectRelative(digamma(x + 1), digamma(x) + 1 / x, 1e-12);
      }),
    );
  });
});

describe('logBeta', () => {
  it('is ln B(a, b)', () => {
    expectRelative(logBeta(2, 3), Math.log(1 / 12), 1e-14);
    expectRelative(logBeta(0.5, 0.5), Math.log(Math.PI), 1e-14);
  });
});

describe('hyp2f1', () => {
  const logOverZ = (z: number) => -Math.log1p(-z) / z;

  it('2F1(1, 1; 2; z) = −ln(1 − z)/z on both sides of 0 and close to 1', () => {
    for (const z of [-50, -5, -0.5, 0.3, 0.5, 0.6, 0.9, 0.999, 1 - 1e-9]) {
      expectRelative(hyp2f1(1, 1, 2, z), logOverZ(z), 1e-12);
    }
  });

  it('2F1(a, b; b; z) = (1 − z)^−a', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 5, noNaN: true }),
        fc.double({ min: 0.1, max: 8, noNaN: true }),
        fc.double({ min: -10, max: 0.999, noNaN: true }),
        (a, b, z) => {
          expectRelative(hyp2f1(a, b, b, z), (1 - z) ** -a, 1e-10);
        },
      ),
    );
  });

  it('matches elementary closed forms', () => {
    for (const z of [0.2, 0.7, 0.95]) {
      expectRelative(hyp2f1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z, 1e-13);
      expectRelative(hyp2f1(1, 0.5, 1.5, -z * z), Math.atan(z) / z, 1e-13);
    }
    expectRelative(hyp2f1(-2, 3, 4, 0.9), 1 - (2 * 3 * 0.9) / 4 + (3 * 4 * 0.81) / (4 * 5), 1e-14);
    expectRelative(hyp2f1(-2, 3, 4, -7), 1 + (2 * 3 * 7) / 4 + (3 * 4 * 49) / (4 * 5), 1e-14);
  });

  it('stays right and quick with large parameters above z = 0.5 (a BG/NBD fit with a, b → ∞)', () => {
    // (1 − z)^(−a) when b = c, however large; the others summed term by term in Python (positive terms).
    expectRelative(hyp2f1(0.7, 1.4e7, 1.4e7, 0.9), 0.1 ** -0.7, 1e-12);
    expectRelative(hyp2f1(0.88, 1.4e7, 1.4e7 + 1.8e5 - 1, 0.97), (1 - (0.97 * 1.4e7) / (1.4e7 + 1.8e5 - 1)) ** -0.88, 1e-4);
    expectRelative(hyp2f1(1, 2, 300, 0.6), 1.0040241122653353, 1e-13);
    expectRelative(hyp2f1(0.3, 2.5, 250, 0.97), 1.0029359300256293, 1e-13);
  });

  it('uses Gauss’s sum at z = 1', () => {
    expectRelative(hyp2f1(1, 1, 3, 1), 2, 1e-13);
    expect(hyp2f1(1, 1, 2, 1)).toBeNaN();
  });

  it('matches mpmath where c − a − b is (nearly) whole, z is near 1, or parameters are negative', () => {
    // mpmath 1.3.0 hyp2f1 at 40 digits.
    const cases: [number, number, number, number, number][] = [
      [0.3, 0.7, 1.0 + 1e-9, 0.95, 1.7008562675632594],
      [0.3, 0.7, 1.0, 0.999999, 4.476599516555332],
      [2.5, -1.3, 4.2, 0.97, 0.34231222804674562],
      [1.7, 2.2, 0.6, -30, -0.00065324165310296708],
      [2.243, 4.426, 4.219, 0.999, 19296250.906926643],
      [5.5, 3.25, 2.75, 0.9, 1406201.551278033],
      [-0.4, 0.9, -1.5, 0.8, -7.189495359867981],
    ];
    for (const [a, b, c, z, expected] of cases) expectRelative(hyp2f1(a, b, c, z), expected, 1e-11);
  });

  it('is NaN outside its domain', () => {
    expect(hyp2f1(1, 1, 2, 1.5)).toBeNaN();
    expect(hyp2f1(1, 1, -2, 0.5)).toBeNaN();
    expect(hyp2f1(1, NaN, 2, 0.5)).toBeNaN();
    expect(hyp2f1(1, 1, 2, 0)).toBe(1);
  });
});
