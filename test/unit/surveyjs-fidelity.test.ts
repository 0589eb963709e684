// SurveyJS fidelity: a file made elsewhere keeps its question names, choice values, element
// types, rating ranges and end labels, "Other" items and page titles through import and export,
// so data collected with the original survey still matches the exported one. The JSON here is
// written for these tests in the shapes real SurveyJS files have.
import { describe, expect, it } from "vitest";
import { ZSurveyQuestions, type TQuestionDefinition } from "~/server/domain/survey/definition";
import { toSurveyJs } from "~/server/domain/survey/surveyjs/export";
import { ZImportOptions } from "~/server/domain/survey/response-import";
import { proposeMapping } from "~/server/features/responses/response-import-mapping";
import { readRules } from "~/server/features/responses/response-import-row-reader";
import { interpretRow } from "~/server/features/responses/response-import-rows";
import { fromSurveyJs } from "~/server/domain/survey/surveyjs/import";

type Json = Record<string, unknown>;

const pricingSurvey = {
  title: "Choosing a plan",
  pages: [
    {
      name: "About you",
      title: { default: "About you", de: "Über Sie" },
      description: "A few facts first.",
      elements: [
        {
          type: "dropdown",
          name: "Which Plan Do You Use Today And Why Did You Choose It Over The Others Available",
          title: "Which plan do you use today?",
          choices: [
            "Less expensive",
            { value: "Pro plan", text: { default: "Pro plan", de: "Profi-Tarif" } },
            { value: 3, text: "Team (3 seats)" },
          ],
        },
        {
          type: "radiogroup",
          name: "Household",
          title: "How many people live with you?",
          choices: ["one|Just me", "two|Two of us", "many|More than two", 7],
          hasOther: true,
          otherText: { default: "Other (please specify)", de: "Anderes (bitte angeben)" },
        },
      ],
    },
    {
      name: "Opinions",
      title: "What you think",
      elements: [
        {
          type: "rating",
          name: "EaseOfUse",
          title: "How easy is it to use?",
          rateMin: 1,
          rateMax: 5,
          mininumRateDescription: { default: "Very hard", de: "Sehr schwer" },
          maxRateDescription: "Very easy",
        },
        {
          type: "rating",
          name: "Value score",
          title: "Value for money",
          rateMin: 1,
          rateMax: 10,
          minRateDescription: "Poor",
          maxRateDescription: "Excellent",
        },
        {
          type: "checkbox",
          name: "Features used",
          title: "Which features do you use?",
          choices: ["Reports & exports", "Sharing", "API access"],
          showNoneItem: true,
        },
        {
          type: "tagbox",
          name: "tags",
          title: "Pick tags",
          choices: ["fast", "cheap"],
        },
        {
          type: "boolean",
          name: "WouldRecommend",
          title: "Would you recommend us?",
          labelTrue: "Yes, gladly",
          labelFalse: "Rather not",
          valueTrue: "Y",
          valueFalse: "N",
        },
        {
          type: "comment",
          name: "Why Not",
          title: "What holds you back?",
          visibleIf: "{WouldRecommend} = 'N' or {WouldRecommend} = 'Y'",
        },
        {
          type: "comment",
          name: "Pro feedback",
          title: "What do you like about Pro?",
          visibleIf:
            "{Which Plan Do You Use Today And Why Did You Choose It Over The Others Available} = 'Pro plan'",
        },
      ],
    },
  ],
};

const elementsOf = (json: Json) =>
  (json.pages as { elements: Json[] }[]).flatMap((p) => p.elements);
const named = (json: Json, name: string) => {
  const el = elementsOf(json).find((e) => e.name === name);
  if (!el) throw new Error(`no element "${name}"`);
  return el;
};
const question = (questions: TQuestionDefinition[], name: string) => {
  const q = questions.find((x) => (x.settings.surveyJs?.name ?? x.key) === name);
  if (!q) throw new Error(`no question "${name}"`);
  return q;
};
/** What a SurveyJS choice is stored as in response data: its value. */
const choiceValues = (el: Json) =>
  (el.choices as unknown[]).map((c) =>
    typeof c === "object" && c !== null
      ? (c as Json).value
      : typeof c === "string"
        ? c.split("|")[0]
        : c,
  );

describe("importing keeps what the data is keyed by", () => {
  const result = fromSurveyJs(pricingSurvey);
  const { questions } = result.definition;

  it("keeps every original name, long, capitalised or with spaces, beside a safe key", () => {
    expect(ZSurveyQuestions.safeParse(questions).success).toBe(true);
    const names = elementsOf(pricingSurvey).map((e) => e.name);
    expect(questions.map((q) => q.settings.surveyJs?.name ?? q.key)).toEqual(names);
    const plan = question(
      questions,
      "Which Plan Do You Use Today And Why Did You Choose It Over The Others Available",
    );
    expect(plan.key).toMatch(/^[a-z][a-z0-9_]*$/);
    // "tags" fits our keys as it is, so nothing extra is stored.
    expect(question(questions, "tags").settings.surveyJs).toEqual({ type: "tagbox" });
    expect(result.unmapped.some((u) => /became|renamed/i.test(u.what + u.why))).toBe(false);
  });

  it("keeps choice values, splits value|text, and reads numbers and localised labels", () => {
    const plan = question(
      questions,
      "Which Plan Do You Use Today And Why Did You Choose It Over The Others Available",
    );
    expect(plan.options.map((o) => o.source ?? o.value)).toEqual(["Less expensive", "Pro plan", 3]);
    expect(plan.options[1]?.label).toEqual({ en: "Pro plan", de: "Profi-Tarif" });
    expect(plan.options[2]?.label).toEqual({ en: "Team (3 seats)" });
    const household = question(questions, "Household");
    expect(household.options.map((o) => [o.value, o.label.en])).toEqual([
      ["one", "Just me"],
      ["two", "Two of us"],
      ["many", "More than two"],
      ["7", "7"],
      ["other", "Other (please specify)"],
    ]);
    expect(household.options[3]?.source).toBe(7);
    expect(household.options[4]?.label.de).toBe("Anderes (bitte angeben)");
    expect(household.settings.surveyJs?.otherValue).toBe("other");
  });

  it("maps conditions onto the kept values", () => {
    const plan = question(
      questions,
      "Which Plan Do You Use Today And Why Did You Choose It Over The Others Available",
    );
    const pro = plan.options.find((o) => o.source === "Pro plan");
    expect(question(questions, "Pro feedback").logic).toEqual({
      questionKey: plan.key,
      operator: "equals",
      value: pro?.value,
    });
    expect(question(questions, "Why Not").logic).toEqual({
      questionKey: question(questions, "WouldRecommend").key,
      operator: "oneOf",
      value: ["N", "Y"],
    });
  });

  it("keeps rating end labels in both spellings and the range of a scale it has no type for", () => {
    const ease = question(questions, "EaseOfUse");
    expect(ease.type).toBe("LIKERT");
    expect(ease.settings.minLabel).toEqual({ en: "Very hard", de: "Sehr schwer" });
    expect(ease.settings.maxLabel).toEqual({ en: "Very easy" });
    const value = question(questions, "Value score");
    expect(value.type).toBe("NUMBER");
    expect(value.settings).toMatchObject({
      min: 1,
      max: 10,
      minLabel: { en: "Poor" },
      maxLabel: { en: "Excellent" },
    });
    expect(result.unmapped.some((u) => u.what.includes("mininumRateDescription"))).toBe(false);
  });

  it("keeps page names and titles in both languages", () => {
    const first = question(
      questions,
      "Which Plan Do You Use Today And Why Did You Choose It Over The Others Available",
    );
    expect(first.settings.surveyJs?.page).toEqual({
      name: "About you",
      title: { en: "About you", de: "Über Sie" },
      description: { en: "A few facts first." },
    });
    expect(question(questions, "Household").settings.surveyJs?.page).toBeUndefined();
    expect(question(questions, "EaseOfUse").settings.surveyJs?.page?.title).toEqual({
      en: "What you think",
    });
    expect(result.unmapped.some((u) => u.what.startsWith("Title and description"))).toBe(false);
  });
});

describe("export writes the same names, values and element types back", () => {
  const imported = fromSurveyJs(pricingSurvey);
  const exported = JSON.parse(JSON.stringify(toSurveyJs(imported.definition))) as Json;

  it("round-trips every name and every stored choice value", () => {
    expect(elementsOf(exported).map((e) => e.name)).toEqual(
      elementsOf(pricingSurvey).map((e) => e.name),
    );
    for (const name of [
      "Which Plan Do You Use Today And Why Did You Choose It Over The Others Available",
      "Household",
      "Features used",
      "tags",
    ]) {
      expect(choiceValues(named(exported, name)), name).toEqual(
        choiceValues(named(pricingSurvey, name)),
      );
    }
  });

  it("writes dropdowns, tag boxes, yes/no, Other and None items as SurveyJS had them", () => {
    const plan = named(
      exported,
      "Which Plan Do You Use Today And Why Did You Choose It Over The Others Available",
    );
    expect(plan.type).toBe("dropdown");
    expect(named(exported, "tags").type).toBe("tagbox");
    expect(named(exported, "Household")).toMatchObject({
      type: "radiogroup",
      showOtherItem: true,
      otherText: { default: "Other (please specify)", de: "Anderes (bitte angeben)" },
    });
    expect(named(exported, "Features used")).toMatchObject({ showNoneItem: true });
    expect(named(exported, "WouldRecommend")).toMatchObject({
      type: "boolean",
      valueTrue: "Y",
      valueFalse: "N",
      labelTrue: "Yes, gladly",
      labelFalse: "Rather not",
    });
  });

  it("writes ratings with their range and end labels, and pages with their titles", () => {
    expect(named(exported, "Value score")).toMatchObject({
      type: "rating",
      rateMin: 1,
      rateMax: 10,
      minRateDescription: "Poor",
      maxRateDescription: "Excellent",
    });
    expect(named(exported, "EaseOfUse")).toMatchObject({
      minRateDescription: { default: "Very hard", de: "Sehr schwer" },
    });
    const pages = exported.pages as Json[];
    expect(pages.map((p) => [p.name, p.title])).toEqual([
      ["About you", { default: "About you", de: "Über Sie" }],
      ["Opinions", "What you think"],
    ]);
  });

  it("writes conditions with the original names and values", () => {
    expect(named(exported, "Pro feedback").visibleIf).toBe(
      "{Which Plan Do You Use Today And Why Did You Choose It Over The Others Available} = 'Pro plan'",
    );
    expect(named(exported, "Why Not").visibleIf).toBe("{WouldRecommend} anyof ['N', 'Y']");
  });

  it("imports its own export to the same definition, with nothing more left out", () => {
    const again = fromSurveyJs(exported);
    expect(again.definition).toEqual(imported.definition);
    expect(again.unmapped.length).toBeLessThanOrEqual(imported.unmapped.length);
  });
});

describe("data collected with the original survey", () => {
  const { questions } = fromSurveyJs(pricingSurvey).definition;
  const planName =
    "Which Plan Do You Use Today And Why Did You Choose It Over The Others Available";

  it("finds its columns by the original names and reads the original choice values", () => {
    const headers = [planName, "Household", "Value score"];
    const mapping = proposeMapping(headers, questions);
    const plan = question(questions, planName);
    const household = question(questions, "Household");
    expect(mapping.questions.find((m) => m.key === plan.key)?.column).toBe(planName);
    const row = interpretRow(
      headers,
      { row: 2, cells: ["Less expensive", "7", "9"], problem: null },
      mapping,
      questions,
      readRules(ZImportOptions.parse({}), new Date("2026-12-01T00:00:00Z")),
    );
    expect(row.errors).toEqual([]);
    expect(row.values[plan.key]).toBe(plan.options[0]?.value);
    expect(row.values[household.key]).toBe("7");
    expect(row.values[question(questions, "Value score").key]).toBe(9);
  });
});

describe("conditions", () => {
  const family = {
    title: "Family life",
    triggers: [
      { type: "visible", expression: "{has_kids} = 'yes'", questions: ["kids_count"] },
      { type: "setvalue", expression: "{has_kids} = 'no'", setToName: "kids_count", setValue: 0 },
    ],
    pages: [
      {
        elements: [
          { type: "radiogroup", name: "has_kids", isRequired: true, choices: ["yes", "no"] },
          { type: "text", inputType: "number", name: "kids_count", visible: false, min: 1 },
          {
            type: "dropdown",
            name: "youngest_age",
            isRequired: true,
            choices: ["0-5", "6-12", "13-17"],
            visibleIf: "{has_kids} = 'yes' and {kids_count} >= 1",
          },
          {
            type: "rating",
            name: "stress",
            isRequired: true,
            rateMin: 1,
            rateMax: 5,
            visibleIf: "{has_kids} notempty",
          },
          {
            type: "comment",
            name: "stress_why",
            isRequired: true,
            visibleIf: "{stress} <= 2",
          },
          {
            type: "comment",
            name: "calm_why",
            isRequired: true,
            visibleIf: "not ({stress} <= 2)",
          },
          {
            type: "text",
            name: "partner",
            isRequired: true,
            enableIf: "{has_kids} = 'yes'",
          },
          { type: "text", name: "note", requiredIf: "{stress} = 1" },
          { type: "text", name: "secret", visible: false },
          {
            type: "text",
            name: "adult_note",
            isRequired: true,
            visibleIf: "age({birthdate}) >= 18",
          },
        ],
      },
    ],
  };
  const result = fromSurveyJs(family);
  const { questions } = result.definition;
  const q = (name: string) => question(questions, name);

  it("maps answered, less-than, and / not, and visible triggers to conditions", () => {
    expect(q("kids_count").logic).toEqual({
      questionKey: "has_kids",
      operator: "equals",
      value: "yes",
    });
    expect(q("stress").logic).toEqual({ questionKey: "has_kids", operator: "notEmpty" });
    expect(q("stress_why").logic).toEqual({ questionKey: "stress", operator: "atMost", value: 2 });
    expect(q("youngest_age").logic).toEqual({
      and: [
        { questionKey: "has_kids", operator: "equals", value: "yes" },
        { questionKey: "kids_count", operator: "atLeast", value: 1 },
      ],
    });
    expect(q("calm_why").logic).toEqual({
      not: { questionKey: "stress", operator: "atMost", value: 2 },
    });
    expect(q("partner").settings.enableIf).toEqual({
      questionKey: "has_kids",
      operator: "equals",
      value: "yes",
    });
    expect(q("note").settings.requiredIf).toEqual({
      questionKey: "stress",
      operator: "equals",
      value: 1,
    });
    // Kept conditions keep "required": they decide themselves who must answer.
    for (const name of ["stress_why", "youngest_age", "calm_why", "partner"]) {
      expect(q(name).required, name).toBe(true);
    }
    expect(q("note").required).toBe(false);
  });

  it("makes a question optional when a condition guarding it could not be kept, and says so", () => {
    expect(q("adult_note").required).toBe(false);
    expect(q("adult_note").logic).toBeNull();
    expect(result.unmapped.find((u) => u.path.endsWith("[9].visibleIf"))?.why).toMatch(
      /function age\(\)/,
    );
    expect(
      result.unmapped.some(
        (u) => u.what === '"Required" of "adult_note"' && /optional/.test(u.why),
      ),
    ).toBe(true);
  });

  it("leaves out hidden questions nothing shows, and other triggers, with reasons", () => {
    expect(questions.some((x) => x.key === "secret")).toBe(false);
    expect(result.unmapped.find((u) => u.what === 'Question "secret" (text)')?.why).toMatch(
      /never see it/,
    );
    expect(result.unmapped.find((u) => u.path === "triggers[1]")?.what).toBe('Trigger "setvalue"');
  });

  it("counts the conditions kept and left out", () => {
    expect(result.elementCount).toBe(10);
    // Kept: the trigger, notempty, <=, the "and", the "not", enableIf, requiredIf.
    // Left out: the one calling a function.
    expect(result.conditions).toEqual({ kept: 7, dropped: 1 });
  });
});
