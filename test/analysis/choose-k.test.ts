// Choosing the number of personas on planted data, and the rule's branches on a crafted curve.
import { describe, expect, it } from "vitest";
import { chooseK, structureStrength } from "~/server/analysis/choose-k";
import { encodeAnswers } from "~/server/analysis/encode";
import { denseMatrix, toArrays } from "~/server/analysis/kmeans-matrix";
import { adjustedRandIndex } from "~/server/analysis/quality";
import { createRng } from "~/server/analysis/rng";
import { generateSegments, type SyntheticOptions } from "~/server/analysis/synthetic";

function run(options: SyntheticOptions, chooseSeed = options.seed) {
  const data = generateSegments(options);
  const encoded = encodeAnswers(data.features, data.rows);
  const choice = chooseK(encoded.matrix, { seed: chooseSeed });
  const truth = encoded.rowIndex.map((i) => data.labels[i] as number);
  return { choice, ari: adjustedRandIndex(truth, choice.fit.assignments) };
}

describe("chooseK on planted segments", () => {
  it.each([
    { segments: 3, seed: 21 },
    { segments: 4, seed: 22 },
  ])("finds $segments well-separated segments", ({ segments, seed }) => {
    const { choice, ari } = run({ seed, n: 450, segments, shape: "separated" });
    expect(choice.k).toBe(segments);
    expect(ari).toBeGreaterThanOrEqual(0.95);
    expect(choice.curve.map((c) => c.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(choice.reason).toBe("best-silhouette");
  });

  it("finds 4 segments of unequal size (48 % .. 12 %)", () => {
    const { choice, ari } = run({ seed: 23, n: 500, segments: 4, shape: "unequal" });
    expect(choice.k).toBe(4);
    expect(ari).toBeGreaterThanOrEqual(0.95);
  });

  it("finds 4 segments through noise questions and 10 % missing answers", () => {
    const { choice, ari } = run({
      seed: 24,
      n: 500,
      segments: 4,
      shape: "separated",
      noiseQuestions: 2,
      missingRate: 0.1,
    });
    expect(choice.k).toBe(4);
    expect(ari).toBeGreaterThanOrEqual(0.9);
  });

  it("finds 3 categorical-only segments", () => {
    const { choice, ari } = run({
      seed: 25,
      n: 450,
      segments: 3,
      shape: "categorical",
      questions: 8,
    });
    expect(choice.k).toBe(3);
    // 8 questions answered "in character" only 70 % of the time leave a few respondents closer
    // to another segment, so recovery is high but not perfect.
    expect(ari).toBeGreaterThanOrEqual(0.9);
  });

  it("is deterministic for a seed", () => {
    const data = generateSegments({ seed: 26, n: 300, segments: 3, shape: "overlapping" });
    const { matrix } = encodeAnswers(data.features, data.rows);
    expect(chooseK(matrix, { seed: 5, kMax: 5 })).toEqual(chooseK(matrix, { seed: 5, kMax: 5 }));
  });
});

describe("chooseK rules", () => {
  // Three tight blobs on a line plus a small blob (4 % of the rows) next to the last one: k = 4
  // separates best, but its smallest persona is under 5 %; k = 2, 3 merge the small blob.
  function blobs(): number[][] {
    const rng = createRng(31);
    const rows: number[][] = [];
    const centres: [number, number, number][] = [
      [0, 0, 160],
      [10, 0, 160],
      [20, 0, 160],
      [32, 0, 20],
    ];
    for (const [x, y, count] of centres) {
      for (let i = 0; i < count; i++) rows.push([rng.normal(x, 0.5), rng.normal(y, 0.5)]);
    }
    return rows;
  }

  it("skips ks whose smallest persona is under minShare", () => {
    const matrix = blobs();
    const choice = chooseK(matrix, { seed: 1, kMax: 5 });
    const k4 = choice.curve.find((c) => c.k === 4);
    expect(k4?.minShare).toBeCloseTo(20 / 500, 12);
    expect(k4?.eligible).toBe(false);
    expect(choice.k).not.toBe(4);
    expect(choice.reason).not.toBe("no-eligible-k");
    expect(chooseK(matrix, { seed: 1, kMax: 5, minShare: 0.03 }).k).toBe(4);
  });

  it("prefers 3..5 within the tolerance, and not beyond it", () => {
    // Two far-apart pairs of close blobs: k = 2 is best, k = 4 a little worse.
    const rng = createRng(32);
    const matrix: number[][] = [];
    for (const [x, y] of [
      [0, 0],
      [0, 3],
      [40, 0],
      [40, 3],
    ] as const) {
      for (let i = 0; i < 100; i++) matrix.push([rng.normal(x, 0.4), rng.normal(y, 0.4)]);
    }
    const strict = chooseK(matrix, { seed: 2, kMax: 5, tolerance: 0 });
    const s2 = strict.curve.find((c) => c.k === 2)?.silhouette as number;
    const s4 = strict.curve.find((c) => c.k === 4)?.silhouette as number;
    expect(strict.k).toBe(2);
    expect(s2).toBeGreaterThan(s4);
    // 400 rows: the curve and its silhouettes cover every row.
    expect([strict.curveRows, strict.silhouetteRows]).toEqual([400, 400]);
    const lenient = chooseK(matrix, { seed: 2, kMax: 5, tolerance: s2 - s4 + 1e-9 });
    // The best-scoring k in 3..5 (at least as good as k = 4, so within the tolerance) wins.
    const bestPreferred = strict.curve
      .filter((c) => c.k >= 3 && c.k <= 5)
      .sort((a, b) => b.silhouette - a.silhouette)[0];
    expect(bestPreferred?.silhouette).toBeGreaterThanOrEqual(s4);
    expect(lenient.k).toBe(bestPreferred?.k);
    expect(lenient.reason).toBe("preferred-range");
    expect(lenient.explanation).toContain(`k = ${lenient.k}`);
  });

  it("honours a forced k and keeps the curve", () => {
    const { matrix } = (() => {
      const data = generateSegments({ seed: 33, n: 300, segments: 3, shape: "separated" });
      return encodeAnswers(data.features, data.rows);
    })();
    const forced = chooseK(matrix, { seed: 3, forcedK: 6 });
    expect(forced.k).toBe(6);
    expect(forced.reason).toBe("forced");
    expect(forced.fit.centroids).toHaveLength(6);
    expect(forced.curve).toHaveLength(7);
  });

  it("reads silhouettes as Kaufman & Rousseeuw do", () => {
    expect([0.8, 0.6, 0.3, 0.1].map(structureStrength)).toEqual([
      "strong",
      "reasonable",
      "weak",
      "none",
    ]);
  });
});

describe("chooseK on large inputs", () => {
  // Four Gaussian blobs in [0, 1]^10, as a dense matrix.
  function largeBlobs(n: number, seed: number) {
    const rng = createRng(seed);
    const cols = 10;
    const centres = Array.from({ length: 4 }, () => Array.from({ length: cols }, () => rng.next()));
    const data = new Float64Array(n * cols);
    const truth = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const s = rng.int(4);
      truth[i] = s;
      for (let j = 0; j < cols; j++) data[i * cols + j] = rng.normal(centres[s]?.[j], 0.1);
    }
    return { matrix: denseMatrix(n, cols, data), truth };
  }

  it("computes the curve on a seeded sample and fits the chosen k on every row", () => {
    const { matrix, truth } = largeBlobs(12_000, 34);
    const options = { seed: 4, sampleThreshold: 5000, sampleSize: 3000, restarts: 3 };
    const choice = chooseK(matrix, options);
    expect(choice.curveRows).toBe(3000);
    // The silhouettes are a 2000-row sample of the curve's 3000 (quality.ts's exact limit).
    expect(choice.silhouetteRows).toBe(2000);
    expect(choice.k).toBe(4);
    expect(choice.fit.assignments).toHaveLength(12_000);
    expect(choice.fit.method?.sample?.rows).toBe(3000);
    expect(choice.fit.sizes.reduce((a, b) => a + b, 0)).toBe(12_000);
    expect(adjustedRandIndex(truth, choice.fit.assignments)).toBeGreaterThanOrEqual(0.95);
    expect(chooseK(matrix, options)).toEqual(choice);
    expect(chooseK(toArrays(matrix), options)).toEqual(choice);
    // A forced k is carried to every row too.
    const forced = chooseK(matrix, { ...options, forcedK: 3 });
    expect(forced.fit.assignments).toHaveLength(12_000);
    expect(forced.fit.k).toBe(3);
  });

  it("uses every row below the threshold", () => {
    const { matrix } = largeBlobs(3000, 35);
    const choice = chooseK(matrix, { seed: 5, kMax: 5, restarts: 2 });
    expect(choice.curveRows).toBe(3000);
    expect(choice.silhouetteRows).toBe(2000);
    expect(choice.fit.method?.sample).toBeNull();
  });
});
