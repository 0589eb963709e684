// The template pickers on the Journeys page and in the New survey form read one list: the survey
// form offers every template the Journeys page offers that has stages to ask about, in the same
// order, and each one makes a journey survey with questions for every stage.
import { describe, expect, it } from "vitest";
import { journeyTemplateKeys } from "~/server/domain/journey";
import { journeyTemplateChoices, journeyTemplates } from "~/server/domain/journey-templates";
import { journeySurveyQuestions } from "~/server/domain/survey/journey-survey-template";

describe("journey template choices", () => {
  it("offers every template for a map, and for a survey the same ones that have stages", () => {
    const forMaps = journeyTemplateChoices("map");
    const forSurveys = journeyTemplateChoices("survey");
    expect(forMaps.map((c) => c.key)).toEqual([...journeyTemplateKeys]);
    const withStages = journeyTemplateKeys.filter((k) => journeyTemplates[k].stages.length > 0);
    expect(forSurveys.map((c) => c.key)).toEqual(withStages);
    // The same entries, not a second copy that can drift.
    for (const choice of forSurveys) {
      expect(forMaps.find((c) => c.key === choice.key)).toEqual(choice);
    }
    expect(forSurveys.map((c) => c.key)).toContain("theatre");
    expect(forSurveys.map((c) => c.key)).not.toContain("blank");
  });

  it("gives every survey template a question block for each of its stages", () => {
    for (const choice of journeyTemplateChoices("survey")) {
      const questions = journeySurveyQuestions(
        choice.stages.map((name, i) => ({ id: `stage-${i}`, name })),
      );
      const tied = new Set(questions.flatMap((q) => (q.stageId ? [q.stageId] : [])));
      expect(tied.size).toBe(choice.stages.length);
    }
  });
});
