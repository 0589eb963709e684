// The planted-segment generator: sizes, shapes, missingness and determinism.
import { describe, expect, it } from "vitest";
import { generateSegments } from "~/server/analysis/synthetic";

describe("generateSegments", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const a = generateSegments({ seed: 1, n: 100, segments: 3, shape: "separated" });
    expect(generateSegments({ seed: 1, n: 100, segments: 3, shape: "separated" })).toEqual(a);
    expect(generateSegments({ seed: 2, n: 100, segments: 3, shape: "separated" }).rows).not.toEqual(
      a.rows,
    );
  });

  it("plants exact segment sizes, 1 : 1/2 : 1/3 : 1/4 for the unequal shape", () => {
    const { labels } = generateSegments({ seed: 3, n: 500, segments: 4, shape: "unequal" });
    const counts = [0, 1, 2, 3].map((s) => labels.filter((l) => l === s).length);
    // Weights 12 : 6 : 4 : 3 of 25 → 240, 120, 80, 60.
    expect(counts).toEqual([240, 120, 80, 60]);
  });

  it("keeps answers within the declared scales and options", () => {
    const { features, rows } = generateSegments({
      seed: 4,
      n: 200,
      segments: 3,
      shape: "categorical",
      noiseQuestions: 2,
    });
    for (const f of features) {
      for (const row of rows) {
        const v = row[f.id];
        if (f.kind === "multi")
          expect((v as string[]).every((o) => f.options?.includes(o))).toBe(true);
        else expect(f.options).toContain(v);
      }
    }
    const numeric = generateSegments({
      seed: 5,
      n: 200,
      segments: 3,
      shape: "overlapping",
      noiseQuestions: 3,
    });
    for (const f of numeric.features) {
      for (const row of numeric.rows) {
        expect(row[f.id]).toBeGreaterThanOrEqual(f.min as number);
        expect(row[f.id]).toBeLessThanOrEqual(f.max as number);
      }
    }
  });

  it("blanks about missingRate of the answers", () => {
    const { rows, features } = generateSegments({
      seed: 6,
      n: 500,
      segments: 2,
      shape: "separated",
      missingRate: 0.2,
    });
    const blanks = rows.reduce(
      (s, row) => s + features.filter((f) => row[f.id] === null).length,
      0,
    );
    // 3000 cells, expected 600 blank, SD ≈ 22.
    expect(Math.abs(blanks - 600)).toBeLessThan(90);
  });

  it("rejects impossible layouts", () => {
    expect(() =>
      generateSegments({ seed: 7, n: 100, segments: 9, shape: "separated", questions: 3 }),
    ).toThrow(RangeError);
    expect(() => generateSegments({ seed: 7, n: 2, segments: 3, shape: "separated" })).toThrow(
      RangeError,
    );
  });
});
