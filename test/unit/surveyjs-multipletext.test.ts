// A SurveyJS multipletext (several labelled boxes under one title) becomes one short-text or
// number question per box, and export gathers those questions back into the one element with
// the original element and box names, so data keyed by them still matches.
import { describe, expect, it } from "vitest";
import { toSurveyJs } from "~/server/domain/survey/surveyjs/export";
import { fromSurveyJs } from "~/server/domain/survey/surveyjs/import";

const survey = {
  title: "Contact details",
  pages: [
    {
      name: "contact",
      elements: [
        {
          type: "multipletext",
          name: "Contact",
          title: { default: "How can we reach you?", de: "Wie erreichen wir Sie?" },
          description: "Only for this study.",
          isRequired: true,
          items: [
            { name: "Full name", title: { default: "Name", de: "Name" }, isRequired: true },
            { name: "email", title: "E-mail", inputType: "email" },
            { name: "age", inputType: "number" },
          ],
        },
        {
          type: "comment",
          name: "why_no_email",
          visibleIf: "{Contact.email} empty",
        },
      ],
    },
  ],
};

describe("a multipletext", () => {
  const result = fromSurveyJs(survey);
  const questions = result.definition.questions;

  it("becomes one question per box, titled by the element and the box", () => {
    expect(questions.map((q) => [q.key, q.type, q.required])).toEqual([
      ["contact_full_name", "SHORT_TEXT", true],
      ["contact_email", "SHORT_TEXT", false],
      ["contact_age", "NUMBER", false],
      ["why_no_email", "LONG_TEXT", false],
    ]);
    expect(questions[0]?.text).toEqual({
      en: "How can we reach you?: Name",
      de: "Wie erreichen wir Sie?: Name",
    });
    expect(questions[2]?.text.en).toBe("How can we reach you?: age");
    expect(questions[1]?.help).toEqual({ en: "Only for this study." });
    expect(questions[0]?.settings.surveyJs?.multipleText).toEqual({
      name: "Contact",
      item: "Full name",
      title: { en: "How can we reach you?", de: "Wie erreichen wir Sie?" },
    });
  });

  it("counts as one element mapped, and lists what it could not keep", () => {
    expect(result.elementCount).toBe(2);
    expect(result.skipped).toEqual([]);
    expect(result.unmapped.map((u) => u.path)).toEqual([
      "pages[0].elements[0].isRequired",
      "pages[0].elements[0].items[1].inputType",
    ]);
  });

  it("lets conditions name a box as SurveyJS does: {element.box}", () => {
    expect(questions[3]?.logic).toEqual({ questionKey: "contact_email", operator: "empty" });
    expect(result.conditions).toEqual({ kept: 1, dropped: 0 });
  });

  it("exports one element with the original names, and imports back the same questions", () => {
    const back = toSurveyJs({ meta: result.definition.meta, questions });
    const elements = (back.pages as { elements: Record<string, unknown>[] }[])[0]?.elements ?? [];
    expect(elements.map((e) => [e.type, e.name])).toEqual([
      ["multipletext", "Contact"],
      ["comment", "why_no_email"],
    ]);
    expect(elements[0]).toMatchObject({
      title: { default: "How can we reach you?", de: "Wie erreichen wir Sie?" },
      description: "Only for this study.",
      items: [
        // A German label equal to the English one is the same to SurveyJS.
        { name: "Full name", title: "Name", isRequired: true },
        { name: "email", title: "E-mail" },
        { name: "age", inputType: "number" },
      ],
    });
    expect(elements[1]?.visibleIf).toBe("{Contact.email} empty");
    const again = fromSurveyJs(back);
    expect(again.definition.questions).toEqual(questions);
    expect(again.unmapped).toEqual([]);
  });

  it("keeps boxes edited in the builder: a changed label, a box moved away starts a new element", () => {
    const [name, email, age, why] = questions;
    const edited = [
      {
        ...name!,
        text: { en: "How can we reach you?: Your name", de: "Wie erreichen wir Sie?: Ihr Name" },
      },
      why!,
      email!,
      age!,
    ];
    const back = toSurveyJs({ meta: result.definition.meta, questions: edited });
    const elements = (back.pages as { elements: Record<string, unknown>[] }[])[0]?.elements ?? [];
    expect(elements.map((e) => e.type)).toEqual(["multipletext", "comment", "multipletext"]);
    expect(elements[0]?.items).toMatchObject([
      { name: "Full name", title: { default: "Your name", de: "Ihr Name" } },
    ]);
    expect(elements[2]?.items).toMatchObject([{ name: "email" }, { name: "age" }]);
  });

  it("lists a multipletext without boxes as not imported", () => {
    const empty = fromSurveyJs({
      elements: [{ type: "multipletext", name: "nothing", items: [] }],
    });
    expect(empty.skipped).toMatchObject([{ name: "nothing", type: "multipletext" }]);
  });
});
