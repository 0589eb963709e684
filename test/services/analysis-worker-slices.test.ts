// The analysis child gets its input a slice of rows at a time (analysis-worker-process.ts): the
// persona engine in the child must see exactly the input the web process holds, in its order,
// with skipped answers still skipped. The same planted survey run in this process and through the
// child, sliced into uneven pieces, gives the same result.
import { describe, expect, it } from "vitest";
import { runAnalysis } from "~/server/analysis/pipeline";
import { ZAnalysisResult } from "~/server/analysis/result";
import { createRng } from "~/server/analysis/rng";
import type { AnalysisInput, Answer, QuestionDefinition } from "~/server/analysis/survey";
import { generateSegments } from "~/server/analysis/synthetic";
import { startAnalysisWorker } from "~/server/infra/worker/analysis-worker-process";
import { segmentQuestions } from "../helpers/segment-questions";

function plantedInput(): AnalysisInput {
  const data = generateSegments({ seed: 31, n: 240, segments: 3, shape: "separated" });
  const rng = createRng(77);
  const questions: QuestionDefinition[] = [
    ...segmentQuestions(data.features, (f) => `Scale ${f.id}`),
    { id: "region", label: "Region", role: "DEMOGRAPHIC", kind: "categorical" },
    { id: "note", label: "Anything else?", role: "THOUGHT", kind: "text" },
  ];
  const responses = data.rows.map((row, i) => {
    const segment = data.labels[i] as number;
    const answers: Record<string, Answer> = { ...row };
    // Some people skip the demographic, some the open question: a slice may lack a key.
    if (rng.next() < 0.85) answers.region = `region-${segment}`;
    if (i % 3 === 0) answers.note = `respondent ${i} of group ${segment} wrote this note`;
    return { id: `r${i}`, answers };
  });
  return { questions, responses };
}

describe("analysis child input in slices", () => {
  it("computes from sliced input exactly what the engine computes from the whole", async () => {
    const input = plantedInput();
    const options = { seed: 5 };
    const expected = ZAnalysisResult.parse(runAnalysis(input, options));
    const worker = startAnalysisWorker(input, options, () => undefined, { rowsPerSlice: 37 });
    const outcome = await worker.outcome;
    expect(outcome.kind).toBe("result");
    if (outcome.kind !== "result") return;
    expect(outcome.result.personas.flatMap((p) => p.memberIds).sort()).toEqual(
      input.responses.map((r) => r.id).sort(),
    );
    expect(JSON.stringify(outcome.result)).toBe(JSON.stringify(expected));
  }, 120_000);
});
