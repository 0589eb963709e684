// Compound conditions: the schema accepts the older single comparison and nested and / or / not
// groups within the depth limit, and one evaluator decides who sees, may answer and must answer
// a question, on the server and on the respondent page alike.
import { describe, expect, it } from "vitest";
import { answersToSend, checkPage, questionsOnPage } from "~/app/_components/respondent/flow";
import { checkAnswers } from "~/server/domain/survey/answers";
import {
  describeCondition,
  evaluateCondition,
  maxConditionDepth,
  renameSource,
  withoutSource,
  ZCondition,
  type TCondition,
} from "~/server/domain/survey/conditions";
import { ZSurveyQuestions, type TQuestionDefinitionInput } from "~/server/domain/survey/definition";

const answersOf = (answers: Record<string, number | string | string[]>) => (key: string) =>
  answers[key];

describe("the condition schema", () => {
  it("still reads the single comparison stored before groups existed", () => {
    const old = { questionKey: "budget", operator: "greaterThan", value: "5" };
    expect(ZCondition.parse(old)).toEqual(old);
  });

  it("reads nested groups and refuses them past the depth limit", () => {
    const leaf = { questionKey: "a", operator: "notEmpty" } as const;
    let nested: TCondition = leaf;
    for (let i = 1; i < maxConditionDepth; i += 1) nested = { not: nested };
    expect(ZCondition.safeParse(nested).success).toBe(true);
    expect(ZCondition.safeParse({ and: [nested] }).success).toBe(false);
  });

  it("asks for a value where one is needed and a number where numbers compare", () => {
    expect(ZCondition.safeParse({ questionKey: "a", operator: "equals" }).success).toBe(false);
    expect(
      ZCondition.safeParse({ questionKey: "a", operator: "atLeast", value: "many" }).success,
    ).toBe(false);
    expect(ZCondition.safeParse({ questionKey: "a", operator: "oneOf", value: "x" }).success).toBe(
      false,
    );
    expect(ZCondition.safeParse({ and: [] }).success).toBe(false);
  });
});

describe("evaluateCondition", () => {
  const answers = answersOf({ kids: "yes", count: 2, extras: ["roof", "seats"], note: "Too LOUD" });

  it("compares each operator with the answer", () => {
    const holds = (c: TCondition) => evaluateCondition(c, answers);
    expect(holds({ questionKey: "kids", operator: "equals", value: "yes" })).toBe(true);
    expect(holds({ questionKey: "kids", operator: "notEquals", value: "yes" })).toBe(false);
    expect(holds({ questionKey: "count", operator: "greaterThan", value: 2 })).toBe(false);
    expect(holds({ questionKey: "count", operator: "atLeast", value: 2 })).toBe(true);
    expect(holds({ questionKey: "count", operator: "lessThan", value: 2 })).toBe(false);
    expect(holds({ questionKey: "count", operator: "atMost", value: 2 })).toBe(true);
    expect(holds({ questionKey: "extras", operator: "equals", value: "roof" })).toBe(true);
    expect(holds({ questionKey: "extras", operator: "allOf", value: ["roof", "tow"] })).toBe(false);
    expect(holds({ questionKey: "extras", operator: "allOf", value: ["roof", "seats"] })).toBe(
      true,
    );
    expect(holds({ questionKey: "extras", operator: "oneOf", value: ["tow", "seats"] })).toBe(true);
    expect(holds({ questionKey: "note", operator: "contains", value: "loud" })).toBe(true);
    expect(holds({ questionKey: "gone", operator: "empty" })).toBe(true);
    expect(holds({ questionKey: "gone", operator: "notEmpty" })).toBe(false);
    // An unanswered question is "not" anything, and never "more" or "one of".
    expect(holds({ questionKey: "gone", operator: "notEquals", value: "yes" })).toBe(true);
    expect(holds({ questionKey: "gone", operator: "oneOf", value: ["yes"] })).toBe(false);
  });

  it("combines groups: and, or, not", () => {
    const yes = { questionKey: "kids", operator: "equals", value: "yes" } as const;
    const many = { questionKey: "count", operator: "atLeast", value: 3 } as const;
    expect(evaluateCondition({ and: [yes, many] }, answers)).toBe(false);
    expect(evaluateCondition({ or: [yes, many] }, answers)).toBe(true);
    expect(evaluateCondition({ not: { and: [yes, many] } }, answers)).toBe(true);
  });

  it("keeps conditions in step with renamed and removed questions, and reads them out", () => {
    const c: TCondition = {
      and: [
        { questionKey: "kids", operator: "equals", value: "yes" },
        { questionKey: "count", operator: "atLeast", value: 1 },
      ],
    };
    expect(renameSource(c, "kids", "has_kids")).toEqual({
      and: [
        { questionKey: "has_kids", operator: "equals", value: "yes" },
        { questionKey: "count", operator: "atLeast", value: 1 },
      ],
    });
    expect(withoutSource(c, "kids")).toEqual({
      questionKey: "count",
      operator: "atLeast",
      value: 1,
    });
    expect(withoutSource({ questionKey: "kids", operator: "empty" }, "kids")).toBeNull();
    const questions = [
      {
        key: "kids",
        text: { en: "Do you have kids?" },
        options: [{ value: "yes", label: { en: "Yes" } }],
      },
      { key: "count", text: { en: "How many?" }, options: [] },
    ];
    expect(describeCondition(c, questions)).toBe(
      '"Do you have kids?" is "Yes" and "How many?" is at least 1',
    );
  });
});

describe("conditions on a survey", () => {
  const input: TQuestionDefinitionInput[] = [
    {
      key: "kids",
      type: "SINGLE_CHOICE",
      required: true,
      text: { en: "Do you have kids?" },
      options: [
        { value: "yes", label: { en: "Yes" } },
        { value: "no", label: { en: "No" } },
      ],
    },
    { key: "count", type: "NUMBER", page: 1, text: { en: "How many?" }, settings: { min: 0 } },
    {
      key: "youngest",
      type: "NUMBER",
      page: 1,
      required: true,
      text: { en: "Age of the youngest?" },
      logic: {
        and: [
          { questionKey: "kids", operator: "equals", value: "yes" },
          { not: { questionKey: "count", operator: "atMost", value: 0 } },
        ],
      },
    },
    {
      key: "school",
      type: "SHORT_TEXT",
      page: 1,
      text: { en: "Which school?" },
      settings: {
        enableIf: { questionKey: "youngest", operator: "atLeast", value: 6 },
        requiredIf: { questionKey: "youngest", operator: "atLeast", value: 6 },
      },
    },
  ];
  const questions = ZSurveyQuestions.parse(input);

  it("does not require hidden questions: 'No' to kids needs no kid ages", () => {
    const server = checkAnswers(questions, { kids: "no" }, { complete: true });
    expect(server.errors).toEqual({});
    expect(questionsOnPage(questions, { kids: "no" }, 1).map((q) => q.key)).toEqual([
      "count",
      "school",
    ]);
    expect(checkPage(questions, { kids: "no" }, 1, "en")).toEqual({});
  });

  it("requires and enables on the page as the server does", () => {
    const answers = { kids: "yes", count: "2", youngest: "7" };
    const shown = questionsOnPage(questions, answers, 1);
    expect(shown.find((q) => q.key === "school")).toMatchObject({
      required: true,
      disabled: false,
    });
    expect(Object.keys(checkPage(questions, answers, 1, "en"))).toEqual(["school"]);
    expect(Object.keys(checkAnswers(questions, answers, { complete: true }).errors)).toEqual([
      "school",
    ]);

    const young = { kids: "yes", count: "1", youngest: "3", school: "Elm" };
    expect(questionsOnPage(questions, young, 1).find((q) => q.key === "school")).toMatchObject({
      required: false,
      disabled: true,
    });
    // The page does not send an answer the server would refuse.
    expect(answersToSend(questions, young)).toEqual({ kids: "yes", count: 1, youngest: 3 });
    expect(checkAnswers(questions, young, { complete: true }).errors).toEqual({
      school: "This question does not apply to your earlier answers.",
    });
  });

  it("refuses conditions on later questions, in groups too", () => {
    const later = ZSurveyQuestions.safeParse([
      { ...input[0], logic: { or: [{ questionKey: "count", operator: "notEmpty" }] } },
      input[1],
    ]);
    expect(later.success).toBe(false);
  });
});
