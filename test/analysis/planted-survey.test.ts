// The default path a bare CSV takes (column inference -> table input -> runAnalysis with automatic
// k) on a survey export with four planted personas (40/30/20/10 %), agreement items, choice
// questions, age, trips, a random rating, a random colour and 3 % blank cells. The default inputs
// must find the four personas as k-means on well-weighted inputs can (scikit-learn on
// standardised columns reaches ARI ≈ 0.97 on this kind of data).
import { describe, expect, it } from "vitest";
import { inferColumns } from "~/server/analysis/infer-columns";
import {
  PLANTED_SURVEY_HEADER,
  plantedSurvey,
  plantedSurveyRows,
} from "~/server/analysis/planted-survey";
import { runAnalysis } from "~/server/analysis/pipeline";
import { adjustedRandIndex } from "~/server/analysis/quality";
import { responsesFromTable } from "~/server/analysis/table-input";

describe("plantedSurvey", () => {
  it("is deterministic, plants 40/30/20/10 % and blanks about 3 % of the cells", () => {
    const a = plantedSurvey({ seed: 5, n: 4000 });
    expect(plantedSurvey({ seed: 5, n: 4000 })).toEqual(a);
    expect(a.header).toEqual(PLANTED_SURVEY_HEADER);
    const shares = [0, 1, 2, 3].map((p) => a.personas.filter((x) => x === p).length / 4000);
    [0.4, 0.3, 0.2, 0.1].forEach((s, p) =>
      expect(Math.abs((shares[p] as number) - s)).toBeLessThan(0.03),
    );
    const cells = a.rows.flatMap((r) => PLANTED_SURVEY_HEADER.slice(1).map((h) => r[h]));
    const blank = cells.filter((c) => c === "").length / cells.length;
    expect(blank).toBeGreaterThan(0.02);
    expect(blank).toBeLessThan(0.04);
    // The row generator yields the same rows one at a time.
    const first = plantedSurveyRows({ seed: 5, n: 4000 }).next().value;
    expect(first?.cells).toEqual(a.rows[0]);
  });
});

describe("default inputs on a planted survey", () => {
  const { header, rows, personas } = plantedSurvey({ seed: 7, n: 3000 });
  const inference = inferColumns(header, rows);
  const role = (id: string) => inference.questions.find((q) => q.id === id)?.role;

  it("clusters on the agreement items and the choice questions, not on age or identifiers", () => {
    for (const id of PLANTED_SURVEY_HEADER.slice(1, 11)) expect(role(id)).toBe("SEGMENT");
    expect(role("age")).toBe("DEMOGRAPHIC");
    expect(role("trips_per_year")).toBe("OTHER");
    expect(inference.idColumn).toBe("respondent_id");
  });

  it("finds k = 4 and the planted personas (ARI >= 0.95), clustering everyone", () => {
    const responses = responsesFromTable(
      header,
      rows,
      inference.questions.map((question) => ({ question, column: question.id })),
      { idColumn: inference.idColumn },
    );
    const result = runAnalysis(
      { questions: inference.questions, responses },
      { seed: 1, bootstrapRounds: 5 },
    );
    expect(result.metrics.chosenK).toBe(4);
    expect(result.encoding.clustered).toBe(3000);
    expect(result.encoding.weighting).toBe("spread");
    // The random rating and colour are flagged as noise (still clustered on); nothing planted is.
    expect(result.encoding.unrelated?.map((u) => u.questionId)).toEqual([
      "website_rating",
      "favourite_colour",
    ]);
    const persona = new Map<string, number>();
    for (const p of result.personas) for (const id of p.memberIds) persona.set(id, p.index);
    const found = responses.map((r) => persona.get(r.id) ?? -1);
    expect(adjustedRandIndex(personas, found)).toBeGreaterThanOrEqual(0.95);
    // About 2 s alone; the limit leaves room for a machine busy with other suites.
  }, 30_000);
});
