// SurveyJS JSON -> our survey definition. Pages, panels (flattened), the common question types
// (a multipletext becomes one question per box), required flags, help text, random choice
// order, visibleIf where it fits our display logic, and English/German strings map; everything else is listed in `unmapped` with the reason, so
// nothing disappears silently. Our own meaning (role, stage, emotion/pain scales, NPS) comes
// back from the custom property our export writes.
// This module reads the document as a whole (pages, triggers, survey fields); the elements are
// walked in import-elements.ts, each question added in import-question-definition.ts, and the
// shared state and reports kept in import-state.ts.
import { fail } from "~/server/domain/errors";
import {
  locales,
  ZSurveyMeta,
  ZSurveyQuestions,
  type TSurveyJsOrigin,
  type TSurveyMeta,
} from "../definition";
import { readContainer } from "./import-elements";
import { surveyLayoutProps, surveyProps } from "./import-props";
import { Importer, type ImportOptions } from "./import-state";
import { defaultPageName } from "./export";
import { checkDocumentShape } from "./shape";
import { languageName, requireEnglish } from "./text";
import {
  asArray,
  customKey,
  isObject,
  ZSurveyCustom,
  type JsonObject,
  type SurveyJsImport,
} from "./types";

export type { ImportOptions };

const maxPage = 99;

/**
 * SurveyJS "visible" triggers show hidden questions when an expression holds: the same as a
 * visibleIf on each of them, which is how they are read. Other triggers set values, jump or
 * complete the survey, which has no equivalent here.
 */
function readTriggers(json: JsonObject, importer: Importer): void {
  asArray(json.triggers).forEach((trigger, i) => {
    const path = `triggers[${i}]`;
    const type = isObject(trigger) && typeof trigger.type === "string" ? trigger.type : "";
    const expression = isObject(trigger) ? trigger.expression : undefined;
    const names = isObject(trigger) ? asArray(trigger.questions ?? trigger.elements) : [];
    if (type.toLowerCase() !== "visible" || typeof expression !== "string" || !expression.trim()) {
      importer.report(
        path,
        `Trigger "${type || "(no type)"}"`,
        "Only triggers that show hidden questions have an equivalent (display logic); this one was left out.",
      );
      return;
    }
    for (const name of names) {
      if (typeof name !== "string" || !name.trim()) continue;
      importer.showTriggers.set(name.trim().toLowerCase(), {
        expression,
        path: `${path}.expression`,
      });
    }
  });
}

/** What a page's first question keeps of the page: a name other than ours, title, text. */
function pageOrigin(raw: JsonObject, index: number, importer: Importer): TSurveyJsOrigin["page"] {
  const out: NonNullable<TSurveyJsOrigin["page"]> = {};
  const name = typeof raw.name === "string" ? raw.name.trim() : "";
  if (name && name !== defaultPageName(index)) out.name = name.slice(0, 500);
  const title = importer.text.read(raw.title);
  const description = importer.text.read(raw.description);
  if (title) out.title = requireEnglish(title);
  if (description) out.description = requireEnglish(description);
  return Object.keys(out).length > 0 ? out : undefined;
}

function meta(json: JsonObject, importer: Importer): TSurveyMeta {
  const title = importer.text.read(json.title);
  const description = importer.text.read(json.description);
  const custom = ZSurveyCustom.safeParse(json[customKey]);
  const recorded = custom.success ? (custom.data.languages ?? []) : [];
  const languages = locales.filter(
    (l) =>
      l === "en" ||
      recorded.includes(l) ||
      (l === "de" && recorded.length === 0 && importer.text.sawGerman),
  );
  const titleText = (title?.en ?? title?.de ?? "").slice(0, 160);
  return ZSurveyMeta.parse({
    title: titleText.length >= 2 ? titleText : "Imported survey",
    description: (description?.en ?? description?.de ?? "").slice(0, 2000),
    // German wording only beside an English one: alone it already stands in for the English.
    titleDe: title?.en ? (title.de ?? "").slice(0, 160) : "",
    descriptionDe: description?.en ? (description.de ?? "").slice(0, 2000) : "",
    languages,
    journeyMapId: null,
  });
}

/** Maps a parsed SurveyJS JSON document. Throws INVALID_INPUT when it is not a survey at all. */
export function fromSurveyJs(json: unknown, options: ImportOptions = {}): SurveyJsImport {
  checkDocumentShape(json);
  if (!isObject(json))
    return fail(
      "INVALID_INPUT",
      "This is not a SurveyJS survey: expected a JSON object with pages.",
    );
  const importer = new Importer(options);
  const pages = Array.isArray(json.pages)
    ? json.pages.map((p, i) => ({ page: p, path: `pages[${i}]` }))
    : json.elements !== undefined || json.questions !== undefined
      ? [{ page: { elements: json.elements ?? json.questions } as unknown, path: "" }]
      : [];
  if (pages.length === 0)
    return fail("INVALID_INPUT", "This is not a SurveyJS survey: it has no pages and no elements.");
  importer.reportExtraProps(json, "", surveyProps, "Survey settings", surveyLayoutProps);
  readTriggers(json, importer);
  if (typeof json.locale === "string" && json.locale && json.locale !== "en") {
    importer.report(
      "locale",
      `Default language "${json.locale}"`,
      "The respondent page picks English or German from the browser; there is no fixed default language.",
    );
  }
  let page = 0;
  for (const { page: raw, path } of pages) {
    if (!isObject(raw)) {
      importer.report(path, "A page", "It is not a page object.");
      continue;
    }
    const before = importer.questions.length;
    const label =
      typeof raw.name === "string" ? `page "${raw.name}"` : path ? `page ${path}` : "the survey";
    if (page > maxPage) {
      importer.report(
        path,
        label,
        `A survey has at most ${maxPage + 1} pages; its questions were put on the last one.`,
      );
    }
    importer.pendingPage = pageOrigin(raw, page, importer);
    readContainer(importer, raw, path, Math.min(page, maxPage), [], label, true);
    if (importer.questions.length > before) page += 1;
    else if (importer.pendingPage?.title || importer.pendingPage?.description) {
      importer.report(
        path,
        `Title and description of ${label}`,
        "The page has no questions that could be imported, so its title has no place.",
      );
    }
    importer.pendingPage = undefined;
  }
  for (const [locale, count] of importer.text.dropped) {
    importer.report(
      "(all texts)",
      `${languageName(locale)} texts (${count})`,
      "Surveys here speak English and German; these translations were left out.",
    );
  }
  const questions = ZSurveyQuestions.safeParse(importer.questions);
  if (!questions.success) {
    // Each question was checked on its own; what is left is a whole-survey rule, a bug if hit.
    return fail(
      "INVALID_INPUT",
      `The imported questions do not fit together: ${questions.error.issues[0]?.message ?? "unknown problem"}`,
    );
  }
  const custom = ZSurveyCustom.safeParse(json[customKey]);
  return {
    definition: { meta: meta(json, importer), questions: questions.data },
    unmapped: importer.unmapped,
    elementCount: importer.elementCount,
    skipped: importer.skipped,
    conditions: { kept: importer.conditionsKept, dropped: importer.conditionsDropped },
    journeyMapHint: custom.success ? (custom.data.journeyMapId ?? null) : null,
  };
}
