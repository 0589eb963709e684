// meanAndVariance must give simple-statistics' mean and sampleVariance to the last bit (the
// journey cells' numbers did not change when the fill stopped calling simple-statistics per
// cell), on plain and typed arrays, for samples where compensated summation matters.
import { mean, sampleVariance } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { meanAndVariance, meanAndVarianceByGroup } from "~/server/analysis/stats/mean-variance";
import {
  meanConfidenceInterval,
  meanIntervalOfMoments,
} from "~/server/analysis/stats/welch-t-test";
import { createRng } from "~/server/analysis/rng";

function samples(seed: number): number[][] {
  const rng = createRng(seed);
  const out: number[][] = [];
  for (let k = 0; k < 40; k++) {
    const n = 2 + rng.int(3000);
    const scale = 10 ** (rng.int(13) - 6);
    const offset = rng.next() < 0.3 ? 1e8 * rng.next() : 0;
    // Mixed magnitudes (large then tiny values) exercise both branches of the compensation.
    out.push(
      Array.from({ length: n }, (_, i) =>
        i % 97 === 0 ? 1e12 * rng.normal() : offset + scale * rng.normal(),
      ),
    );
  }
  // Few-level data as the journey scales give it: −2..+2 in thirds.
  out.push(Array.from({ length: 5000 }, () => -2 + (rng.int(13) * 4) / 12));
  return out;
}

describe("meanAndVariance", () => {
  it("equals simple-statistics' mean and sample variance exactly", () => {
    for (const x of samples(7)) {
      const expected = { n: x.length, mean: mean(x), variance: sampleVariance(x) };
      expect(meanAndVariance(x)).toEqual(expected);
      expect(meanAndVariance(Float64Array.from(x))).toEqual(expected);
    }
  });

  it("gives the same t interval as meanConfidenceInterval", () => {
    for (const x of samples(8)) {
      for (const confidence of [0.9, 0.95, 0.99]) {
        expect(meanIntervalOfMoments(meanAndVariance(x), confidence)).toEqual(
          meanConfidenceInterval(x, confidence),
        );
      }
    }
  });

  it("has no variance for one value and no mean for none", () => {
    expect(meanAndVariance([3])).toEqual({ n: 1, mean: 3, variance: NaN });
    expect(meanAndVariance([])).toEqual({ n: 0, mean: NaN, variance: NaN });
  });
});

describe("meanAndVarianceByGroup", () => {
  it("equals meanAndVariance of each group's values taken in order, and of all of them", () => {
    const rng = createRng(9);
    for (const x of samples(10)) {
      const groups = 1 + rng.int(5);
      // Some values in no group, some missing (NaN), one group left empty now and then.
      const groupOf = Int32Array.from(x, () => rng.int(groups + 1) - 1);
      const values = Float64Array.from(x, (v) => (rng.next() < 0.1 ? NaN : v));
      const expected = Array.from({ length: groups }, (_, g) =>
        meanAndVariance(values.filter((v, i) => !Number.isNaN(v) && groupOf[i] === g)),
      );
      expected.push(meanAndVariance(values.filter((v) => !Number.isNaN(v))));
      expect(meanAndVarianceByGroup(values, groupOf, groups, true)).toEqual(expected);
      expect(meanAndVarianceByGroup(values, groupOf, groups, false)).toEqual(
        expected.slice(0, groups),
      );
    }
  });
});
