// SurveyJS files with compound logic, written the way SurveyJS Creator writes them: a family
// survey over eight pages with "value|text" choices, an "Other" item, page titles in two
// languages and and / or / not conditions; and a chain of dropdowns each shown only when all the
// earlier ones are answered. Import keeps every condition, the respondent flow honours them
// (a "No" to kids is never asked for kid ages), and export writes the same expressions back.
import { describe, expect, it } from "vitest";
import {
  answersToSend,
  checkPage,
  pageHeading,
  questionsOnPage,
  visiblePages,
} from "~/app/_components/respondent/flow";
import { checkAnswers } from "~/server/domain/survey/answers";
import { toSurveyJs } from "~/server/domain/survey/surveyjs/export";
import { fromSurveyJs } from "~/server/domain/survey/surveyjs/import";

const page = (name: string, title: { default: string; de: string }, elements: unknown[]) => ({
  name,
  title,
  elements,
});

const family = {
  title: "Family and mobility",
  pages: [
    page("household", { default: "Your household", de: "Ihr Haushalt" }, [
      {
        type: "radiogroup",
        name: "HasKids",
        title: { default: "Do you have kids?", de: "Haben Sie Kinder?" },
        isRequired: true,
        choices: ["yes|Yes", "no|No"],
      },
    ]),
    page("kids", { default: "Your children", de: "Ihre Kinder" }, [
      {
        type: "text",
        inputType: "number",
        name: "KidCount",
        title: "How many children live with you?",
        isRequired: true,
        min: 1,
        max: 12,
        visibleIf: "{HasKids} = 'yes'",
      },
    ]),
    page("ages", { default: "Ages", de: "Alter" }, [
      {
        type: "dropdown",
        name: "YoungestAge",
        title: "How old is the youngest?",
        isRequired: true,
        choices: ["0-5|Under 6", "6-12|6 to 12", "13-17|13 to 17"],
        visibleIf: "{HasKids} = 'yes' and {KidCount} >= 1",
      },
      {
        type: "dropdown",
        name: "OldestAge",
        title: "How old is the oldest?",
        isRequired: true,
        choices: ["0-5|Under 6", "6-12|6 to 12", "13-17|13 to 17", "adult|18 or older"],
        visibleIf: "{HasKids} = 'yes' and {KidCount} > 1",
      },
    ]),
    page("transport", { default: "Getting around", de: "Unterwegs" }, [
      {
        type: "checkbox",
        name: "Transport",
        title: "How do you get around?",
        isRequired: true,
        choices: ["car|Own car", "bike|Bike", "transit|Bus and train"],
        hasOther: true,
        otherText: { default: "Something else", de: "Etwas anderes" },
      },
    ]),
    page("car", { default: "Your car", de: "Ihr Auto" }, [
      {
        type: "radiogroup",
        name: "SeatsEnough",
        title: "Does your car have enough seats?",
        isRequired: true,
        choices: ["yes|Yes", "no|No"],
        visibleIf: "{Transport} contains 'car' and ({HasKids} = 'yes' or {KidCount} notempty)",
      },
    ]),
    page("no-car", { default: "Without a car", de: "Ohne Auto" }, [
      {
        type: "comment",
        name: "WhyNoCar",
        title: "Why no car?",
        isRequired: true,
        visibleIf: "!({Transport} contains 'car')",
      },
    ]),
    page("satisfaction", { default: "Satisfaction", de: "Zufriedenheit" }, [
      {
        type: "rating",
        name: "Satisfaction",
        title: "How satisfied are you with getting around?",
        isRequired: true,
      },
      {
        type: "comment",
        name: "Unhappy",
        title: "What goes wrong?",
        isRequired: true,
        visibleIf: "{Satisfaction} <= 2 or {Transport} anyof ['other']",
      },
    ]),
    page("thanks", { default: "Almost done", de: "Fast geschafft" }, [
      {
        type: "text",
        name: "SchoolRun",
        title: "Who takes the kids to school?",
        isRequired: true,
        visibleIf: "{YoungestAge} != '0-5' and {YoungestAge} notempty",
      },
      { type: "comment", name: "Anything", title: "Anything else?" },
    ]),
  ],
};

describe("a family survey with compound conditions over eight pages", () => {
  const result = fromSurveyJs(family);
  const { questions } = result.definition;
  const key = (name: string) => {
    const q = questions.find((x) => (x.settings.surveyJs?.name ?? x.key) === name);
    if (!q) throw new Error(`no question ${name}`);
    return q.key;
  };

  it("imports every question and keeps every condition", () => {
    expect(questions).toHaveLength(11);
    expect(result.skipped).toEqual([]);
    expect(result.conditions).toEqual({ kept: 7, dropped: 0 });
    expect(result.unmapped.filter((u) => /visibleIf|isRequired/.test(u.path))).toEqual([]);
    // Required stays on: the conditions decide who must answer.
    expect(questions.filter((q) => q.required).map((q) => q.key)).not.toContain(key("Anything"));
    expect(questions.find((q) => q.key === key("YoungestAge"))?.required).toBe(true);
  });

  it("does not ask someone without kids about kids, and lets them finish", () => {
    const answers = {
      [key("HasKids")]: "no",
      [key("Transport")]: ["bike"],
      [key("WhyNoCar")]: "Too expensive",
      [key("Satisfaction")]: 4,
    };
    const pages = visiblePages(questions, answers);
    expect(pages).toEqual([0, 3, 5, 6, 7]);
    for (const p of pages) expect(checkPage(questions, answers, p, "en"), `page ${p}`).toEqual({});
    expect(checkAnswers(questions, answers, { complete: true }).errors).toEqual({});
  });

  it("asks a parent of two about both ages and the school run", () => {
    const answers = {
      [key("HasKids")]: "yes",
      [key("KidCount")]: "2",
      [key("Transport")]: ["car"],
    };
    expect(questionsOnPage(questions, answers, 2).map((q) => q.key)).toEqual([
      key("YoungestAge"),
      key("OldestAge"),
    ]);
    expect(questionsOnPage(questions, answers, 4).map((q) => q.key)).toEqual([key("SeatsEnough")]);
    expect(visiblePages(questions, answers)).not.toContain(5);
    const withAge = { ...answers, [key("YoungestAge")]: "6-12" };
    expect(questionsOnPage(questions, withAge, 7).map((q) => q.key)).toContain(key("SchoolRun"));
    const toddler = { ...answers, [key("YoungestAge")]: "0-5" };
    expect(questionsOnPage(questions, toddler, 7).map((q) => q.key)).not.toContain(
      key("SchoolRun"),
    );
  });

  it('asks for the text of "Other" and sends it only while "Other" is chosen', () => {
    const transport = questions.find((q) => q.key === key("Transport"));
    expect(transport?.settings.otherTextFor).toBe("other");
    expect(transport?.options.at(-1)?.label).toEqual({ en: "Something else", de: "Etwas anderes" });
    expect(result.unmapped.some((u) => /Other/.test(u.what))).toBe(false);
    const other = `${key("Transport")}-Comment`;
    const base = { [key("HasKids")]: "no", [key("Transport")]: ["bike", "other"] };
    expect(checkPage(questions, base, 3, "de")).toEqual({
      [other]: "Bitte beschreiben Sie, was „Sonstiges“ für Sie ist.",
    });
    expect(checkAnswers(questions, base, { complete: true }).errors[other]).toBeDefined();
    const typed = { ...base, [other]: "  Scooter " };
    expect(checkPage(questions, typed, 3, "en")).toEqual({});
    expect(answersToSend(questions, typed)[other]).toBe("Scooter");
    const changedMind = { ...typed, [key("Transport")]: ["bike"] };
    expect(answersToSend(questions, changedMind)).not.toHaveProperty(other);
    // The server refuses a text for an "Other" that was not chosen.
    expect(checkAnswers(questions, changedMind, { complete: false }).errors[other]).toMatch(
      /does not apply/,
    );
  });

  it("shows each page's title in the respondent's language", () => {
    expect(pageHeading(questions, 0)?.title).toEqual({ en: "Your household", de: "Ihr Haushalt" });
    expect(pageHeading(questions, 3)?.title?.de).toBe("Unterwegs");
  });

  it("writes the same conditions, names and values back to SurveyJS", () => {
    const exported = toSurveyJs(result.definition) as {
      pages: { name: string; title?: unknown; elements: Record<string, unknown>[] }[];
    };
    expect(exported.pages.map((p) => p.name)).toEqual(family.pages.map((p) => p.name));
    expect(exported.pages[0]?.title).toEqual({ default: "Your household", de: "Ihr Haushalt" });
    const element = (name: string) =>
      exported.pages.flatMap((p) => p.elements).find((e) => e.name === name);
    expect(element("YoungestAge")?.visibleIf).toBe("{HasKids} = 'yes' and {KidCount} >= 1");
    expect(element("SeatsEnough")?.visibleIf).toBe(
      "{Transport} contains 'car' and ({HasKids} = 'yes' or {KidCount} notempty)",
    );
    expect(element("WhyNoCar")?.visibleIf).toBe("!({Transport} contains 'car')");
    expect(element("SchoolRun")?.visibleIf).toBe(
      "{YoungestAge} != '0-5' and {YoungestAge} notempty",
    );
    expect(element("Transport")).toMatchObject({
      showOtherItem: true,
      otherText: { default: "Something else", de: "Etwas anderes" },
    });
    expect(JSON.stringify(element("Transport")?.choices)).not.toContain("other");
    // Imported again, the export means the same.
    const again = fromSurveyJs(exported);
    expect(again.definition.questions.map((q) => q.logic)).toEqual(questions.map((q) => q.logic));
  });
});

describe("a chain of dropdowns with and conditions", () => {
  const names = ["Make", "Model", "Engine", "Trim"];
  const chain = {
    pages: [
      {
        name: "car",
        elements: names.map((name, i) => ({
          type: "dropdown",
          name,
          isRequired: true,
          choices: [`${name.toLowerCase()}-a|${name} A`, `${name.toLowerCase()}-b|${name} B`],
          ...(i > 0
            ? {
                visibleIf: names
                  .slice(0, i)
                  .map((earlier) => `{${earlier}} notempty`)
                  .join(" and "),
              }
            : {}),
        })),
      },
    ],
  };
  const result = fromSurveyJs(chain);
  const { questions } = result.definition;

  it("shows each dropdown only when all earlier ones are answered", () => {
    expect(result.conditions).toEqual({ kept: 3, dropped: 0 });
    expect(questions[3]?.logic).toEqual({
      and: ["make", "model", "engine"].map((k) => ({ questionKey: k, operator: "notEmpty" })),
    });
    const shown = (answers: Record<string, string>) =>
      questionsOnPage(questions, answers, 0).map((q) => q.key);
    expect(shown({})).toEqual(["make"]);
    expect(shown({ make: "make-a", model: "model-b" })).toEqual(["make", "model", "engine"]);
    // Clearing an early answer hides everything after it; nothing hidden blocks the page.
    expect(shown({ model: "model-b", engine: "engine-a" })).toEqual(["make"]);
    expect(checkPage(questions, { make: "make-a" }, 0, "en")).toEqual({
      model: "Please answer this question.",
    });
  });
});
