// Hypothesis tests against reference outputs. The "sleep" data are R's datasets::sleep (extra by
// group); the R outputs quoted are those of R's documented examples, and every value was
// re-computed with SciPy 1.17.1 (scipy.stats), whose digits are used here.
import { describe, expect, it } from "vitest";
import { chiSquareIndependence } from "~/server/analysis/stats/chi-square";
import { fisherExact2x2 } from "~/server/analysis/stats/fisher-exact";
import { mannWhitneyU } from "~/server/analysis/stats/mann-whitney";
import { meanConfidenceInterval, welchTTest } from "~/server/analysis/stats/welch-t-test";

const sleep1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const sleep2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe("Welch's t-test", () => {
  it("matches t.test(extra ~ group, data = sleep)", () => {
    // R: t = -1.8608, df = 17.776, p-value = 0.07939, 95 % CI -3.3654832 0.2054832.
    // scipy.stats.ttest_ind(g1, g2, equal_var=False) for the digits.
    const r = welchTTest(sleep1, sleep2);
    expect(r.t).toBeCloseTo(-1.8608134674868526, 8);
    expect(r.df).toBeCloseTo(17.776473516178488, 8);
    expect(r.p).toBeCloseTo(0.0793941401873583, 6);
    expect(r.lower).toBeCloseTo(-3.3654832307117104, 6);
    expect(r.upper).toBeCloseTo(0.20548323071171137, 6);
    expect(r.difference).toBeCloseTo(0.75 - 2.33, 12);
  });

  it("is antisymmetric in its groups", () => {
    const a = welchTTest(sleep1, sleep2);
    const b = welchTTest(sleep2, sleep1);
    expect(b.t).toBeCloseTo(-a.t, 12);
    expect(b.p).toBeCloseTo(a.p, 12);
  });

  it("handles constant groups without NaN", () => {
    expect(welchTTest([2, 2, 2], [2, 2]).p).toBe(1);
    expect(welchTTest([2, 2, 2], [3, 3]).p).toBe(0);
  });

  it("gives the t-based CI of a mean like t.test(x)$conf.int", () => {
    // R: t.test(sleep$extra[1:10]) → 95 % CI -0.5297804 2.0297804 (scipy ttest_1samp(...).confidence_interval()).
    const ci = meanConfidenceInterval(sleep1);
    expect(ci.mean).toBeCloseTo(0.75, 12);
    expect(ci.lower).toBeCloseTo(-0.5297804135262321, 6);
    expect(ci.upper).toBeCloseTo(2.029780413526232, 6);
  });
});

describe("Mann-Whitney U", () => {
  it("matches wilcox.test(extra ~ group, data = sleep, exact = FALSE)", () => {
    // R: W = 25.5, p-value = 0.06933 (ties, continuity correction);
    // scipy.stats.mannwhitneyu(g1, g2, method="asymptotic", use_continuity=True/False).
    const r = mannWhitneyU(sleep1, sleep2);
    expect(r.u).toBe(25.5);
    expect(r.p).toBeCloseTo(0.06932757543362658, 6);
    expect(mannWhitneyU(sleep1, sleep2, { continuityCorrection: false }).p).toBeCloseTo(
      0.06372225015502518,
      6,
    );
  });

  it("gives U1 + U2 = n1·n2 and p = 1 when everything is tied", () => {
    const a = mannWhitneyU(sleep1, sleep2);
    const b = mannWhitneyU(sleep2, sleep1);
    expect(a.u + b.u).toBe(100);
    expect(mannWhitneyU([3, 3, 3], [3, 3]).p).toBe(1);
  });
});

describe("chi-square test of independence", () => {
  it("matches chisq.test on R's party-by-gender example", () => {
    // ?chisq.test: M <- as.table(rbind(c(762, 327, 468), c(484, 239, 477)));
    // R: X-squared = 30.07, df = 2, p-value = 2.954e-07 (scipy chi2_contingency(correction=False)).
    const r = chiSquareIndependence([
      [762, 327, 468],
      [484, 239, 477],
    ]);
    expect(r.statistic).toBeCloseTo(30.070149095754672, 8);
    expect(r.df).toBe(2);
    expect(r.p / 2.9535891832117595e-7).toBeCloseTo(1, 8);
    expect(r.expected[0]?.[0]).toBeCloseTo(703.67138194, 6);
    expect(r.lowExpectedShare).toBe(0);
  });

  it("drops empty rows and columns instead of dividing by zero", () => {
    const r = chiSquareIndependence([
      [10, 0, 5],
      [0, 0, 0],
      [4, 0, 12],
    ]);
    expect(r.df).toBe(1);
    expect(r.rows).toEqual([0, 2]);
    expect(r.columns).toEqual([0, 2]);
    expect(Number.isFinite(r.p)).toBe(true);
  });
});

describe("Fisher's exact test (2 x 2)", () => {
  it("matches fisher.test on the tea-tasting example", () => {
    // ?fisher.test TeaTasting: two-sided p = 0.4857 = 34/70 (by hand: (1 + 16 + 16 + 1) / 70).
    expect(
      fisherExact2x2([
        [3, 1],
        [1, 3],
      ]).p,
    ).toBeCloseTo(34 / 70, 12);
  });

  it("matches scipy.stats.fisher_exact", () => {
    expect(
      fisherExact2x2([
        [10, 2],
        [3, 15],
      ]).p,
    ).toBeCloseTo(0.0005367241191434357, 10);
    expect(
      fisherExact2x2([
        [1, 9],
        [11, 3],
      ]).p,
    ).toBeCloseTo(0.0027594561852200836, 10);
  });

  it("is 1 for a table that matches its margins exactly", () => {
    expect(
      fisherExact2x2([
        [5, 5],
        [5, 5],
      ]).p,
    ).toBeCloseTo(1, 12);
  });
});
