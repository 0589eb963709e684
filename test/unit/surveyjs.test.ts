// SurveyJS interchange: a realistic two-language SurveyJS file maps to the planted questions,
// types and display logic, and everything it holds is either imported or listed with a reason;
// our own multi-page bilingual journey survey survives export and import unchanged; the
// expression subset parses and prints; arbitrary input never crashes the import.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "~/server/domain/errors";
import {
  ZSurveyMeta,
  ZSurveyQuestions,
  type TQuestionDefinition,
  type TQuestionDefinitionInput,
  type TQuestionType,
} from "~/server/domain/survey/definition";
import { journeySurveyQuestions } from "~/server/domain/survey/journey-survey-template";
import { formatCondition } from "~/server/domain/survey/surveyjs/expression-format";
import { parseExpression } from "~/server/domain/survey/surveyjs/expressions";
import { toSurveyJs } from "~/server/domain/survey/surveyjs/export";
import { fromSurveyJs } from "~/server/domain/survey/surveyjs/import";
import { unsupportedTypes } from "~/server/domain/survey/surveyjs/import-question";

const fixture = JSON.parse(
  readFileSync(new URL("../fixtures/surveyjs-car-buying.json", import.meta.url), "utf8"),
) as { pages: { elements: Record<string, unknown>[] }[] };

const byKey = (questions: TQuestionDefinition[], key: string) => {
  const q = questions.find((x) => x.key === key);
  if (!q) throw new Error(`no question "${key}"`);
  return q;
};

/** Every element of the fixture with its JSON path, panels opened. */
function walk(
  elements: Record<string, unknown>[],
  path: string,
): { el: Record<string, unknown>; path: string }[] {
  return elements.flatMap((el, i) => {
    const here = `${path}.elements[${i}]`;
    return el.type === "panel"
      ? walk(el.elements as Record<string, unknown>[], here)
      : [{ el, path: here }];
  });
}

describe("importing a SurveyJS file", () => {
  const result = fromSurveyJs(fixture);
  const { questions, meta } = result.definition;

  it("accounts for every element: imported as a question, or listed with a reason", () => {
    // A name our keys cannot hold is kept beside the key, for export.
    const renamed = new Map(
      questions
        .filter((q) => q.settings.surveyJs?.name)
        .map((q) => [q.settings.surveyJs?.name as string, q.key]),
    );
    const keys = new Set(questions.map((q) => q.key));
    const elements = fixture.pages.flatMap((p, i) => walk(p.elements, `pages[${i}]`));
    expect(elements.length).toBe(21);
    for (const { el, path } of elements) {
      const name = String(el.name);
      const imported = keys.has(renamed.get(name) ?? name);
      const listed = result.unmapped.some((u) => u.path === path && u.what.startsWith("Question"));
      expect(imported !== listed, `${path} (${name}) imported=${imported} listed=${listed}`).toBe(
        true,
      );
    }
    // The dealer matrix is a matrix question now (issue 11), so 18 of 21 elements map.
    expect(questions.length).toBe(18);
    expect(questions.find((q) => q.key === "dealer_matrix")?.type).toBe("MATRIX");
    // Unmappable types are listed with their own reason.
    for (const [name, type] of [
      ["online_intro", "html"],
      ["logo_image", "image"],
      ["receipt", "file"],
    ] as const) {
      const item = result.unmapped.find((u) => u.what === `Question "${name}" (${type})`);
      expect(item?.why).toBe(unsupportedTypes[type]);
    }
  });

  it("maps types, options, scales and settings", () => {
    expect(ZSurveyQuestions.safeParse(questions).success).toBe(true);
    expect(byKey(questions, "owns_car")).toMatchObject({
      type: "SINGLE_CHOICE",
      required: true,
      options: [
        { value: "true", label: { en: "Yes", de: "Ja" } },
        { value: "false", label: { en: "No", de: "Nein" } },
      ],
    });
    expect(byKey(questions, "main_channel")).toMatchObject({
      type: "SINGLE_CHOICE",
      required: true,
      randomizeOptions: true,
      page: 0,
      text: {
        en: "Where did you do most of your research?",
        de: "Wo haben Sie hauptsächlich recherchiert?",
      },
      help: { en: "Pick the one that mattered most.", de: "Wählen Sie das Wichtigste." },
    });
    expect(byKey(questions, "channels").options.map((o) => o.value)).toEqual([
      "reviews",
      "dealer",
      "forums",
      "none",
    ]);
    expect(byKey(questions, "channels").type).toBe("MULTIPLE_CHOICE");
    expect(byKey(questions, "budget_range").options.map((o) => [o.value, o.label.en])).toEqual([
      ["Under_20k", "Under 20k"],
      ["20k_to_40k", "20k to 40k"],
      ["Over_40k", "Over 40k"],
    ]);
    expect(byKey(questions, "q_age")).toMatchObject({
      type: "NUMBER",
      settings: { min: 16, max: 100 },
    });
    expect(byKey(questions, "satisfaction")).toMatchObject({
      type: "LIKERT",
      page: 1,
      settings: {
        points: 5,
        minLabel: { en: "Not at all", de: "Gar nicht" },
        maxLabel: { en: "Completely", de: "Völlig" },
      },
    });
    expect(byKey(questions, "recommend")).toMatchObject({
      type: "RATING",
      settings: { minLabel: { en: "Not likely" }, maxLabel: { en: "Very likely" } },
    });
    expect(byKey(questions, "test_drive")).toMatchObject({
      type: "NUMBER",
      settings: { min: 1, max: 10 },
    });
    expect(result.unmapped.some((u) => u.what.startsWith('Rating scale of "test_drive"'))).toBe(
      true,
    );
    expect(byKey(questions, "dealer_thoughts").type).toBe("LONG_TEXT");
    expect(byKey(questions, "contact_email").type).toBe("SHORT_TEXT");
    expect(result.unmapped.some((u) => u.what === 'Input type "email" of "contact_email"')).toBe(
      true,
    );
    // The page with only an image produced no questions, so the last page follows directly.
    expect(byKey(questions, "newsletter").page).toBe(3);
    expect(byKey(questions, "newsletter").options.map((o) => o.label)).toEqual([
      { en: "Gladly", de: "Gern" },
      { en: "No thanks", de: "Nein danke" },
    ]);
  });

  it("maps visibleIf to display logic where it fits, and lists the rest", () => {
    const logic = (key: string) => byKey(questions, key).logic;
    expect(logic("dealer_thoughts")).toEqual({
      questionKey: "channels",
      operator: "equals",
      value: "dealer",
    });
    expect(logic("praise")).toEqual({
      questionKey: "satisfaction",
      operator: "atLeast",
      value: 4,
    });
    expect(logic("promoter_reason")).toEqual({
      questionKey: "recommend",
      operator: "greaterThan",
      value: 8,
    });
    // The panel's condition reaches its questions; "or" of equals on one question is "one of".
    expect(logic("site_quality")).toEqual({
      questionKey: "main_channel",
      operator: "oneOf",
      value: ["online", "friends"],
    });
    expect(logic("showroom_notes")).toEqual({
      questionKey: "main_channel",
      operator: "oneOf",
      value: ["dealer", "friends"],
    });
    // Renamed choice values are renamed in conditions too; the panel's condition holds as well.
    expect(logic("favourite_site")).toEqual({
      and: [
        { questionKey: "main_channel", operator: "oneOf", value: ["online", "friends"] },
        { questionKey: "site_quality", operator: "equals", value: "Very_good" },
      ],
    });
    expect(logic("newsletter")).toEqual({
      questionKey: "owns_car",
      operator: "equals",
      value: "true",
    });
    // "and" of two questions is kept whole, with the original name {Q-Age} resolved to our key.
    const age = byKey(questions, "q_age");
    expect(logic("both_notes")).toEqual({
      and: [
        { questionKey: "main_channel", operator: "equals", value: "dealer" },
        { questionKey: age.key, operator: "greaterThan", value: 30 },
      ],
    });
    expect(result.unmapped.some((u) => u.path.endsWith("visibleIf"))).toBe(false);
  });

  it("keeps English and German, and counts what it leaves out", () => {
    expect(meta).toEqual(
      ZSurveyMeta.parse({
        title: "Buying your car",
        description: "Ten minutes about how you chose your last car.",
        // The German title and description are kept beside the English (issue 11).
        titleDe: "Ihr Autokauf",
        descriptionDe: "Zehn Minuten darüber, wie Sie Ihr letztes Auto ausgewählt haben.",
        languages: ["en", "de"],
      }),
    );
    expect(result.unmapped).toContainEqual({
      path: "(all texts)",
      what: "French texts (1)",
      why: "Surveys here speak English and German; these translations were left out.",
    });
    expect(result.unmapped.find((u) => u.path === "")?.what).toBe("Survey settings: completedHtml");
    // Triggers are listed one by one; only "visible" ones map.
    expect(result.unmapped.find((u) => u.path === "triggers[0]")?.what).toBe('Trigger "complete"');
    expect(result.unmapped.some((u) => u.what.includes("showProgressBar"))).toBe(false);
    expect(result.unmapped.find((u) => u.path === "pages[0].elements[3]")?.what).toBe(
      'Settings of "Budget Range": placeholder',
    );
  });

  it("imports its own export again unchanged, with nothing left out the second time", () => {
    const again = fromSurveyJs(JSON.parse(JSON.stringify(toSurveyJs(result.definition))));
    expect(again.unmapped).toEqual([]);
    expect(again.definition).toEqual(result.definition);
  });

  it("keeps a grid that needs every row rated required, and writes it back that way", () => {
    const grid = (extra: Record<string, unknown>) => ({
      pages: [
        {
          elements: [
            { type: "matrix", name: "Steps", columns: [1, 2, 3], rows: ["Parking"], ...extra },
            { type: "text", name: "Note", isAllRowRequired: true },
          ],
        },
      ],
    });
    const allRows = fromSurveyJs(grid({ isAllRowRequired: true }));
    expect(allRows.unmapped).toEqual([]);
    expect(allRows.definition.questions.map((q) => [q.type, q.required])).toEqual([
      ["MATRIX", true],
      // The setting means nothing outside a grid: a text question stays optional.
      ["SHORT_TEXT", false],
    ]);
    expect(fromSurveyJs(grid({})).definition.questions[0]?.required).toBe(false);
    const written = toSurveyJs(allRows.definition) as {
      pages: { elements: Record<string, unknown>[] }[];
    };
    expect(written.pages[0]?.elements[0]).toMatchObject({
      isRequired: true,
      isAllRowRequired: true,
    });
  });

  it("refuses what is not a survey at all", () => {
    for (const bad of [null, 42, "text", [], { title: "No pages" }]) {
      expect(() => fromSurveyJs(bad)).toThrow(DomainError);
    }
  });
});

describe("exporting our survey and importing it again", () => {
  const stages = [
    { id: "stage-discovery", name: "Discovery" },
    { id: "stage-comparing", name: "Comparing" },
    { id: "stage-purchase", name: "Purchase" },
  ];
  const extra: TQuestionDefinitionInput[] = [
    {
      key: "channels",
      type: "MULTIPLE_CHOICE",
      role: "TOUCHPOINT",
      stageId: "stage-comparing",
      page: 2,
      randomizeOptions: true,
      text: { en: "Where did you compare?", de: "Wo haben Sie verglichen?" },
      help: { de: "Mehrere Antworten möglich." },
      options: [
        { value: "web", label: { en: "Websites", de: "Webseiten" } },
        { value: "dealer", label: { en: "Dealers", de: "Händler" } },
        { value: "friends", label: { en: "Friends" } },
      ],
    },
    {
      key: "dealer_pain",
      type: "PAIN",
      role: "PAIN",
      stageId: "stage-comparing",
      page: 2,
      text: { en: "How hard were the dealers?", de: "Wie mühsam waren die Händler?" },
      logic: { questionKey: "channels", operator: "equals", value: "dealer" },
    },
    {
      key: "why_friends",
      type: "SHORT_TEXT",
      role: "GOAL",
      page: 2,
      text: { en: "What did friends tell you?" },
      logic: { questionKey: "main_channel", operator: "oneOf", value: ["friends", "in_person"] },
    },
    {
      key: "why_promoter",
      type: "LONG_TEXT",
      role: "THOUGHT",
      page: 5,
      text: { en: "What would you tell a friend?", de: "Was würden Sie erzählen?" },
      logic: { questionKey: "recommend", operator: "greaterThan", value: 8 },
    },
    {
      key: "price_again",
      type: "LIKERT",
      role: "SEGMENT",
      page: 5,
      settings: { points: 7 },
      text: { en: "Price still matters most.", de: "Der Preis zählt immer noch am meisten." },
      logic: { questionKey: "price_focus", operator: "equals", value: 5 },
    },
    {
      key: "household",
      type: "NUMBER",
      role: "DEMOGRAPHIC",
      page: 5,
      required: true,
      settings: { min: 1 },
      text: { en: "People in your household", de: "Personen im Haushalt" },
    },
  ];
  // The journey template (stages on pages 1-3, demographics on page 4) plus the extra block,
  // ordered by page as the builder keeps them.
  const questions = ZSurveyQuestions.parse(
    [...journeySurveyQuestions(stages), ...extra]
      .map((q, i) => ({ q, i }))
      .sort((a, b) => (a.q.page ?? 0) - (b.q.page ?? 0) || a.i - b.i)
      .map(({ q }) => q),
  );
  const meta = ZSurveyMeta.parse({
    title: "Car buying journey",
    description: "Stage by stage.",
    languages: ["en", "de"],
    journeyMapId: "map-1",
  });

  it("round-trips every question: type, meaning, stage, texts in both languages, logic", () => {
    expect(new Set(questions.map((q) => q.page)).size).toBe(6);
    expect(new Set(questions.map((q) => q.type)).size).toBe(9);
    const file = JSON.parse(JSON.stringify(toSurveyJs({ meta, questions, stages })));
    const back = fromSurveyJs(file, { stages });
    expect(back.unmapped).toEqual([]);
    expect(back.definition.questions).toEqual(questions);
    expect(back.definition.meta).toEqual({ ...meta, journeyMapId: null });
    expect(back.journeyMapHint).toBe("map-1");
  });

  it("writes SurveyJS's own forms: emotion as a rating with words, number as a number input", () => {
    const file = toSurveyJs({ meta, questions, stages }) as {
      pages: { elements: Record<string, unknown>[] }[];
    };
    const elements = file.pages.flatMap((p) => p.elements);
    const emotion = elements.find((e) => e.name === "discovery_1_emotion");
    expect(emotion).toMatchObject({
      type: "rating",
      isRequired: true,
      personaAtlas: {
        type: "EMOTION",
        role: "EMOTION",
        stageId: "stage-discovery",
        stageName: "Discovery",
      },
    });
    expect((emotion?.rateValues as unknown[])[0]).toEqual({
      value: -2,
      text: { default: "Very negative", de: "Sehr negativ" },
    });
    expect(elements.find((e) => e.name === "household")).toMatchObject({
      type: "text",
      inputType: "number",
      min: 1,
    });
    expect(elements.find((e) => e.name === "dealer_pain")?.visibleIf).toBe(
      "{channels} contains 'dealer'",
    );
    expect(elements.find((e) => e.name === "why_friends")?.visibleIf).toBe(
      "{main_channel} anyof ['friends', 'in_person']",
    );
    expect(elements.find((e) => e.name === "recommend")?.personaAtlas).toMatchObject({ nps: true });
  });

  it("finds stages by name in another map, and lists questions whose stage it cannot find", () => {
    const file = JSON.parse(JSON.stringify(toSurveyJs({ meta, questions, stages })));
    const otherMap = [
      { id: "other-discovery", name: "discovery" },
      { id: "other-purchase", name: "Purchase" },
    ];
    const back = fromSurveyJs(file, { stages: otherMap });
    const stageOf = (key: string) => byKey(back.definition.questions, key).stageId;
    expect(stageOf("discovery_1_pain")).toBe("other-discovery");
    expect(stageOf("purchase_3_thought")).toBe("other-purchase");
    expect(stageOf("comparing_2_emotion")).toBeNull();
    const comparing = questions.filter((q) => q.stageId === "stage-comparing").length;
    expect(
      back.unmapped.filter((u) => u.what.startsWith('Journey stage "Comparing"')),
    ).toHaveLength(comparing);
  });
});

describe("the expression language", () => {
  const compare = (name: string, op: string, value?: unknown) =>
    value === undefined ? { kind: "compare", name, op } : { kind: "compare", name, op, value };

  it("reads comparisons, lists, answered tests and mirrored comparisons", () => {
    expect(parseExpression("{a} = 'x'")).toEqual({ expr: compare("a", "eq", "x") });
    expect(parseExpression('({a} == "it\'s")')).toEqual({ expr: compare("a", "eq", "it's") });
    expect(parseExpression("{a} anyof ['x', \"y, z\"]")).toEqual({
      expr: compare("a", "anyof", ["x", "y, z"]),
    });
    expect(parseExpression("{n} >= 3")).toEqual({ expr: compare("n", "gte", 3) });
    expect(parseExpression("{n} > -1.5")).toEqual({ expr: compare("n", "gt", -1.5) });
    expect(parseExpression("{b} = true")).toEqual({ expr: compare("b", "eq", true) });
    expect(parseExpression("{a} <> 'x'")).toEqual({ expr: compare("a", "ne", "x") });
    expect(parseExpression("{a} empty")).toEqual({ expr: compare("a", "empty") });
    expect(parseExpression("3 < {n}")).toEqual({ expr: compare("n", "gt", 3) });
  });

  it("reads and / or / not with SurveyJS's precedence (and binds tighter than or)", () => {
    expect(parseExpression("{a} = 1 or {b} = 2 and !({c} notempty)")).toEqual({
      expr: {
        kind: "or",
        items: [
          compare("a", "eq", 1),
          {
            kind: "and",
            items: [compare("b", "eq", 2), { kind: "not", item: compare("c", "notempty") }],
          },
        ],
      },
    });
    expect(parseExpression("({a} = 1 || {b} = 2) && {c} != 'x'")).toEqual({
      expr: {
        kind: "and",
        items: [
          { kind: "or", items: [compare("a", "eq", 1), compare("b", "eq", 2)] },
          compare("c", "ne", "x"),
        ],
      },
    });
  });

  it("says precisely what it cannot read", () => {
    const why = (text: string) => {
      const parsed = parseExpression(text);
      return "why" in parsed ? parsed.why : null;
    };
    expect(why("age({birth}) > 18")).toMatch(/function age\(\)/);
    expect(why("{a} = {b}")).toMatch(/two questions/);
    expect(why("{a} = 'x")).toMatch(/not closed/);
    expect(why("{a} = 1 and")).toMatch(/ends where/);
    expect(why("{a}")).toMatch(/not compared/);
    expect(why(`${"(".repeat(40)}{a} = 1${")".repeat(40)}`)).toMatch(/too deeply/);
  });

  it("prints conditions SurveyJS reads, typed by the source question, and reads them back", () => {
    const types: Record<string, TQuestionType> = {
      n: "RATING",
      c: "MULTIPLE_CHOICE",
      t: "SHORT_TEXT",
      s: "SINGLE_CHOICE",
    };
    const sourceOf = (key: string) => (types[key] ? { type: types[key] } : undefined);
    expect(formatCondition({ questionKey: "n", operator: "equals", value: 3 }, sourceOf)).toBe(
      "{n} = 3",
    );
    expect(formatCondition({ questionKey: "c", operator: "equals", value: "x" }, sourceOf)).toBe(
      "{c} contains 'x'",
    );
    expect(formatCondition({ questionKey: "t", operator: "equals", value: "it's" }, sourceOf)).toBe(
      `{t} = "it's"`,
    );
    const compound = {
      or: [
        { questionKey: "s", operator: "oneOf" as const, value: ["a", "b"] },
        {
          and: [
            { questionKey: "n", operator: "atLeast" as const, value: 7 },
            { not: { questionKey: "t", operator: "empty" as const } },
          ],
        },
      ],
    };
    const printed = formatCondition(compound, sourceOf);
    expect(printed).toBe("{s} anyof ['a', 'b'] or ({n} >= 7 and (!({t} empty)))");
    expect(parseExpression(printed)).toEqual({
      expr: {
        kind: "or",
        items: [
          compare("s", "anyof", ["a", "b"]),
          {
            kind: "and",
            items: [compare("n", "gte", 7), { kind: "not", item: compare("t", "empty") }],
          },
        ],
      },
    });
  });
});

describe("depth and size limits", () => {
  const nestedPanels = (depth: number) =>
    JSON.parse(
      `{"pages":[{"elements":[${'{"type":"panel","name":"p","elements":['.repeat(depth)}{"type":"text","name":"leaf"}${"]}".repeat(depth)}]}]}`,
    ) as unknown;
  const refusal = (json: unknown) => {
    try {
      fromSurveyJs(json);
      return null;
    } catch (error) {
      return error;
    }
  };

  it("refuses 5,000 panels inside panels with a message, not a stack overflow", () => {
    const error = refusal(nestedPanels(5000));
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe("INVALID_INPUT");
    expect((error as DomainError).message).toMatch(/panels inside panels more than 20 levels/);
  });

  it("still imports panels nested as deep as the limit", () => {
    const result = fromSurveyJs(nestedPanels(20));
    expect(result.definition.questions.map((q) => q.key)).toEqual(["leaf"]);
  });

  it("refuses other deep nesting and too many elements", () => {
    const deepList = JSON.parse(`{"pages":[],"x":${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
    expect((refusal(deepList) as DomainError).message).toMatch(/more than 64 levels deep/);
    const many = {
      pages: [
        { elements: Array.from({ length: 6000 }, (_, i) => ({ type: "text", name: `q${i}` })) },
      ],
    };
    expect((refusal(many) as DomainError).message).toMatch(
      /more than 5,000 pages, panels and questions/,
    );
  });
});

describe("robustness", () => {
  const element = fc.record(
    {
      type: fc.constantFrom(
        "radiogroup",
        "checkbox",
        "dropdown",
        "rating",
        "boolean",
        "text",
        "comment",
        "panel",
        "matrix",
        "tagbox",
        "weird",
      ),
      name: fc.string({ maxLength: 20 }),
      title: fc.oneof(
        fc.string(),
        fc.dictionary(fc.constantFrom("default", "de", "fr", "en"), fc.string()),
      ),
      choices: fc.array(
        fc.oneof(
          fc.string(),
          fc.integer(),
          fc.record({ value: fc.jsonValue(), text: fc.jsonValue() }),
        ),
        { maxLength: 5 },
      ),
      rateValues: fc.array(fc.oneof(fc.integer({ min: -3, max: 12 }), fc.string()), {
        maxLength: 12,
      }),
      rateMin: fc.integer({ min: -5, max: 5 }),
      rateMax: fc.integer({ min: -5, max: 12 }),
      inputType: fc.constantFrom("number", "text", "email", "date"),
      min: fc.jsonValue(),
      visibleIf: fc.oneof(fc.string(), fc.constantFrom("{a} = 'x'", "{b} > 2", "{c} anyof ['x']")),
      isRequired: fc.boolean(),
      elements: fc.constant([{ type: "text", name: "inner" }]),
      personaAtlas: fc.jsonValue(),
    },
    { requiredKeys: ["type"] },
  );

  it("never crashes: any input gives valid questions or a typed refusal", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record({
            title: fc.jsonValue(),
            pages: fc.array(
              fc.record({ name: fc.string(), elements: fc.array(element, { maxLength: 8 }) }),
              { maxLength: 4 },
            ),
          }),
        ),
        (json) => {
          try {
            const result = fromSurveyJs(json);
            expect(ZSurveyQuestions.safeParse(result.definition.questions).success).toBe(true);
            expect(ZSurveyMeta.safeParse(result.definition.meta).success).toBe(true);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
          }
        },
      ),
      { numRuns: 400, seed: 4242 },
    );
  }, 60_000);
});
