// Matrix questions: the definition's rules, the answer rules (every key a row, every value a
// point, required per row), and the SurveyJS mapping of `matrix` and `matrixdropdown` with names
// and values unchanged on the way back. The SurveyJS JSON is a product-feedback survey written
// for this test in the shape SurveyJS files have.
import { describe, expect, it } from "vitest";
import { checkOne } from "~/app/_components/respondent/flow";
import { checkAnswers, type AnswerValue } from "~/server/domain/survey/answers";
import { describeAnswer } from "~/server/domain/survey/describe-answer";
import {
  ZQuestionDefinition,
  ZSurveyQuestions,
  type TQuestionDefinitionInput,
} from "~/server/domain/survey/definition";
import { matrixColumn, matrixRowItems, withoutRowPlacement } from "~/server/domain/survey/matrix";
import { toSurveyJs } from "~/server/domain/survey/surveyjs/export";
import { fromSurveyJs } from "~/server/domain/survey/surveyjs/import";

const grid: TQuestionDefinitionInput = {
  key: "checkout",
  type: "MATRIX",
  role: "PAIN",
  stageId: "stage-buy",
  required: true,
  text: { en: "How easy was each step?", de: "Wie einfach war jeder Schritt?" },
  settings: {
    matrix: {
      rows: [
        { key: "cart", label: { en: "Filling the cart", de: "Warenkorb" } },
        { key: "payment", label: { en: "Paying" }, stageId: "stage-pay", role: "EMOTION" },
      ],
    },
  },
};

const parse = (input: TQuestionDefinitionInput[]) => ZSurveyQuestions.safeParse(input);
const questions = () => ZSurveyQuestions.parse([grid]);

describe("matrix definition", () => {
  it("accepts rows with their own stage and meaning", () => {
    expect(parse([grid]).success).toBe(true);
  });

  it("refuses a matrix without rows, repeated row keys or repeated points", () => {
    expect(parse([{ ...grid, settings: {} }]).success).toBe(false);
    const twice = { key: "cart", label: { en: "Again" } };
    expect(parse([{ ...grid, settings: { matrix: { rows: [twice, twice] } } }]).success).toBe(
      false,
    );
    const points = [{ value: 1 }, { value: 1 }];
    expect(parse([{ ...grid, settings: { matrix: { rows: [twice], points } } }]).success).toBe(
      false,
    );
  });

  it("refuses rows on questions that are not a matrix", () => {
    expect(parse([{ ...grid, type: "LIKERT" }]).success).toBe(false);
  });

  it("places each row on its own stage and meaning, else the question's", () => {
    const items = matrixRowItems(ZQuestionDefinition.parse(grid));
    expect(items.map((i) => [i.key, i.role, i.stageId])).toEqual([
      ["checkout__cart", "PAIN", "stage-buy"],
      ["checkout__payment", "EMOTION", "stage-pay"],
    ]);
    expect(items[0]?.label.de).toBe("Wie einfach war jeder Schritt? — Warenkorb");
  });

  it("sends no stages or meanings to respondents", () => {
    const settings = withoutRowPlacement(ZQuestionDefinition.parse(grid).settings);
    expect(settings.matrix?.rows[1]).toEqual({ key: "payment", label: { en: "Paying" } });
  });
});

describe("matrix answers", () => {
  it("stores an object of row keys and scale points, in the rows' order", () => {
    const check = checkAnswers(
      questions(),
      { checkout: { payment: "2", cart: 5 } as unknown as AnswerValue },
      {
        complete: true,
      },
    );
    expect(check.errors).toEqual({});
    expect(JSON.stringify(check.values.checkout)).toBe('{"cart":5,"payment":2}');
  });

  it("applies required to every row, in both languages", () => {
    const en = checkAnswers(questions(), { checkout: { cart: 3 } }, { complete: true });
    expect(en.errors.checkout).toBe("Please rate every row.");
    const de = checkAnswers(
      questions(),
      { checkout: { cart: 3 } },
      { complete: true, locale: "de" },
    );
    expect(de.errors.checkout).toBe("Bitte bewerten Sie jede Zeile.");
    // A partial save may leave rows open.
    expect(
      checkAnswers(questions(), { checkout: { cart: 3 } }, { complete: false }).errors,
    ).toEqual({});
  });

  it("asks for the missing rows on the page before the server does", () => {
    const [q] = questions();
    if (!q) throw new Error("no question");
    expect(checkOne(q, { cart: 2 }, "en")).toBe("Please rate every row.");
    expect(checkOne(q, { cart: 2, payment: 1 }, "de")).toBeNull();
    expect(checkOne(q, {}, "en")).toBe("Please answer this question.");
  });

  it("refuses unknown rows, points off the scale and non-objects", () => {
    for (const bad of [{ shipping: 3 }, { cart: 6 }, { cart: 2.5 }, 4, "cart", ["cart"]]) {
      const check = checkAnswers(
        questions(),
        { checkout: bad as AnswerValue },
        { complete: false },
      );
      expect(check.errors.checkout, JSON.stringify(bad)).toBeDefined();
    }
  });

  it("refuses a matrix answer to a question of another type", () => {
    const likert = ZSurveyQuestions.parse([
      { key: "ease", type: "SHORT_TEXT", text: { en: "Ease" } },
    ]);
    expect(
      checkAnswers(likert, { ease: { cart: 3 } }, { complete: false }).errors.ease,
    ).toBeDefined();
  });

  it("reads back as row labels and points", () => {
    const q = ZQuestionDefinition.parse(grid);
    expect(describeAnswer("MATRIX", { payment: 2, cart: 5 }, q)).toBe(
      "Filling the cart: 5, Paying: 2",
    );
  });

  it("names flat columns like the multiple-choice option columns", () => {
    expect(matrixColumn("checkout", "cart")).toBe("checkout__cart");
  });
});

const productFeedback = {
  title: "Product feedback",
  pages: [
    {
      name: "experience",
      elements: [
        {
          type: "matrix",
          name: "Feature Satisfaction",
          title: { default: "How happy are you with…", de: "Wie zufrieden sind Sie mit…" },
          isRequired: true,
          columns: [
            { value: "unhappy", text: "Not happy" },
            "meh|So-so",
            { value: "happy", text: { default: "Happy", de: "Zufrieden" } },
          ],
          rows: [
            { value: "Search Speed", text: "How fast search is" },
            "exports|Exporting reports",
            "sharing",
          ],
        },
        {
          type: "matrixdropdown",
          name: "support_rating",
          title: "Rate our support",
          columns: [{ name: "score", cellType: "rating", rateMin: 1, rateMax: 5 }],
          rows: ["chat", "email"],
        },
        {
          type: "matrixdropdown",
          name: "plan_details",
          title: "Tell us about your plan",
          columns: [
            { name: "seats", cellType: "text" },
            { name: "cost", cellType: "text" },
          ],
          rows: ["current"],
        },
      ],
    },
  ],
};

describe("SurveyJS matrices", () => {
  const result = fromSurveyJs(productFeedback);
  const byKey = new Map(result.definition.questions.map((q) => [q.key, q]));

  it("imports a matrix with word columns and value|text rows", () => {
    const q = byKey.get("feature_satisfaction");
    expect(q?.type).toBe("MATRIX");
    expect(q?.required).toBe(true);
    expect(q?.settings.matrix?.rows.map((r) => [r.key, r.label.en])).toEqual([
      ["search_speed", "How fast search is"],
      ["exports", "Exporting reports"],
      ["sharing", "sharing"],
    ]);
    expect(q?.settings.matrix?.points?.map((p) => [p.value, p.source, p.label?.de])).toEqual([
      [1, "unhappy", undefined],
      [2, "meh", undefined],
      [3, "happy", "Zufrieden"],
    ]);
  });

  it("imports a matrixdropdown with one rating column and lists one with two text columns", () => {
    const q = byKey.get("support_rating");
    expect(q?.type).toBe("MATRIX");
    expect(q?.settings.matrix?.points?.map((p) => p.value)).toEqual([1, 2, 3, 4, 5]);
    expect(byKey.has("plan_details")).toBe(false);
    expect(result.skipped.map((s) => [s.name, s.type])).toEqual([
      ["plan_details", "matrixdropdown"],
    ]);
  });

  it("writes the same names, row values and column values back", () => {
    const json = toSurveyJs({
      meta: result.definition.meta,
      questions: result.definition.questions,
    }) as { pages: { elements: Record<string, unknown>[] }[] };
    const [matrix, dropdown] = json.pages[0]?.elements ?? [];
    expect(matrix?.name).toBe("Feature Satisfaction");
    expect(matrix?.type).toBe("matrix");
    expect((matrix?.rows as { value: string }[]).map((r) => r.value)).toEqual([
      "Search Speed",
      "exports",
      "sharing",
    ]);
    expect((matrix?.columns as { value: string }[]).map((c) => c.value)).toEqual([
      "unhappy",
      "meh",
      "happy",
    ]);
    expect(dropdown?.type).toBe("matrixdropdown");
    const [column] = dropdown?.columns as Record<string, unknown>[];
    expect(column?.name).toBe("score");
    expect(column?.cellType).toBe("rating");
    // And the file imports again as the same questions.
    const again = fromSurveyJs(json);
    expect(again.definition.questions).toEqual(result.definition.questions);
  });

  it("keeps row meanings through our own export", () => {
    const q = ZQuestionDefinition.parse(grid);
    const json = toSurveyJs({ meta: { ...result.definition.meta }, questions: [q] });
    const back = fromSurveyJs(json).definition.questions[0];
    expect(back?.settings.matrix?.rows[1]?.role).toBe("EMOTION");
  });
});
