// The rank statistics work on a table of distinct values (stats/value-counts.ts) rather than on
// sorted values. Held here to their definitions on tied survey-like answers: Cliff's delta to the
// pairwise count P(X > Y) − P(X < Y), and Mann-Whitney's U and tie term to the mid-ranks of the
// pooled values (stats/ranks.ts, the sort-based way), bit for bit.
import { describe, expect, it } from "vitest";
import { createRng } from "~/server/analysis/rng";
import { cliffsDelta } from "~/server/analysis/stats/effect-sizes";
import { mannWhitneyU } from "~/server/analysis/stats/mann-whitney";
import { midRanks } from "~/server/analysis/stats/ranks";
import { valueCounts } from "~/server/analysis/stats/value-counts";

function answers(seed: number, n: number, shift: number): number[] {
  const rng = createRng(seed);
  // 1-5 scale answers, some halves (a numeric question), shifted for the second group.
  return Array.from({ length: n }, () =>
    Math.min(5, 1 + rng.int(5) + (rng.int(4) === 0 ? 0.5 : 0) + shift),
  );
}

function pairwiseDelta(x: readonly number[], y: readonly number[]): number {
  let dominance = 0;
  for (const a of x) for (const b of y) dominance += Math.sign(a - b);
  return dominance / (x.length * y.length);
}

/** U and its normal z the textbook way: mid-ranks of the pooled, sorted values. */
function sortedRanksU(x: readonly number[], y: readonly number[]): { u: number; z: number } {
  const { ranks, tieSizes } = midRanks([...x, ...y]);
  let rankSumX = 0;
  for (let i = 0; i < x.length; i++) rankSumX += ranks[i] as number;
  const n1 = x.length;
  const n2 = y.length;
  const n = n1 + n2;
  const u = rankSumX - (n1 * (n1 + 1)) / 2;
  const tieTerm = tieSizes.reduce((sum, t) => sum + t * t * t - t, 0);
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  const centred = u - (n1 * n2) / 2;
  return { u, z: (centred - Math.sign(centred) * 0.5) / Math.sqrt(variance) };
}

describe("rank statistics from a table of distinct values", () => {
  it("counts each group's values at each distinct value, ascending", () => {
    expect(valueCounts([3, 1, 3, 2], [2, 5, 1, 1])).toEqual({
      values: [1, 2, 3, 5],
      countX: [1, 1, 2, 0],
      countY: [2, 1, 0, 1],
    });
  });

  for (const [seed, n1, n2, shift] of [
    [1, 40, 60, 0],
    [2, 300, 200, 0.5],
    [3, 7, 900, 1],
    [4, 1000, 1000, 0],
  ] as const) {
    it(`matches the definitions (seed ${seed}, ${n1} vs ${n2})`, () => {
      const x = answers(seed, n1, shift);
      const y = answers(seed + 100, n2, 0);
      expect(cliffsDelta(x, y)).toBe(pairwiseDelta(x, y));
      const reference = sortedRanksU(x, y);
      const result = mannWhitneyU(x, y);
      expect(result.u).toBe(reference.u);
      expect(result.z).toBe(reference.z);
    });
  }
});
