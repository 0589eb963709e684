// Number questions on persona cards read as comparisons a strategist would write ("Somewhat
// younger than other customers."), from the researcher's end labels when they are comparatives,
// else from defaults for age, income and spend, else a plain "higher/lower numbers" sentence.
// Traits come from profilePersonas on planted answers, so direction and size are real.
import { describe, expect, it } from "vitest";
import { traitClaim, traitClause } from "~/server/analysis/persona-phrasing";
import { profilePersonas } from "~/server/analysis/profile";
import type { Trait } from "~/server/analysis/result";
import type { QuestionDefinition, SurveyResponse } from "~/server/analysis/survey";

/** The persona's (group 0) trait on one number question. */
function traitOf(question: QuestionDefinition, persona: number[], rest: number[]): Trait {
  const values = [...persona, ...rest];
  const responses: SurveyResponse[] = values.map((v, i) => ({
    id: `r${i}`,
    answers: { [question.id]: v },
  }));
  const profile = profilePersonas(
    {
      questions: [question],
      responses,
      assignments: values.map((_, i) => (i < persona.length ? 0 : 1)),
      k: 2,
    },
    { minGroupN: 2 },
  );
  return profile.personas[0]?.traits[0] as Trait;
}

const number = (id: string, label: string, extra: Partial<QuestionDefinition> = {}) =>
  ({ id, label, role: "DEMOGRAPHIC", kind: "numeric", ...extra }) as QuestionDefinition;

// Planted: the persona's numbers sit far below the rest's (no overlap, a large effect).
const LOW = [21, 23, 24, 25, 26, 27, 28, 30];
const HIGH = [48, 50, 52, 53, 55, 57, 58, 61];

describe("number traits on cards", () => {
  it("reads an age question as younger or older, with the size of the difference", () => {
    const q = number("age", "How old are you?");
    const younger = traitOf(q, LOW, HIGH);
    expect(younger.direction).toBe("lower");
    expect(younger.effect.magnitude).toBe("large");
    expect(traitClaim(younger, q)).toBe("Much younger than other customers.");
    expect(traitClause(younger, q)).toBe("is younger");
    const older = traitOf(q, HIGH, LOW);
    expect(traitClaim(older, q)).toBe("Much older than other customers.");
    // The degree follows the effect's size: a small effect reads "somewhat".
    expect(traitClaim({ ...older, effect: { ...older.effect, magnitude: "small" } }, q)).toBe(
      "Somewhat older than other customers.",
    );
    expect(traitClaim({ ...older, effect: { ...older.effect, magnitude: "medium" } }, q)).toBe(
      "Older than other customers.",
    );
    expect(traitClaim({ ...older, direction: "equal" }, q)).toBe(
      "About the same age as other customers.",
    );
  });

  it("has defaults for income and spend, found by the label or the question id", () => {
    const income = number("hh_income", "Annual household income (EUR)");
    expect(traitClaim(traitOf(income, HIGH, LOW), income)).toBe(
      "Earns much more than other customers.",
    );
    const spend = number("spend", "How much did you pay for your last trip?");
    expect(traitClaim(traitOf(spend, LOW, HIGH), spend)).toBe(
      "Spends much less than other customers.",
    );
    // "Average" contains "age" but is not about age.
    const average = number("avg", "Average rating you give hotels");
    expect(traitClaim(traitOf(average, LOW, HIGH), average)).toBe(
      "Gives far lower numbers for “Average rating you give hotels” than other customers.",
    );
  });

  it("uses the researcher's end labels when they are comparatives", () => {
    const both = number("tenure", "Years as a customer", {
      persona: {
        high: { phrase: "more experienced", title: "" },
        low: { phrase: "newer to us", title: "" },
      },
    });
    // "newer to us" is not a comparative on its own: the card keeps the verb-phrase wording.
    expect(traitClaim(traitOf(both, LOW, HIGH), both)).toBe(
      "Newer to us far more than other customers.",
    );
    const comparatives = number("tenure", "Years as a customer", {
      persona: { high: { phrase: "more experienced", title: "" } },
    });
    // One "more …" end given: the other end is its "less …" opposite.
    expect(traitClaim(traitOf(comparatives, LOW, HIGH), comparatives)).toBe(
      "Much less experienced than other customers.",
    );
    expect(traitClause(traitOf(comparatives, HIGH, LOW), comparatives)).toBe("is more experienced");
    // Researcher labels win over the age default.
    const age = number("age", "Age", {
      persona: { high: { phrase: "senior", title: "" }, low: { phrase: "junior", title: "" } },
    });
    expect(traitClaim(traitOf(age, HIGH, LOW), age)).toBe("Senior far more than other customers.");
  });

  it("says plainly which way a number without wording goes", () => {
    const trips = number("trips", "Trips per year", { role: "OTHER" });
    expect(traitClaim(traitOf(trips, HIGH, LOW), trips)).toBe(
      "Gives far higher numbers for “Trips per year” than other customers.",
    );
    expect(traitClause(traitOf(trips, HIGH, LOW), trips)).toBe(
      "gives high numbers for “Trips per year”",
    );
  });
});
