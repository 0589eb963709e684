// Encoding: equal question weights, explicit imputation with counts, exclusion of respondents who
// skipped most segment questions, and reproducibility.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { encodeAnswers, encodeWithSpec } from "~/server/analysis/encode";
import {
  MAX_SPREAD_FACTOR,
  type AnswerRow,
  type FeatureSpec,
} from "~/server/analysis/encode-types";

/** Squared Euclidean distance between two encoded rows on one question's columns. */
function questionContribution(
  encoded: ReturnType<typeof encodeAnswers>,
  questionId: string,
  a: number,
  b: number,
): number {
  let sum = 0;
  encoded.columns.forEach((column, j) => {
    if (column.questionId !== questionId) return;
    const d = (encoded.matrix[a]?.[j] as number) - (encoded.matrix[b]?.[j] as number);
    sum += d * d;
  });
  return sum;
}

const features: FeatureSpec[] = [
  { id: "plan", kind: "categorical", options: ["free", "pro", "team"] },
  { id: "channels", kind: "multi", options: ["email", "chat", "phone", "forum", "social"] },
  { id: "nps", kind: "ordinal", min: 0, max: 10 },
  { id: "spend", kind: "numeric" },
  { id: "ease", kind: "ordinal", options: ["hard", "ok", "easy"] },
];

describe("encodeAnswers: weights", () => {
  it("gives each question a maximum squared contribution of exactly 1", () => {
    const rows: AnswerRow[] = [
      { plan: "free", channels: [], nps: 0, spend: 10, ease: "hard" },
      {
        plan: "pro",
        channels: ["email", "chat", "phone", "forum", "social"],
        nps: 10,
        spend: 250,
        ease: "easy",
      },
    ];
    const encoded = encodeAnswers(features, rows);
    for (const f of features) expect(questionContribution(encoded, f.id, 0, 1)).toBeCloseTo(1, 12);
    expect(encoded.columns).toHaveLength(3 + 5 + 1 + 1 + 1);
    expect(encoded.columns[0]).toEqual({ questionId: "plan", label: "plan: free", option: "free" });
  });

  it("never lets a question contribute more than 1, whatever the answers (incl. missing)", () => {
    const answer = fc.record({
      plan: fc.option(fc.constantFrom("free", "pro", "team"), { nil: null }),
      channels: fc.option(fc.subarray(["email", "chat", "phone", "forum", "social"]), {
        nil: null,
      }),
      nps: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      spend: fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: null }),
      ease: fc.option(fc.constantFrom("hard", "ok", "easy"), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(answer, { minLength: 2, maxLength: 12 }), (rows) => {
        const encoded = encodeAnswers(features, rows, { maxMissingShare: 1 });
        for (let a = 0; a < encoded.matrix.length; a++) {
          for (let b = a + 1; b < encoded.matrix.length; b++) {
            for (const f of features)
              if (questionContribution(encoded, f.id, a, b) > 1 + 1e-12) return false;
          }
        }
        return encoded.matrix.every((row) => row.every((v) => v >= 0 && v <= 1));
      }),
      { seed: 5, numRuns: 150 },
    );
  });

  it("scales ordinal and numeric answers to [0, 1] from the declared, option or observed range", () => {
    const rows: AnswerRow[] = [
      { plan: "free", channels: [], nps: 5, spend: 20, ease: "ok" },
      { plan: "free", channels: [], nps: "7", spend: 60, ease: "easy" },
      { plan: "free", channels: [], nps: 12, spend: 120, ease: "hard" },
    ];
    const encoded = encodeAnswers(features, rows);
    const col = (id: string) => encoded.columns.findIndex((c) => c.questionId === id);
    expect(encoded.matrix.map((r) => r[col("nps")])).toEqual([0.5, 0.7, 1]); // 12 clamped to 10
    expect(encoded.clamped.nps).toBe(1);
    expect(encoded.matrix.map((r) => r[col("spend")])).toEqual([0, 0.4, 1]); // observed 20..120
    expect(encoded.matrix.map((r) => r[col("ease")])).toEqual([0.5, 1, 0]);
    const spend = encoded.spec.find((f) => f.id === "spend");
    expect(spend).toMatchObject({ min: 20, max: 120, rangeSource: "observed" });
    expect(encoded.spec.find((f) => f.id === "ease")?.rangeSource).toBe("options");
  });
});

describe("encodeAnswers: missing values", () => {
  const small: FeatureSpec[] = [
    { id: "plan", kind: "categorical", options: ["free", "pro"] },
    { id: "score", kind: "numeric", min: 0, max: 10 },
    { id: "tools", kind: "multi", options: ["a", "b"] },
    { id: "age", kind: "numeric", min: 0, max: 100 },
  ];
  const rows: AnswerRow[] = [
    { plan: "free", score: 2, tools: ["a"], age: 20 },
    { plan: "pro", score: 6, tools: ["a", "b"], age: 40 },
    { plan: "free", score: null, tools: [], age: 60 }, // 1 of 4 missing: imputed
    { plan: null, score: null, tools: ["b"], age: 30 }, // 2 of 4 = half: kept, imputed
    { plan: null, score: null, tools: null, age: 50 }, // 3 of 4 > half: excluded
    { plan: "gold", score: 4, tools: ["a", "zzz"], age: "" }, // unknown option + blank: 2 of 4, kept
  ];
  const encoded = encodeAnswers(small, rows);

  it("excludes respondents missing more than half the questions and maps kept rows back", () => {
    expect(encoded.excluded).toEqual([4]);
    expect(encoded.rowIndex).toEqual([0, 1, 2, 3, 5]);
    expect(encoded.matrix).toHaveLength(5);
  });

  it("counts imputed and unrecognised answers per question", () => {
    expect(encoded.imputed).toEqual({ plan: 2, score: 2, tools: 0, age: 1 });
    expect(encoded.unrecognised).toEqual({ plan: 1, score: 0, tools: 1, age: 0 });
  });

  it("imputes the mean for scales and the option shares for choices, computed on kept rows", () => {
    const col = (label: string) => encoded.columns.findIndex((c) => c.label === label);
    // score observed among kept rows: 2, 6, 4 → mean 4 → 0.4.
    expect(encoded.matrix[2]?.[col("score")]).toBeCloseTo(0.4, 12);
    // plan observed among kept rows: free, pro, free → shares 2/3, 1/3, scaled by 1/√2.
    expect(encoded.matrix[3]?.[col("plan: free")]).toBeCloseTo((2 / 3) * Math.SQRT1_2, 12);
    expect(encoded.matrix[3]?.[col("plan: pro")]).toBeCloseTo((1 / 3) * Math.SQRT1_2, 12);
    // age observed among kept rows: 20, 40, 60, 30 → mean 37.5 → 0.375.
    expect(encoded.matrix[4]?.[col("age")]).toBeCloseTo(0.375, 12);
    // A partly unknown multi answer keeps its known option: ["a"].
    expect(encoded.matrix[4]?.[col("tools: a")]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(encoded.matrix[4]?.[col("tools: b")]).toBe(0);
    expect(encoded.spec.find((f) => f.id === "plan")?.fill).toEqual(
      [2 / 3, 1 / 3].map((v) => expect.closeTo(v, 12)),
    );
  });

  it("honours a custom exclusion threshold", () => {
    const strict = encodeAnswers(small, rows, { maxMissingShare: 0.25 });
    expect(strict.excluded).toEqual([3, 4, 5]);
  });
});

describe("encodeAnswers: reproducibility", () => {
  const rows: AnswerRow[] = [
    { colour: "red", size: 3 },
    { colour: "blue", size: null },
    { colour: "green", size: 7 },
  ];
  const spec: FeatureSpec[] = [
    { id: "colour", kind: "categorical" },
    { id: "size", kind: "numeric" },
  ];

  it("sorts observed options and survives a JSON round trip unchanged", () => {
    const encoded = encodeAnswers(spec, rows);
    expect(encoded.spec[0]?.options).toEqual(["blue", "green", "red"]);
    expect(JSON.parse(JSON.stringify(encoded))).toEqual(encoded);
    expect(encodeAnswers(spec, rows)).toEqual(encoded);
  });

  it("encodes the same rows identically from the resolved spec", () => {
    const encoded = encodeAnswers(spec, rows);
    expect(encodeWithSpec(encoded.spec, rows)).toEqual(encoded.matrix);
    // An option unseen at fitting time is imputed, not given a column of its own.
    const [fresh] = encodeWithSpec(encoded.spec, [{ colour: "purple", size: 5 }]);
    expect(fresh?.slice(0, 3)).toEqual(encoded.spec[0]?.fill.map((f) => f * Math.SQRT1_2));
  });

  it("rejects duplicate ids and impossible ranges", () => {
    expect(() => encodeAnswers([spec[0]!, spec[0]!], rows)).toThrow(RangeError);
    expect(() => encodeAnswers([{ id: "x", kind: "numeric", min: 5, max: 5 }], rows)).toThrow(
      RangeError,
    );
    expect(() => encodeAnswers([], rows)).toThrow(RangeError);
  });
});

describe("encodeAnswers: spread weighting", () => {
  /** Summed variance of one question's columns. */
  function questionVariance(encoded: ReturnType<typeof encodeAnswers>, id: string): number {
    let total = 0;
    encoded.columns.forEach((column, j) => {
      if (column.questionId !== id) return;
      const values = encoded.matrix.map((r) => r[j] as number);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      total += values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
    });
    return total;
  }

  const features: FeatureSpec[] = [
    { id: "agree", kind: "ordinal", min: 1, max: 5 },
    { id: "channel", kind: "categorical", options: ["web", "app", "shop", "phone", "post"] },
    { id: "random", kind: "ordinal", min: 1, max: 5 },
  ];
  // Agreement 2-4, channel spread over five options, a rating uniform on 1-5.
  const rows: AnswerRow[] = Array.from({ length: 500 }, (_, i) => ({
    agree: 2 + (i % 3),
    channel: ["web", "app", "shop", "phone", "post"][i % 5] as string,
    random: 1 + ((i * 7) % 5),
  }));

  it("gives every question the same variance, at the mean of what range weights gave", () => {
    const byRange = encodeAnswers(features, rows);
    const bySpread = encodeAnswers(features, rows, { weighting: "spread" });
    const rangeVariances = features.map((f) => questionVariance(byRange, f.id));
    // Range weights: the evenly answered five-option question outweighs the agreement item ~10x.
    expect((rangeVariances[1] as number) / (rangeVariances[0] as number)).toBeGreaterThan(5);
    const target = rangeVariances.reduce((a, b) => a + b, 0) / rangeVariances.length;
    for (const f of features) expect(questionVariance(bySpread, f.id)).toBeCloseTo(target, 10);
  });

  it("stores the weights, so further respondents are encoded the same way", () => {
    const bySpread = encodeAnswers(features, rows, { weighting: "spread" });
    expect(encodeWithSpec(bySpread.spec, rows)).toEqual(bySpread.matrix);
  });

  it("caps the factor for a question nearly everyone answers alike", () => {
    const lopsided: AnswerRow[] = rows.map((r, i) => ({ ...r, agree: i === 0 ? 1 : 4 }));
    const byRange = encodeAnswers(features, lopsided);
    const bySpread = encodeAnswers(features, lopsided, { weighting: "spread" });
    const weight = (e: typeof byRange) => e.spec.find((f) => f.id === "agree")?.columnWeight;
    expect(weight(bySpread)).toBeCloseTo((weight(byRange) as number) * MAX_SPREAD_FACTOR, 12);
  });
});
