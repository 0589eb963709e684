// Answer checking: types, ranges, options, display logic, required questions, unknown keys.
import { describe, expect, it } from "vitest";
import { checkAnswers, visibleQuestionKeys } from "~/server/domain/survey/answers";
import { ZSurveyQuestions, type TQuestionDefinitionInput } from "~/server/domain/survey/definition";

const input: TQuestionDefinitionInput[] = [
  {
    key: "budget",
    type: "SINGLE_CHOICE",
    required: true,
    text: { en: "Budget?" },
    options: [
      { value: "low", label: { en: "Low" } },
      { value: "high", label: { en: "High" } },
    ],
  },
  {
    key: "luxury",
    type: "MULTIPLE_CHOICE",
    required: true,
    text: { en: "Which extras?" },
    options: [
      { value: "leather", label: { en: "Leather" } },
      { value: "sunroof", label: { en: "Sunroof" } },
    ],
    logic: { questionKey: "budget", operator: "equals", value: "high" },
  },
  { key: "feel", type: "EMOTION", required: true, text: { en: "How did you feel?" } },
  { key: "pain", type: "PAIN", text: { en: "How painful?" } },
  { key: "nps", type: "RATING", text: { en: "Recommend?" }, settings: { nps: true } },
  {
    key: "why",
    type: "LONG_TEXT",
    text: { en: "Why so low?" },
    logic: { questionKey: "nps", operator: "greaterThan", value: 8 },
  },
  { key: "age", type: "NUMBER", text: { en: "Age" }, settings: { min: 16, max: 99 } },
  { key: "agree", type: "LIKERT", text: { en: "Agree?" }, settings: { points: 7 } },
];
const questions = ZSurveyQuestions.parse(input);

describe("checkAnswers", () => {
  it("accepts a valid complete set and normalises values", () => {
    const { values, errors } = checkAnswers(
      questions,
      {
        budget: "high",
        luxury: ["sunroof", "leather", "sunroof"],
        feel: -2,
        pain: "3",
        nps: 10,
        why: "  great dealer  ",
        age: 42.5,
        agree: 7,
      },
      { complete: true },
    );
    expect(errors).toEqual({});
    expect(values).toEqual({
      budget: "high",
      luxury: ["leather", "sunroof"],
      feel: -2,
      pain: 3,
      nps: 10,
      why: "great dealer",
      age: 42.5,
      agree: 7,
    });
  });

  it("explains each kind of bad value", () => {
    const { errors, values } = checkAnswers(
      questions,
      { budget: "medium", feel: 3, pain: 1.5, nps: "ten", age: 12, agree: 8 },
      { complete: false },
    );
    expect(errors).toEqual({
      budget: "Choose one of the options shown.",
      feel: "Enter a value from -2 to 2.",
      pain: "Choose one of the points on the scale.",
      nps: "Enter a number.",
      age: "Enter a value from 16 to 99.",
      agree: "Enter a value from 1 to 7.",
    });
    expect(values).toEqual({});
  });

  it("requires visible required questions only when completing", () => {
    expect(checkAnswers(questions, { budget: "low" }, { complete: false }).errors).toEqual({});
    const complete = checkAnswers(questions, { budget: "low" }, { complete: true });
    // luxury is hidden (budget is low), so it is not required.
    expect(complete.errors).toEqual({ feel: "Please answer this question." });
  });

  it("refuses answers to hidden or unknown questions", () => {
    const { errors } = checkAnswers(
      questions,
      { budget: "low", luxury: ["leather"], nps: 5, why: "because", hacker: "x" },
      { complete: false },
    );
    expect(errors).toEqual({
      luxury: "This question does not apply to your earlier answers.",
      why: "This question does not apply to your earlier answers.",
      hacker: "This question is not part of the survey.",
    });
  });

  it("speaks German when asked", () => {
    const { errors } = checkAnswers(questions, {}, { complete: true, locale: "de" });
    expect(errors.budget).toBe("Bitte beantworten Sie diese Frage.");
  });
});

describe("visibleQuestionKeys", () => {
  it("follows logic chains", () => {
    expect(visibleQuestionKeys(questions, { budget: "high", nps: 9 })).toEqual(
      new Set(["budget", "luxury", "feel", "pain", "nps", "why", "age", "agree"]),
    );
    expect(visibleQuestionKeys(questions, {}).has("luxury")).toBe(false);
  });
});

describe("ZSurveyQuestions", () => {
  it("refuses duplicate keys, choice questions without options, and logic on later questions", () => {
    const result = ZSurveyQuestions.safeParse([
      { key: "a", type: "SINGLE_CHOICE", text: { en: "A" }, options: [] },
      {
        key: "a",
        type: "SHORT_TEXT",
        text: { en: "B" },
        logic: { questionKey: "c", operator: "equals", value: "x" },
      },
      { key: "c", type: "SHORT_TEXT", text: { en: "C" } },
    ]);
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => i.message) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        "Give at least two options.",
        'The key "a" is used twice.',
        "Display logic can only depend on an earlier question.",
      ]),
    );
  });
});
