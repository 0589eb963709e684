// From CSV strings to typed answers, and the survey.json schema.
import { describe, expect, it } from "vitest";
import {
  responsesFromTable,
  TableInputError,
  tableQuestionsFromSurvey,
  ZSurveyFile,
} from "~/server/analysis/table-input";

const survey = ZSurveyFile.parse({
  idColumn: "id",
  questions: [
    {
      id: "wifi",
      column: "inflight_wifi",
      role: "SEGMENT",
      kind: "ordinal",
      min: 1,
      max: 5,
      missing: ["0"],
    },
    { id: "mood", role: "EMOTION", kind: "ordinal", options: ["bad", "ok", "good"] },
    { id: "channels", role: "TOUCHPOINT", kind: "multi", separator: "|" },
    { id: "plan", label: "Plan", role: "DEMOGRAPHIC", kind: "categorical" },
    { id: "why", role: "THOUGHT", kind: "text" },
  ],
});
const header = ["id", "inflight_wifi", "mood", "channels", "plan", "why", "unused"];

describe("responsesFromTable", () => {
  it("converts cells per kind and blanks missing tokens", () => {
    const responses = responsesFromTable(
      header,
      [
        {
          id: "a",
          inflight_wifi: "4",
          mood: "good",
          channels: "web| app ",
          plan: " Pro ",
          why: " fast ",
        },
        { id: "b", inflight_wifi: "0", mood: "NA", channels: "", plan: "n/a", why: "" },
      ],
      tableQuestionsFromSurvey(survey),
      { idColumn: survey.idColumn },
    );
    expect(responses).toEqual([
      {
        id: "a",
        answers: { wifi: 4, mood: "good", channels: ["web", "app"], plan: "Pro", why: "fast" },
      },
      { id: "b", answers: { wifi: null, mood: null, channels: null, plan: null, why: null } },
    ]);
  });

  it("numbers respondents by CSV line without an id column", () => {
    const responses = responsesFromTable(
      header,
      [{ plan: "x" }, { plan: "y" }],
      [
        {
          question: { id: "plan", label: "Plan", role: "OTHER", kind: "categorical" },
          column: "plan",
        },
      ],
    );
    expect(responses.map((r) => r.id)).toEqual(["line-2", "line-3"]);
  });

  it("rejects duplicate ids and unknown columns", () => {
    const questions = tableQuestionsFromSurvey(survey);
    expect(() =>
      responsesFromTable(header, [{ id: "a" }, { id: "b" }, { id: "a" }], questions, {
        idColumn: "id",
      }),
    ).toThrow(/id a occurs twice \(CSV lines 2 and 4\)/);
    expect(() => responsesFromTable(["id"], [], questions)).toThrow(TableInputError);
  });
});

describe("ZSurveyFile", () => {
  it("defaults labels to ids and rejects bad roles, kinds and ranges", () => {
    expect(tableQuestionsFromSurvey(survey)[0]?.question).toEqual({
      id: "wifi",
      label: "wifi",
      role: "SEGMENT",
      kind: "ordinal",
      min: 1,
      max: 5,
    });
    const bad = (q: object) => ZSurveyFile.safeParse({ questions: [q] }).success;
    expect(bad({ id: "x", role: "SEGMENT", kind: "ordinal" })).toBe(true);
    expect(bad({ id: "x", role: "BOSS", kind: "ordinal" })).toBe(false);
    expect(bad({ id: "x", role: "SEGMENT", kind: "scale" })).toBe(false);
    expect(bad({ id: "x", role: "SEGMENT", kind: "numeric", min: 5, max: 1 })).toBe(false);
    expect(ZSurveyFile.safeParse({ questions: [] }).success).toBe(false);
  });

  it("rejects a question listed twice", () => {
    const twice = ZSurveyFile.parse({
      questions: [
        { id: "x", role: "SEGMENT", kind: "numeric" },
        { id: "x", role: "OTHER", kind: "numeric" },
      ],
    });
    expect(() => tableQuestionsFromSurvey(twice)).toThrow(/lists question x twice/);
  });
});

describe("journey stages and the app's multiple-choice columns", () => {
  it("accepts stages and a question's stage, and rejects a stage that is not listed or twice", () => {
    const stages = [
      { id: "discovery", name: "Discovery" },
      { id: "purchase", name: "Purchase" },
    ];
    const q = { id: "feel", role: "EMOTION", kind: "ordinal", stage: "purchase" };
    expect(ZSurveyFile.safeParse({ stages, questions: [q] }).success).toBe(true);
    const unknown = ZSurveyFile.safeParse({ stages, questions: [{ ...q, stage: "nowhere" }] });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toMatch(/names stage "nowhere"/);
    expect(ZSurveyFile.safeParse({ questions: [q] }).success).toBe(false);
    const twice = ZSurveyFile.safeParse({ stages: [...stages, stages[0]], questions: [q] });
    expect(twice.error?.issues[0]?.message).toMatch(/listed twice/);
  });

  it("reads a multi question from <column>__<option> 0/1 columns, blank row = not answered", () => {
    const file = ZSurveyFile.parse({
      questions: [
        {
          id: "ch",
          role: "TOUCHPOINT",
          kind: "multi",
          options: ["web", "shop"],
          optionColumns: true,
        },
      ],
    });
    const header = ["ch__web", "ch__shop"];
    const rows = [
      { ch__web: "1", ch__shop: "0" },
      { ch__web: "0", ch__shop: "0" },
      { ch__web: "", ch__shop: "" },
      { ch__web: "1", ch__shop: "1" },
    ];
    const responses = responsesFromTable(header, rows, tableQuestionsFromSurvey(file));
    expect(responses.map((r) => r.answers.ch)).toEqual([["web"], [], null, ["web", "shop"]]);
    expect(() => responsesFromTable(["ch__web"], rows, tableQuestionsFromSurvey(file))).toThrow(
      /no column ch__shop/,
    );
    const noOptions = ZSurveyFile.safeParse({
      questions: [{ id: "ch", role: "OTHER", kind: "multi", optionColumns: true }],
    });
    expect(noOptions.success).toBe(false);
  });
});
