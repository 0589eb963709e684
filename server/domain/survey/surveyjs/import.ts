// SurveyJS JSON -> our survey definition. Pages, panels (flattened), the common question types
// (a multipletext becomes one question per box), required flags, help text, random choice
// order, visibleIf where it fits our display logic, and English/German strings map; everything else is listed in `unmapped` with the reason, so
// nothing disappears silently. Our own meaning (role, stage, emotion/pain scales, NPS) comes
// back from the custom property our export writes.
import { fail } from "~/server/domain/errors";
import {
  locales,
  ZQuestionDefinition,
  ZSurveyMeta,
  ZSurveyQuestions,
  type TQuestionDefinition,
  type TSurveyJsOrigin,
  type TSurveyMeta,
} from "../definition";
import type { TCondition } from "../conditions";
import { resolveCondition } from "./import-logic";
import {
  containerProps,
  layoutProps,
  questionProps,
  surveyLayoutProps,
  surveyProps,
} from "./import-props";
import { mapBody, unsupportedTypes, type ElementContext } from "./import-question";
import { defaultPageName } from "./export";
import { questionKeyFor } from "./names";
import { requiresAnswer } from "./matrix";
import { boxTitle, groupTitle, multipleTextItemProps, multipleTextProps } from "./multiple-text";
import { checkDocumentShape } from "./shape";
import { languageName, requireEnglish, TextReader } from "./text";
import {
  asArray,
  customKey,
  defaultRoleForType,
  isObject,
  ZQuestionCustom,
  ZSurveyCustom,
  type JsonObject,
  type SkippedElement,
  type SurveyJsImport,
  type TUnmappedItem,
} from "./types";

export interface ImportOptions {
  /** Stages of the journey map the survey will be tied to; questions find theirs by id or name. */
  stages?: { id: string; name: string }[];
}

const maxQuestions = 200;
const maxPage = 99;

interface Inherited {
  expression: string;
  path: string;
}

class Importer implements ElementContext {
  readonly unmapped: TUnmappedItem[] = [];
  readonly text = new TextReader();
  readonly questions: TQuestionDefinition[] = [];
  conditionsKept = 0;
  readonly skipped: SkippedElement[] = [];
  /** Question elements seen (panels and pages not counted). */
  elementCount = 0;
  conditionsDropped = 0;
  /** Lower-cased question name -> the SurveyJS "visible" trigger that shows it. */
  readonly showTriggers = new Map<string, Inherited>();
  /** Name and title of the page being read, given to its first question. */
  pendingPage: TSurveyJsOrigin["page"];
  private readonly keys = new Set<string>();
  /** Lower-cased SurveyJS name -> our key, for the names display conditions refer to. */
  private readonly keyOfName = new Map<string, string>();
  private readonly optionValues = new Map<string, Map<string, string>>();

  constructor(private readonly options: ImportOptions) {}

  report(path: string, what: string, why: string): void {
    this.unmapped.push({ path, what, why });
  }

  reportExtraProps(
    el: JsonObject,
    path: string,
    known: Set<string>,
    what: string,
    layout = layoutProps,
  ) {
    const extra = Object.keys(el).filter((k) => !known.has(k) && !layout.has(k));
    if (extra.length > 0) {
      this.report(
        path,
        `${what}: ${extra.join(", ")}`,
        "These settings have no equivalent here and were left out.",
      );
    }
  }

  container(
    el: JsonObject,
    path: string,
    page: number,
    inherited: Inherited[],
    label: string,
    isPage = false,
  ) {
    this.reportExtraProps(el, path, containerProps, `Settings of ${label}`);
    if (!isPage && (this.text.read(el.title) || this.text.read(el.description))) {
      this.report(
        path,
        `Title and description of ${label}`,
        "Panels have no titles here; their questions keep their order.",
      );
    }
    // A panel's or page's condition holds for every question inside, together with theirs.
    const condition =
      typeof el.visibleIf === "string" && el.visibleIf.trim()
        ? [...inherited, { expression: el.visibleIf, path: `${path}.visibleIf` }]
        : inherited;
    const elements = el.elements ?? el.questions;
    const key = el.elements !== undefined ? "elements" : "questions";
    asArray(elements).forEach((child, i) =>
      this.element(child, path ? `${path}.${key}[${i}]` : `${key}[${i}]`, page, condition),
    );
  }

  element(el: unknown, path: string, page: number, inherited: Inherited[]): void {
    if (!isObject(el)) return this.report(path, "An element", "It is not a question object.");
    const type = typeof el.type === "string" ? el.type.toLowerCase() : "";
    const name = typeof el.name === "string" && el.name.trim() ? el.name.trim() : "";
    const label = name ? `"${name}"` : `element ${path}`;
    if (type === "panel") return this.container(el, path, page, inherited, `panel ${label}`);
    this.elementCount += 1;
    if (el.visible === false && !this.showTriggers.has(name.toLowerCase())) {
      return this.skip(
        { path, name, type },
        `Question ${label} (${type || "no type"})`,
        "It is hidden in SurveyJS (visible: false) and no trigger shows it, so respondents never see it.",
      );
    }
    if (type === "multipletext") return this.multipleText(el, path, page, inherited, name, label);
    this.question(el, path, page, inherited, { name, type, label });
  }

  /**
   * A multipletext: one short-text (or number) question per box, read as if each box were a
   * text element of its own that shares the element's title, help and conditions.
   */
  private multipleText(
    el: JsonObject,
    path: string,
    page: number,
    inherited: Inherited[],
    name: string,
    label: string,
  ): void {
    const boxes = asArray(el.items);
    if (!name || boxes.length === 0) {
      return this.skip(
        { path, name, type: "multipletext" },
        `Question ${label} (multipletext)`,
        "A multiple-text question needs a name and at least one box.",
      );
    }
    this.reportExtraProps(el, path, multipleTextProps, `Settings of ${label}`);
    if (el.isRequired === true) {
      this.report(
        `${path}.isRequired`,
        `"Required" of ${label}`,
        "SurveyJS asks for at least one of its boxes; here each box is its own question, so only boxes marked required are.",
      );
    }
    const { title, prefix } = groupTitle(el, name, this.text);
    // The element's visibleIf (or the trigger that shows it) holds for every box.
    const own = this.ownCondition(el, name, path);
    const shownWhen = own ? [...inherited, own] : inherited;
    const before = this.questions.length;
    const skippedBefore = this.skipped.length;
    const seen = new Set<string>();
    boxes.forEach((raw, i) => {
      const boxPath = `${path}.items[${i}]`;
      const item = isObject(raw) ? raw : typeof raw === "string" ? { name: raw } : null;
      const itemName = typeof item?.name === "string" ? item.name.trim() : "";
      if (!item || !itemName || seen.has(itemName)) {
        return this.report(
          boxPath,
          `A box of ${label}`,
          "Boxes need their own name; this one was left out.",
        );
      }
      seen.add(itemName);
      const boxLabel = `"${name}.${itemName}"`;
      this.reportExtraProps(item, boxPath, multipleTextItemProps, `Settings of ${boxLabel}`);
      const text = {
        type: "text",
        title: boxTitle(prefix, this.text.read(item.title) ?? { en: itemName }),
        ...(el.description !== undefined ? { description: el.description } : {}),
        ...(item.isRequired === true ? { isRequired: true } : {}),
        ...(item.inputType !== undefined ? { inputType: item.inputType } : {}),
        ...(item.maxLength !== undefined ? { maxLength: item.maxLength } : {}),
        ...(typeof el.enableIf === "string" ? { enableIf: el.enableIf } : {}),
        ...(typeof el.requiredIf === "string" ? { requiredIf: el.requiredIf } : {}),
        ...(item[customKey] !== undefined ? { [customKey]: item[customKey] } : {}),
      };
      this.question(text, boxPath, page, shownWhen, {
        name: `${name}_${itemName}`,
        type: "text",
        label: boxLabel,
        box: { name, item: itemName, ...(title ? { title } : {}) },
      });
    });
    // The skipped list counts elements: a box left out is listed in `unmapped` only, and the
    // element counts as skipped when none of its boxes became a question.
    const boxesLeftOut = this.skipped.splice(skippedBefore);
    if (this.questions.length === before) {
      this.skipped.push({
        path,
        name,
        type: "multipletext",
        reason: boxesLeftOut[0]?.reason ?? "None of its boxes could be imported.",
      });
    }
  }

  /** One question element (or box) that passed the checks above, mapped and added. */
  private question(
    el: JsonObject,
    path: string,
    page: number,
    inherited: Inherited[],
    element: {
      name: string;
      type: string;
      label: string;
      /** Set for a box of a multipletext: which element and box it is. */
      box?: NonNullable<TSurveyJsOrigin["multipleText"]>;
    },
  ): void {
    const { name, type, label, box } = element;
    if (this.questions.length >= maxQuestions) {
      return this.skip(
        { path, name, type },
        `Question ${label}`,
        `A survey can have at most ${maxQuestions} questions.`,
      );
    }
    const custom = ZQuestionCustom.safeParse(el[customKey]);
    const mine = custom.success ? custom.data : {};
    const body = mapBody(type, el, path, name || label, mine, this);
    if (!body) {
      const why =
        unsupportedTypes[type] ?? `"${type || "(none)"}" is not a question type this import knows.`;
      return this.skip({ path, name, type }, `Question ${label} (${type || "no type"})`, why);
    }
    if (!box) this.reportExtraProps(el, path, questionProps, `Settings of ${label}`);
    if (
      body.options.length < 2 &&
      (body.type === "SINGLE_CHOICE" || body.type === "MULTIPLE_CHOICE")
    ) {
      return this.skip(
        { path, name, type },
        `Question ${label}`,
        "It has fewer than two choices (choices loaded from a web address are not imported).",
      );
    }

    const key = questionKeyFor(name, new Set(this.keys), `q_${this.questions.length + 1}`);
    // Our key is a lowercase identifier; the original name is kept beside it for export and
    // for matching data collected with the original survey.
    const origin: TSurveyJsOrigin = { ...body.origin };
    if (box) origin.multipleText = box;
    else if (
      name &&
      key !== name &&
      name.length <= 500 &&
      !this.keyOfName.has(name.toLowerCase())
    ) {
      origin.name = name;
    }
    if (this.pendingPage) origin.page = this.pendingPage;
    const title = this.text.read(el.title);
    if (title && !title.en) {
      this.report(
        `${path}.title`,
        `English title of ${label}`,
        "There is none; the German title stands in.",
      );
    }
    if (
      mine.type &&
      mine.type !== body.type &&
      !(mine.type === "EMOTION" || mine.type === "PAIN")
    ) {
      this.report(
        path,
        `Recorded type ${mine.type} of ${label}`,
        `The question changed since it was exported; it was imported as ${body.type}.`,
      );
    }
    const help = this.text.read(el.description);
    const candidate = {
      key,
      type: body.type,
      role: mine.role ?? defaultRoleForType[body.type],
      stageId: this.stageFor(mine, path, label),
      page,
      required: requiresAnswer(el),
      randomizeOptions: body.randomizeOptions,
      text: title ? requireEnglish(title) : { en: name || key },
      help: help ?? null,
      options: body.options,
      settings:
        Object.keys(origin).length > 0 ? { ...body.settings, surveyJs: origin } : body.settings,
      logic: null,
      persona: mine.persona ?? null,
    };
    const parsed = ZQuestionDefinition.safeParse(candidate);
    if (!parsed.success) {
      const message = parsed.error.issues
        .map((i) => `${i.path.join(".")}: ${i.message}`)
        .join("; ");
      return this.skip(
        { path, name, type },
        `Question ${label}`,
        `It does not fit our question rules (${message}).`,
      );
    }
    const question = parsed.data;
    const own = box ? null : this.ownCondition(el, name, path);
    const shownWhen = own ? [...inherited, own] : inherited;
    const kept = shownWhen
      .map((c) => this.logic(c, label, "The question is shown whether it holds or not."))
      .filter((c): c is TCondition => c !== null);
    question.logic = allOf(kept);
    // A question shown more often than its author meant must not block anyone: when a
    // condition that hid it could not be kept, it no longer requires an answer.
    let lost = kept.length < shownWhen.length;
    for (const [prop, field, consequence] of [
      ["enableIf", "enableIf", "The question can always be answered."],
      ["requiredIf", "requiredIf", "The question is required only if marked so."],
    ] as const) {
      const expression = el[prop];
      if (typeof expression !== "string" || !expression.trim()) continue;
      const condition = this.logic({ expression, path: `${path}.${prop}` }, label, consequence);
      if (condition) question.settings = { ...question.settings, [field]: condition };
      else if (prop === "enableIf") lost = true;
    }
    if (lost && question.required) {
      question.required = false;
      this.report(
        `${path}.isRequired`,
        `"Required" of ${label}`,
        "A condition on it could not be kept, so it was made optional: otherwise respondents it was not meant for could not go on.",
      );
    }

    this.keys.add(key);
    this.pendingPage = undefined;
    // SurveyJS expressions name a box `{element.box}`.
    const conditionName = box ? `${box.name}.${box.item}` : name;
    if (conditionName) this.keyOfName.set(conditionName.toLowerCase(), key);
    this.optionValues.set(key, body.optionValues);
    this.questions.push(question);
  }

  /** The question's own display condition: its visibleIf, or a trigger when it starts hidden. */
  private ownCondition(el: JsonObject, name: string, path: string): Inherited | null {
    if (typeof el.visibleIf === "string" && el.visibleIf.trim()) {
      return { expression: el.visibleIf, path: `${path}.visibleIf` };
    }
    if (el.visible === false) return this.showTriggers.get(name.toLowerCase()) ?? null;
    return null;
  }

  /** A question element that was not imported: listed, and kept for the converter's report. */
  private skip(element: { path: string; name: string; type: string }, what: string, why: string) {
    this.skipped.push({ ...element, reason: why });
    this.report(element.path, what, why);
  }

  dropCondition(path: string, what: string, why: string): void {
    this.conditionsDropped += 1;
    this.report(path, what, why);
  }

  private stageFor(
    custom: { stageId?: string | null; stageName?: string | null },
    path: string,
    label: string,
  ): string | null {
    if (!custom.stageId && !custom.stageName) return null;
    const stages = this.options.stages ?? [];
    const byId = stages.find((s) => s.id === custom.stageId);
    const byName = stages.find(
      (s) => s.name.trim().toLowerCase() === custom.stageName?.trim().toLowerCase(),
    );
    const stage = byId ?? byName;
    if (stage) return stage.id;
    this.report(
      `${path}.${customKey}`,
      `Journey stage${custom.stageName ? ` "${custom.stageName}"` : ""} of ${label}`,
      stages.length > 0
        ? "The chosen journey map has no such stage; tie the question to a stage in the builder."
        : "No journey map was chosen for the survey; tie the question to a stage in the builder.",
    );
    return null;
  }

  private logic(condition: Inherited, label: string, consequence: string): TCondition | null {
    const resolved = resolveCondition(condition.expression, (name) => {
      const key = this.keyOfName.get(name.toLowerCase());
      const question = this.questions.find((q) => q.key === key);
      return question ? { question, optionValues: this.optionValues.get(question.key) } : null;
    });
    if ("logic" in resolved) {
      this.conditionsKept += 1;
      return resolved.logic;
    }
    this.dropCondition(
      condition.path,
      `Condition "${condition.expression}" of ${label}`,
      `${resolved.why} ${consequence}`,
    );
    return null;
  }
}

/** Conditions that must all hold, as one (flattening nested "and"s); null when there are none. */
function allOf(conditions: TCondition[]): TCondition | null {
  const flat = conditions.flatMap((c) => ("and" in c ? c.and : [c]));
  if (flat.length === 0) return null;
  return flat.length === 1 ? (flat[0] as TCondition) : { and: flat };
}

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
    importer.container(raw, path, Math.min(page, maxPage), [], label, true);
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
