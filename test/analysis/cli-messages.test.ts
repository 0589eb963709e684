// The analyze command's sentence about who was clustered: everyone, or how many were left out and
// why, from a real run of the engine on planted answers with many skipped questions.
import { describe, expect, it } from "vitest";
import { runAnalysis } from "~/server/analysis/pipeline";
import type { QuestionDefinition } from "~/server/analysis/survey";
import { generateSegments } from "~/server/analysis/synthetic";
import { clusteredLine } from "~/server/cli/run-analyze";
import { segmentQuestions } from "../helpers/segment-questions";

function run(missingRate: number) {
  const data = generateSegments({ seed: 21, n: 300, segments: 3, shape: "separated", missingRate });
  const questions: QuestionDefinition[] = segmentQuestions(data.features);
  const responses = data.rows.map((answers, i) => ({ id: `r${i}`, answers }));
  return runAnalysis({ questions, responses }, { seed: 1, k: 3, bootstrapRounds: 2 });
}

describe("clusteredLine", () => {
  it("says everyone was clustered when nobody skipped too much", () => {
    expect(clusteredLine(run(0))).toBe("Clustered all 300 respondents on 6 segment questions.");
  });

  it("says how many were left out, what share, and why", () => {
    const result = run(0.45);
    const left = result.encoding.excludedResponseIds.length;
    expect(left).toBeGreaterThan(0);
    const line = clusteredLine(result);
    expect(line).toContain(
      `Clustered ${300 - left} of 300 respondents on 6 segment questions; ${left} (${((left / 300) * 100).toFixed(1)} %) were left out because they skipped more than 50 % of those questions`,
    );
    const filled = Object.values(result.encoding.imputed).reduce((a, b) => a + b, 0);
    expect(line).toContain(`${filled} skipped answers of clustered respondents were filled in`);
  });
});
