// The whole engine on planted segments: it recovers the planted k and membership, returns a
// result that validates against ZAnalysisResult, is byte-for-byte reproducible for a seed, reports
// progress in phase order, and refuses inputs too small for personas.
import { describe, expect, it } from "vitest";
import { runAnalysis } from "~/server/analysis/pipeline";
import { AnalysisInputError, type AnalysisProgress } from "~/server/analysis/pipeline-input";
import { adjustedRandIndex } from "~/server/analysis/quality";
import { ZAnalysisResult, type AnalysisResult } from "~/server/analysis/result";
import { createRng } from "~/server/analysis/rng";
import type { AnalysisInput, QuestionDefinition } from "~/server/analysis/survey";
import { generateSegments, type SyntheticOptions } from "~/server/analysis/synthetic";
import { segmentQuestions } from "../helpers/segment-questions";

/** Planted segments as survey input, plus a demographic that follows the segment and quotes. */
function plantedInput(options: SyntheticOptions): { input: AnalysisInput; labels: number[] } {
  const data = generateSegments(options);
  const rng = createRng(options.seed + 1000);
  const questions: QuestionDefinition[] = [
    ...segmentQuestions(data.features, (f) => `Scale ${f.id.replace(/\D/g, "")}`),
    { id: "region", label: "Region", role: "DEMOGRAPHIC", kind: "categorical" },
    { id: "note", label: "Anything else?", role: "THOUGHT", kind: "text" },
  ];
  const responses = data.rows.map((row, i) => {
    const segment = data.labels[i] as number;
    return {
      id: `r${i}`,
      answers: {
        ...row,
        region: rng.next() < 0.8 ? `region-${segment}` : `region-${rng.int(4)}`,
        note: `segment ${segment} respondent ${i} wrote this`,
      },
    };
  });
  return { input: { questions, responses }, labels: data.labels };
}

function membership(result: AnalysisResult): Map<string, number> {
  const map = new Map<string, number>();
  for (const p of result.personas) for (const id of p.memberIds) map.set(id, p.index);
  return map;
}

describe("runAnalysis on planted segments", () => {
  it.each([
    { segments: 3, seed: 21 },
    { segments: 4, seed: 22 },
  ])("recovers $segments planted segments (ARI >= 0.95)", ({ segments, seed }) => {
    const { input, labels } = plantedInput({ seed, n: 400, segments, shape: "separated" });
    const result = runAnalysis(input, { seed: 7 });
    expect(() => ZAnalysisResult.parse(result)).not.toThrow();
    expect(result.metrics.chosenK).toBe(segments);
    expect(result.personas).toHaveLength(segments);
    const members = membership(result);
    const ids = input.responses.map((r) => r.id);
    expect(members.size).toBe(ids.length);
    const found = ids.map((id) => members.get(id) as number);
    expect(adjustedRandIndex(labels, found)).toBeGreaterThanOrEqual(0.95);

    // 100 bootstrap rounds by default; 400 rows: no figure is estimated on a sample.
    expect(result.parameters.bootstrapRounds).toBe(100);
    expect(result.metrics.silhouetteSample).toBeNull();
    expect(result.metrics.curveSample).toBeNull();
    for (const p of result.personas) {
      expect(p.stability.label).toBe("stable");
      expect(p.stability.rounds).toBe(100);
      // Well-separated: precise, and far from a label threshold.
      expect(p.stability.monteCarloError).toBeGreaterThanOrEqual(0);
      expect(p.stability.monteCarloError).toBeLessThan(0.02);
      expect(p.stability.nearThreshold).toBe(false);
      expect(p.share.lower).toBeLessThanOrEqual(p.share.estimate);
      expect(p.share.upper).toBeGreaterThanOrEqual(p.share.estimate);
      expect(p.distinguishingTraitIds.length).toBeGreaterThan(0);
      // The demographic that follows the segments is found although it was not clustered on.
      const region = p.traits.find((t) => t.questionId === "region" && t.distinguishing);
      expect(region?.segmentInput).toBe(false);
      // Quotes come from the persona's own members.
      expect(p.quotes.length).toBeGreaterThan(0);
      for (const q of p.quotes) expect(p.memberIds).toContain(q.responseId);
      expect(p.card.draft).toBe(true);
      expect(p.name).toBe(p.card.name);
    }
    expect(new Set(result.personas.map((p) => p.name)).size).toBe(segments);
  });

  it("is reproducible: same seed, identical JSON", () => {
    const { input } = plantedInput({ seed: 31, n: 240, segments: 3, shape: "separated" });
    const a = JSON.stringify(runAnalysis(input, { seed: 5, bootstrapRounds: 5 }));
    const b = JSON.stringify(runAnalysis(input, { seed: 5, bootstrapRounds: 5 }));
    expect(a).toBe(b);
  });

  it("reports progress phase by phase up to 100 %", () => {
    const { input } = plantedInput({ seed: 32, n: 150, segments: 3, shape: "separated" });
    const events: AnalysisProgress[] = [];
    runAnalysis(input, { seed: 1, bootstrapRounds: 3, kMax: 4 }, (p) => events.push(p));
    const phases = [...new Set(events.map((e) => e.phase))];
    expect(phases).toEqual(["encode", "choose-k", "stability", "profile", "cards"]);
    const percents = events.map((e) => e.percent);
    expect(percents).toEqual([...percents].sort((x, y) => x - y));
    expect(percents.at(-1)).toBe(100);
  });

  it("honours a forced k, records parameters and excludes respondents who skipped too much", () => {
    const { input } = plantedInput({
      seed: 33,
      n: 200,
      segments: 3,
      shape: "separated",
      missingRate: 0.2,
    });
    const result = ZAnalysisResult.parse(runAnalysis(input, { seed: 2, k: 4, bootstrapRounds: 3 }));
    expect(result.metrics.chosenK).toBe(4);
    expect(result.metrics.reason).toBe("forced");
    expect(result.parameters).toMatchObject({ kMode: "forced", forcedK: 4, seed: 2 });
    const kept = result.personas.reduce((s, p) => s + p.size, 0);
    expect(kept + result.encoding.excludedResponseIds.length).toBe(200);
    expect(result.encoding.clustered).toBe(kept);
    expect(Object.values(result.encoding.imputed).some((n) => n > 0)).toBe(true);
  });
});

describe("runAnalysis applies the evidence rules", () => {
  const { input } = plantedInput({ seed: 34, n: 110, segments: 3, shape: "separated" });
  const result = ZAnalysisResult.parse(runAnalysis(input, { seed: 3, k: 4, bootstrapRounds: 3 }));
  const traits = result.personas.flatMap((p) => p.traits);

  it("records the minimum n and counts only the descriptive family as tests", () => {
    expect(result.parameters.minGroupN).toBe(30);
    const descriptive = traits.filter((t) => t.family === "descriptive");
    const segment = traits.filter((t) => t.family === "segment");
    expect(descriptive.every((t) => !t.segmentInput)).toBe(true);
    expect(segment.every((t) => t.segmentInput)).toBe(true);
    expect(result.metrics.testsRun).toBe(descriptive.length);
    expect(result.metrics.segmentTests).toBe(segment.length);
    expect(result.metrics.distinguishingTraits).toBe(
      descriptive.filter((t) => t.distinguishing).length,
    );
    expect(result.metrics.segmentDistinguishing).toBe(
      segment.filter((t) => t.distinguishing).length,
    );
  });

  it("marks every trait of a persona below 30 insufficient and warns about it", () => {
    const small = result.personas.filter((p) => p.size < 30);
    // 110 respondents in 4 personas: at least one must be below 30.
    expect(small.length).toBeGreaterThan(0);
    for (const p of small) {
      expect(p.traits.every((t) => t.insufficient === true && !t.distinguishing)).toBe(true);
      expect(p.distinguishingTraitIds).toEqual([]);
      expect(
        result.warnings.some((w) =>
          w.startsWith(`${p.name} has ${p.size} members, fewer than the 30`),
        ),
      ).toBe(true);
    }
    expect(result.warnings.join(" ")).not.toMatch(/independent checks/);
  });

  it("takes a configured minimum n", () => {
    const lenient = runAnalysis(input, { seed: 3, k: 4, bootstrapRounds: 3, minGroupN: 10 });
    expect(lenient.parameters.minGroupN).toBe(10);
    expect(lenient.personas.flatMap((p) => p.traits).some((t) => t.distinguishing)).toBe(true);
    expect(() => runAnalysis(input, { minGroupN: 1 })).toThrow(AnalysisInputError);
  });
});

describe("runAnalysis refuses what it cannot analyse", () => {
  const small = plantedInput({ seed: 41, n: 25, segments: 2, shape: "separated" }).input;

  function errorOf(run: () => unknown): AnalysisInputError {
    try {
      run();
    } catch (error) {
      if (error instanceof AnalysisInputError) return error;
      throw error;
    }
    throw new Error("expected an AnalysisInputError");
  }

  it("too few respondents", () => {
    const error = errorOf(() => runAnalysis(small));
    expect(error.code).toBe("too-few-respondents");
    expect(error.message).toMatch(/Too few respondents: 25 .* at least 30/);
  });

  it("too few per persona for a forced k", () => {
    const { input } = plantedInput({ seed: 42, n: 40, segments: 2, shape: "separated" });
    const error = errorOf(() => runAnalysis(input, { k: 9 }));
    expect(error.code).toBe("too-few-per-persona");
    expect(error.message).toMatch(/9 personas need at least 45/);
  });

  it("no segment questions (free text cannot be one)", () => {
    const input: AnalysisInput = {
      ...small,
      questions: small.questions.map((q) => ({
        ...q,
        role: q.kind === "text" ? ("SEGMENT" as const) : ("OTHER" as const),
      })),
    };
    const error = errorOf(() => runAnalysis(input));
    expect(error.code).toBe("no-segment-questions");
    expect(error.message).toMatch(/^No segment questions/);
  });

  it("duplicate response ids and a bad k", () => {
    const first = small.responses[0];
    if (!first) throw new Error("no responses");
    const dup: AnalysisInput = { ...small, responses: [...small.responses, first] };
    expect(errorOf(() => runAnalysis(dup)).message).toMatch(/r0 occurs twice/);
    expect(errorOf(() => runAnalysis(small, { k: 1 })).code).toBe("invalid-input");
  });
});
