// The special functions behind every p-value, checked against SciPy 1.17.1 (scipy.special and
// scipy.stats), an independent implementation (Cephes), to 1e-10 relative where the value is O(1).
import { describe, expect, it } from "vitest";
import {
  chiSquareSurvival,
  normalCdf,
  normalQuantile,
  normalTwoSidedP,
  studentTQuantile,
  studentTTwoSidedP,
} from "~/server/analysis/stats/distributions";
import {
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
} from "~/server/analysis/stats/special-functions";

function expectRelative(actual: number, expected: number, tolerance = 1e-9): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(tolerance);
}

describe("regularized incomplete beta", () => {
  it("matches scipy.special.betainc", () => {
    expectRelative(regularizedBeta(0.3, 2.5, 0.5), 0.018927124071945658); // betainc(2.5, 0.5, 0.3)
    expectRelative(regularizedBeta(0.9, 0.5, 5), 0.9999974294103009); // betainc(0.5, 5, 0.9)
    expectRelative(regularizedBeta(0.45, 30, 40), 0.6447480085585666); // betainc(30, 40, 0.45)
  });

  it("has the closed forms I_x(1, 1) = x and I_x(a, 1) = x^a", () => {
    expectRelative(regularizedBeta(0.37, 1, 1), 0.37, 1e-12);
    expectRelative(regularizedBeta(0.6, 3, 1), 0.6 ** 3, 1e-12);
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
  });
});

describe("regularized incomplete gamma", () => {
  it("matches scipy.special.gammainc / gammaincc", () => {
    expectRelative(regularizedGammaP(3, 2.5), 0.45618688411667035);
    expectRelative(regularizedGammaQ(0.5, 30), 9.485737571073857e-15); // far tail keeps its precision
    expectRelative(regularizedGammaQ(10, 3), 0.9988975118698845);
    expectRelative(regularizedGammaP(100, 90), 0.15822098918643007);
  });

  it("has the closed form P(1, x) = 1 - exp(-x)", () => {
    expectRelative(regularizedGammaP(1, 0.7), 1 - Math.exp(-0.7), 1e-12);
    expectRelative(regularizedGammaQ(1, 12), Math.exp(-12), 1e-12);
  });
});

describe("distributions", () => {
  it("normal: matches scipy.stats.norm", () => {
    expectRelative(normalQuantile(0.975), 1.959963984540054);
    expectRelative(normalQuantile(0.995), 2.5758293035489004);
    expectRelative(normalTwoSidedP(8), 1.244192114854348e-15, 1e-8);
    expect(normalCdf(0)).toBeCloseTo(0.5, 14);
    expectRelative(normalCdf(-1.959963984540054), 0.025);
  });

  it("Student t: matches scipy.stats.t", () => {
    expectRelative(studentTTwoSidedP(3, 2.5), 0.07257609554903183); // 2 * t.sf(3, 2.5)
    expectRelative(studentTTwoSidedP(10, 3), 0.0021283990584141503);
    expectRelative(studentTTwoSidedP(0.1, 50), 0.92074421365297);
    expectRelative(studentTQuantile(0.975, 1), 12.706204736174698, 1e-8); // t.ppf(0.975, 1)
    expectRelative(studentTQuantile(0.975, 2), 4.302652729749464, 1e-8);
    expectRelative(studentTQuantile(0.975, 5), 2.570581835636314, 1e-8);
    expectRelative(studentTQuantile(0.975, 100), 1.983971518523552, 1e-8);
  });

  it("Student t with 1 df is Cauchy: P(|T| >= t) = 1 - 2·atan(t)/π", () => {
    for (const t of [0.2, 1, 3.7, 40])
      expectRelative(studentTTwoSidedP(t, 1), 1 - (2 * Math.atan(t)) / Math.PI, 1e-10);
  });

  it("chi-square: matches scipy.stats.chi2.sf, and exp(-x/2) for 2 df", () => {
    expectRelative(chiSquareSurvival(30.07, 2), 2.9538093752232107e-7);
    expectRelative(chiSquareSurvival(30.07, 2), Math.exp(-30.07 / 2), 1e-12);
    expectRelative(chiSquareSurvival(12.3, 7), 0.0911148860003131);
    expectRelative(chiSquareSurvival(1000, 900), 0.010994608942135844, 1e-8);
  });
});
