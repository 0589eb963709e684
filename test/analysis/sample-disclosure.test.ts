// Which run figures are estimates on a sample: recorded sizes are used as stored, and runs stored
// before they were recorded are read by the limits that held then (2 000 rows for silhouettes,
// 20 000 for the k curve).
import { describe, expect, it } from "vitest";
import type { AnalysisResult } from "~/server/analysis/result";
import { analysisSamples, sampleNote } from "~/server/analysis/sample-disclosure";

function run(
  clustered: number,
  recorded?: { silhouetteSample: number | null; curveSample: number | null },
): Pick<AnalysisResult, "metrics" | "encoding"> {
  // Only the fields analysisSamples reads; the rest of a result does not matter here.
  return {
    metrics: { ...recorded },
    encoding: { clustered },
  } as unknown as Pick<AnalysisResult, "metrics" | "encoding">;
}

describe("analysisSamples", () => {
  it("uses the sample sizes a run recorded", () => {
    expect(analysisSamples(run(50_000, { silhouetteSample: 2000, curveSample: 20_000 }))).toEqual({
      clustered: 50_000,
      silhouette: 2000,
      curve: 20_000,
    });
    expect(analysisSamples(run(400, { silhouetteSample: null, curveSample: null }))).toEqual({
      clustered: 400,
      silhouette: null,
      curve: null,
    });
  });

  it("reads older runs by the limits of their time", () => {
    expect(analysisSamples(run(1500))).toEqual({ clustered: 1500, silhouette: null, curve: null });
    expect(analysisSamples(run(2000))).toEqual({ clustered: 2000, silhouette: null, curve: null });
    expect(analysisSamples(run(2001))).toEqual({ clustered: 2001, silhouette: 2000, curve: null });
    expect(analysisSamples(run(20_001))).toEqual({
      clustered: 20_001,
      silhouette: 2000,
      curve: 20_000,
    });
  });
});

describe("sampleNote", () => {
  it("says how many of how many, or nothing when not sampled", () => {
    expect(sampleNote(2000, 48_211)).toBe(
      "estimated on a sample of 2,000 of the 48,211 respondents",
    );
    expect(sampleNote(null, 400)).toBeNull();
  });
});
