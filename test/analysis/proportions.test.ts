// Wilson intervals, BH q-values and effect sizes against hand calculations and reference outputs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cliffsDelta, cohensD, cohensH } from "~/server/analysis/stats/effect-sizes";
import { benjaminiHochberg } from "~/server/analysis/stats/multiple-testing";
import { wilsonInterval } from "~/server/analysis/stats/wilson";

describe("Wilson score interval", () => {
  it("matches prop.test(x, n, correct = FALSE)$conf.int", () => {
    // R: prop.test(5, 10, correct = FALSE) → 0.2365931 0.7634069; also scipy binomtest(...).proportion_ci(method="wilson").
    const r = wilsonInterval(5, 10);
    expect(r.lower).toBeCloseTo(0.236593090512564, 8);
    expect(r.upper).toBeCloseTo(0.7634069094874361, 8);
    // 0/10: upper = z²/(n + z²) by hand = 3.841459/13.841459.
    const zero = wilsonInterval(0, 10);
    expect(zero.lower).toBe(0);
    expect(zero.upper).toBeCloseTo(0.27753279986288926, 8);
    // 37/120 at 90 % (scipy).
    const r90 = wilsonInterval(37, 120, 0.9);
    expect(r90.lower).toBeCloseTo(0.24385619835333922, 8);
    expect(r90.upper).toBeCloseTo(0.3812626128663938, 8);
  });

  it("always contains the estimate and stays inside [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n, share) => {
          const x = Math.round(share * n);
          const r = wilsonInterval(x, n);
          return r.lower >= 0 && r.upper <= 1 && r.lower <= r.estimate && r.estimate <= r.upper;
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it("says nothing (0..1) about an empty group", () => {
    const r = wilsonInterval(0, 0);
    expect([r.lower, r.upper]).toEqual([0, 1]);
    expect(r.estimate).toBeNaN();
  });
});

describe("Benjamini-Hochberg", () => {
  it("matches a hand calculation and p.adjust(method = 'BH')", () => {
    // Sorted 0.005, 0.01, 0.03, 0.04 (m = 4): p·m/i = 0.02, 0.02, 0.04, 0.04; cumulative min from the top.
    expect(benjaminiHochberg([0.01, 0.04, 0.03, 0.005])).toEqual(
      [0.02, 0.04, 0.04, 0.02].map((v) => expect.closeTo(v, 12)),
    );
    // scipy.stats.false_discovery_control([...]) (same definition as p.adjust "BH").
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2, 0.9, 0.04]);
    const expected = [0.035, 0.056, 0.056, 0.035, 0.23333333333333334, 0.9, 0.056];
    q.forEach((v, i) => expect(v).toBeCloseTo(expected[i] as number, 12));
  });

  it("caps at 1, skips NaN like R's NA, and keeps the input order", () => {
    expect(benjaminiHochberg([0.9, 0.95, 1])).toEqual([1, 1, 1].map((v) => expect.closeTo(v, 12)));
    const q = benjaminiHochberg([0.02, NaN, 0.01]);
    expect(q[1]).toBeNaN();
    expect(q[0]).toBeCloseTo(0.02, 12);
    expect(q[2]).toBeCloseTo(0.02, 12);
    expect(benjaminiHochberg([])).toEqual([]);
  });

  it("is monotone in p, never below p, and at most 1", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 60 }),
        (ps) => {
          const q = benjaminiHochberg(ps);
          return ps.every((p, i) => {
            const qi = q[i] as number;
            if (qi < p - 1e-15 || qi > 1) return false;
            return ps.every((p2, j) => !(p < p2) || qi <= (q[j] as number) + 1e-15);
          });
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });
});

describe("effect sizes", () => {
  it("Cohen's h by hand", () => {
    // 2·asin(√0.5) − 2·asin(√0.25) = π/2 − π/3 = π/6.
    expect(cohensH(0.5, 0.25)).toBeCloseTo(Math.PI / 6, 12);
    expect(cohensH(0.3, 0.3)).toBe(0);
  });

  it("Cohen's d by hand", () => {
    // x: mean 2, s² = 1; y: mean 5, s² = 1 → pooled SD 1, d = −3.
    expect(cohensD([1, 2, 3], [4, 5, 6])).toBeCloseTo(-3, 12);
    // x = [1,3] (s² = 2), y = [2,4,6,8] (s² = 20/3): pooled = √((2 + 20)/4) = √5.5; d = (2 − 5)/√5.5.
    expect(cohensD([1, 3], [2, 4, 6, 8])).toBeCloseTo(-3 / Math.sqrt(5.5), 12);
  });

  it("Cliff's delta by hand and against a brute-force count", () => {
    // Pairs x>y: (3,2),(3,1),(2,1) = 3, x<y: (1,2),(1,3),(2,3) = 3 of 9 (3 ties) → 0.
    expect(cliffsDelta([1, 2, 3], [1, 2, 3])).toBe(0);
    expect(cliffsDelta([5, 6], [1, 2])).toBe(1);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 30 }),
        (x, y) => {
          let d = 0;
          for (const a of x) for (const b of y) d += Math.sign(a - b);
          return Math.abs(cliffsDelta(x, y) - d / (x.length * y.length)) < 1e-12;
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });
});
