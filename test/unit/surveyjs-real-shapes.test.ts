// The five kinds of SurveyJS files researchers bring (issue 11, "Done when"), written for these
// tests in the shapes real files have: translated radiogroups with a matrix; product feedback
// with a matrix, ratings, a visible trigger and a multipletext; value|text choices, hasOther and
// compound conditions over 8 pages; a chain of dropdowns with `and` conditions; a German
// matrixdropdown. Each imports with every element mapped and anything else listed precisely,
// and export writes the same element names, choice values, rows and columns back.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { TQuestionDefinition } from "~/server/domain/survey/definition";
import { toSurveyJs } from "~/server/domain/survey/surveyjs/export";
import { fromSurveyJs } from "~/server/domain/survey/surveyjs/import";

type Json = Record<string, unknown>;

const fixture = (name: string): Json =>
  JSON.parse(readFileSync(new URL(`../fixtures/surveyjs/${name}`, import.meta.url), "utf8"));

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** An item's stored value: the part before "|" of the shorthand, or the object's value. */
const itemValue = (item: unknown) =>
  typeof item === "string" && item.includes("|")
    ? item.slice(0, item.indexOf("|"))
    : typeof item === "object" && item !== null
      ? (item as Json).value
      : item;

/**
 * Everything respondents' data is keyed by, as `page/element`, `element=choice`,
 * `element.row`, `element:column`, `element.box` and `element=other`: what must survive a
 * round trip for data collected with the original survey to match the exported one.
 */
function dataKeys(survey: Json): string[] {
  const keys: string[] = [];
  for (const page of list(survey.pages) as Json[]) {
    for (const el of list(page.elements) as Json[]) {
      const name = String(el.name);
      keys.push(`${String(page.name)}/${name}`);
      for (const c of list(el.choices)) keys.push(`${name}=${String(itemValue(c))}`);
      if (el.hasOther || el.showOtherItem) keys.push(`${name}=other`);
      for (const r of list(el.rows)) keys.push(`${name}.${String(itemValue(r))}`);
      for (const c of list(el.columns) as Json[]) {
        if (el.type === "matrix") keys.push(`${name}:${JSON.stringify(itemValue(c))}`);
        else {
          keys.push(`${name}:${String(c.name)}`);
          for (const v of list(c.choices ?? c.rateValues)) {
            keys.push(`${name}:${String(c.name)}=${JSON.stringify(itemValue(v))}`);
          }
        }
      }
      for (const box of list(el.items) as Json[]) keys.push(`${name}.${String(box.name)}`);
    }
  }
  return keys;
}

function roundTrip(survey: Json) {
  const first = fromSurveyJs(survey);
  const exported = toSurveyJs({
    meta: first.definition.meta,
    questions: first.definition.questions,
  });
  return { first, exported, again: fromSurveyJs(exported) };
}

const summary = (questions: TQuestionDefinition[]) =>
  questions.map((q) => `${q.page} ${q.key} ${q.type}${q.required ? " required" : ""}`);

describe("(a) translated radiogroups and a matrix", () => {
  const survey = fixture("hotel-stay-translated.json");
  const { first, exported, again } = roundTrip(survey);

  it("maps every element in English and German, listing the one French label", () => {
    expect(first.elementCount).toBe(3);
    expect(first.skipped).toEqual([]);
    expect(first.unmapped).toEqual([
      {
        path: "(all texts)",
        what: "French texts (1)",
        why: "Surveys here speak English and German; these translations were left out.",
      },
    ]);
    expect(summary(first.definition.questions)).toEqual([
      "0 trippurpose SINGLE_CHOICE required",
      "0 bookedvia SINGLE_CHOICE",
      "1 staysteps MATRIX required",
    ]);
    const [purpose, , steps] = first.definition.questions;
    expect(purpose?.options[1]?.label).toEqual({ en: "On holiday", de: "Im Urlaub" });
    expect(steps?.settings.matrix?.rows[2]?.label).toEqual({ en: "Breakfast", de: "Frühstück" });
    expect(first.definition.meta).toMatchObject({
      titleDe: "Ihr Aufenthalt bei uns",
      languages: ["en", "de"],
    });
  });

  it("round-trips names, choice values, rows, columns and page titles", () => {
    expect(dataKeys(exported)).toEqual(dataKeys(survey));
    expect((exported.pages as Json[])[1]?.title).toEqual({
      default: "How it went",
      de: "Wie es war",
    });
    expect(again.definition).toEqual(first.definition);
    expect(again.unmapped).toEqual([]);
  });
});

describe("(b) product feedback: matrix, ratings, a visible trigger, multiple text", () => {
  const survey = fixture("product-feedback.json");
  const { first, exported, again } = roundTrip(survey);

  it("maps every element, the multipletext as one question per box", () => {
    expect(first.elementCount).toBe(6);
    expect(first.skipped).toEqual([]);
    expect(first.unmapped).toEqual([]);
    expect(first.conditions).toEqual({ kept: 1, dropped: 0 });
    expect(summary(first.definition.questions)).toEqual([
      "0 usagefrequency SINGLE_CHOICE required",
      "0 featuresatisfaction MATRIX",
      "1 easeofuse LIKERT",
      "1 recommend RATING required",
      "1 whatwouldchange LONG_TEXT required",
      "2 devices_phone SHORT_TEXT",
      "2 devices_computer SHORT_TEXT",
      "2 devices_hoursperweek NUMBER",
    ]);
  });

  it("shows the hidden question when the trigger's expression holds, and keeps the end labels", () => {
    const byKey = new Map(first.definition.questions.map((q) => [q.key, q]));
    expect(byKey.get("whatwouldchange")?.logic).toEqual({
      questionKey: "recommend",
      operator: "atMost",
      value: 6,
    });
    expect(byKey.get("recommend")?.settings).toMatchObject({
      minLabel: { en: "Not likely" },
      maxLabel: { en: "Very likely" },
    });
    expect(byKey.get("easeofuse")?.settings).toMatchObject({ points: 7 });
  });

  it("round-trips names, values, the matrix's string columns and the boxes", () => {
    expect(dataKeys(exported)).toEqual(dataKeys(survey));
    const boxes = (exported.pages as Json[])[2]?.elements as Json[];
    expect(boxes[0]).toMatchObject({
      type: "multipletext",
      title: "Which devices do you use it on?",
      items: [
        { name: "Phone", title: "Phone model" },
        { name: "Computer", title: "Computer or tablet" },
        { name: "HoursPerWeek", title: "Hours per week", inputType: "number" },
      ],
    });
    expect(again.definition).toEqual(first.definition);
    expect(again.unmapped).toEqual([]);
  });
});

describe("(c) value|text choices, Other and compound conditions over 8 pages", () => {
  const survey = fixture("family-mobility-8-pages.json");
  const { first, exported, again } = roundTrip(survey);

  it("maps every element and keeps every condition", () => {
    expect(first.elementCount).toBe(10);
    expect(first.skipped).toEqual([]);
    expect(first.unmapped).toEqual([]);
    expect(first.conditions).toEqual({ kept: 7, dropped: 0 });
    expect(new Set(first.definition.questions.map((q) => q.page))).toEqual(
      new Set([0, 1, 2, 3, 4, 5, 6, 7]),
    );
    const byKey = new Map(first.definition.questions.map((q) => [q.key, q]));
    expect(byKey.get("household")?.options.map((o) => [o.value, o.label.en])).toEqual([
      ["one", "Just me"],
      ["two", "My partner and me"],
      ["many", "More than two of us"],
      ["other", "Something else (please say)"],
    ]);
    expect(byKey.get("household")?.settings.otherTextFor).toBe("other");
    expect(byKey.get("kidcount")?.logic).toEqual({
      and: [
        { questionKey: "haskids", operator: "equals", value: "yes" },
        { questionKey: "household", operator: "notEquals", value: "one" },
      ],
    });
    expect(byKey.get("wouldswitch")?.logic).toEqual({
      and: [
        { not: { questionKey: "caruse", operator: "equals", value: "none" } },
        { questionKey: "distance", operator: "lessThan", value: 15 },
      ],
    });
    expect(byKey.get("monthlybudget")?.settings.requiredIf).toEqual({
      or: [
        { questionKey: "household", operator: "oneOf", value: ["two", "many"] },
        { questionKey: "haskids", operator: "equals", value: "yes" },
      ],
    });
    expect(byKey.get("anythingelse")?.settings.enableIf).toEqual({
      questionKey: "household",
      operator: "notEmpty",
    });
  });

  it("round-trips names, values, Other items and every page", () => {
    expect(dataKeys(exported)).toEqual(dataKeys(survey));
    expect((exported.pages as Json[]).map((p) => p.title)).toEqual(
      (survey.pages as Json[]).map((p) => p.title),
    );
    expect(again.definition).toEqual(first.definition);
    expect(again.unmapped).toEqual([]);
    expect(again.conditions).toEqual({ kept: 7, dropped: 0 });
  });
});

describe("(d) a chain of dropdowns with `and` conditions", () => {
  const survey = fixture("store-finder-dropdowns.json");
  const { first, exported, again } = roundTrip(survey);

  it("maps each dropdown with the whole chain of conditions above it", () => {
    expect(first.unmapped).toEqual([]);
    expect(first.conditions).toEqual({ kept: 4, dropped: 0 });
    const logic = Object.fromEntries(first.definition.questions.map((q) => [q.key, q.logic]));
    expect(logic.store).toEqual({
      and: [
        { questionKey: "country", operator: "equals", value: "DE" },
        { questionKey: "region", operator: "equals", value: "BY" },
        { questionKey: "city", operator: "equals", value: "Munich" },
      ],
    });
    expect(
      first.definition.questions.map((q) => q.settings.surveyJs?.type ?? "radiogroup"),
    ).toEqual(["dropdown", "dropdown", "dropdown", "dropdown", "radiogroup"]);
  });

  it("round-trips names, upper-case values and the dropdowns", () => {
    expect(dataKeys(exported)).toEqual(dataKeys(survey));
    const elements = (exported.pages as Json[])[0]?.elements as Json[];
    expect(elements.map((e) => e.type)).toEqual([
      "dropdown",
      "dropdown",
      "dropdown",
      "dropdown",
      "radiogroup",
    ]);
    expect(elements[3]?.visibleIf).toBe(
      "{Country} = 'DE' and {Region} = 'BY' and {City} = 'Munich'",
    );
    expect(again.definition).toEqual(first.definition);
  });
});

describe("(e) a matrixdropdown in German", () => {
  const survey = fixture("praxis-matrixdropdown-de.json");
  const { first, exported, again } = roundTrip(survey);

  it("maps every element, listing the fixed language and the German-only titles", () => {
    expect(first.elementCount).toBe(3);
    expect(first.skipped).toEqual([]);
    expect(first.unmapped.map((u) => [u.path, u.what])).toEqual([
      ["locale", 'Default language "de"'],
      ["pages[0].elements[0].title", 'English title of "Anlass"'],
      ["pages[0].elements[1].title", 'English title of "Bewertung"'],
      ["pages[0].elements[2].title", 'English title of "Anmerkungen"'],
    ]);
    const grid = first.definition.questions[1];
    expect(grid?.type).toBe("MATRIX");
    expect(grid?.required).toBe(true);
    expect(grid?.settings.matrix?.rows.map((r) => [r.key, r.source, r.label.de])).toEqual([
      ["terminvergabe", "Terminvergabe", "Terminvergabe"],
      ["wartezeit", "Wartezeit", "Wartezeit"],
      ["freundlichkeit", "Freundlichkeit", "Freundlichkeit des Teams"],
      ["aufklarung", "Aufklärung", "Aufklärung durch die Ärztin"],
    ]);
    expect(grid?.settings.matrix?.points?.map((p) => [p.value, p.label?.de])).toEqual([
      [1, "sehr gut"],
      [2, "gut"],
      [3, "befriedigend"],
      [4, "ausreichend"],
      [5, "mangelhaft"],
    ]);
    expect(first.definition.meta.languages).toEqual(["en", "de"]);
  });

  it("round-trips the matrixdropdown with its column, rows and values", () => {
    expect(dataKeys(exported)).toEqual(dataKeys(survey));
    const grid = ((exported.pages as Json[])[0]?.elements as Json[])[1];
    expect(grid).toMatchObject({
      type: "matrixdropdown",
      name: "Bewertung",
      isAllRowRequired: true,
    });
    expect(again.definition).toEqual(first.definition);
    expect(again.unmapped).toEqual([]);
  });
});
