// Our survey definition -> SurveyJS JSON. Types SurveyJS lacks become their nearest SurveyJS
// form (emotion and pain scales: a rating with the scale's words as rateValues; number: a text
// input of type number), and a custom "personaAtlas" property on every question keeps our type,
// meaning, stage and NPS flag, so that importing the file again restores the same survey.
// Questions imported from the boxes of one multipletext go back as that one element.
import type { TChoiceOption, TQuestionDefinition, TSurveyMeta } from "../definition";
import { emotionScale, painScale, textLimits, type ScalePoint } from "../scales";
import { formatCondition, type SourceInfo } from "./expression-format";
import { matrixElement, matrixRowCustom } from "./matrix";
import { boxItem, groupElement, isBox } from "./multiple-text";
import { writeText } from "./text";
import { customKey, type JsonObject } from "./types";

export interface ExportInput {
  meta: Pick<TSurveyMeta, "title" | "description" | "languages" | "journeyMapId"> &
    Partial<Pick<TSurveyMeta, "titleDe" | "descriptionDe">>;
  questions: TQuestionDefinition[];
  /** The journey map's stages, so the file can name them (ids mean nothing elsewhere). */
  stages?: { id: string; name: string }[];
}

/** Version of what we write into the custom property, for future readers. */
export const surveyJsFormat = 1;

function scaleValues(scale: ScalePoint[], german: boolean) {
  return scale.map((p) => ({
    value: p.value,
    text: writeText(german ? p.label : { en: p.label.en }),
  }));
}

/** The name SurveyJS Creator gives the n-th page (0-based index); ours when none was kept. */
export const defaultPageName = (index: number) => `page${index + 1}`;

/** The question's name in SurveyJS: the original one when it was imported, else our key. */
export const surveyJsName = (q: TQuestionDefinition) => q.settings.surveyJs?.name ?? q.key;

/** An option's value in SurveyJS: the original one when it was imported, else ours. */
const surveyJsValue = (o: TChoiceOption): string | number => o.source ?? o.value;

function choiceBody(q: TQuestionDefinition): JsonObject {
  const imported = q.settings.surveyJs ?? {};
  // An "Other (please specify)" option made in the builder is SurveyJS's "Other" item too.
  const origin = { ...imported, otherValue: imported.otherValue ?? q.settings.otherTextFor };
  const special = new Set([origin.otherValue, origin.noneValue]);
  const body: JsonObject = {
    type:
      q.type === "SINGLE_CHOICE"
        ? origin.type === "dropdown"
          ? "dropdown"
          : "radiogroup"
        : origin.type === "tagbox"
          ? "tagbox"
          : "checkbox",
    choices: q.options
      .filter((o) => !special.has(o.value))
      .map((o) => ({ value: surveyJsValue(o), text: writeText(o.label) })),
    ...(q.randomizeOptions ? { choicesOrder: "random" } : {}),
  };
  // SurveyJS's own "None" and "Other" items, written back as such.
  const none = q.options.find((o) => o.value === origin.noneValue);
  if (none) Object.assign(body, { showNoneItem: true, noneText: writeText(none.label) });
  const other = q.options.find((o) => o.value === origin.otherValue);
  if (other) Object.assign(body, { showOtherItem: true, otherText: writeText(other.label) });
  const [yes, no] = q.options;
  if (origin.type === "boolean" && q.type === "SINGLE_CHOICE" && yes && no && !none && !other) {
    const value = (o: TChoiceOption, plain: string) => {
      const v = surveyJsValue(o);
      return String(v) === plain ? {} : { [`value${plain === "true" ? "True" : "False"}`]: v };
    };
    return {
      type: "boolean",
      labelTrue: writeText(yes.label),
      labelFalse: writeText(no.label),
      ...value(yes, "true"),
      ...value(no, "false"),
    };
  }
  return body;
}

/** Name, title, help, required flag and conditions: what every element of ours carries. */
function commonProps(q: TQuestionDefinition, byKey: Map<string, TQuestionDefinition>): JsonObject {
  const base: JsonObject = { name: surveyJsName(q), title: writeText(q.text) };
  if (q.help && (q.help.en || q.help.de)) base.description = writeText(q.help);
  if (q.required) base.isRequired = true;
  // Our required matrix wants every row; SurveyJS's isRequired alone accepts one row.
  if (q.required && q.type === "MATRIX") base.isAllRowRequired = true;
  const sourceOf = (key: string): SourceInfo | undefined => {
    const source = byKey.get(key);
    if (!source) return undefined;
    const value = (v: string) => {
      const option = source.options.find((o) => o.value === v);
      return option ? surveyJsValue(option) : v;
    };
    const box = source.settings.surveyJs?.multipleText;
    // A box of a multipletext is named `{element.box}` in SurveyJS expressions.
    const name = box && isBox(source) ? `${box.name}.${box.item}` : surveyJsName(source);
    return { type: source.type, naming: { name, value } };
  };
  if (q.logic) base.visibleIf = formatCondition(q.logic, sourceOf);
  if (q.settings.enableIf) base.enableIf = formatCondition(q.settings.enableIf, sourceOf);
  if (q.settings.requiredIf) base.requiredIf = formatCondition(q.settings.requiredIf, sourceOf);
  return base;
}

/** Our meaning of the question, for the custom property. */
function customOf(q: TQuestionDefinition, stages: Map<string, string>): JsonObject {
  const custom: JsonObject = { type: q.type, role: q.role };
  if (q.stageId) {
    custom.stageId = q.stageId;
    custom.stageName = stages.get(q.stageId) ?? null;
  }
  if (q.type === "RATING" && q.settings.nps) custom.nps = true;
  const rowCustom = q.type === "MATRIX" ? matrixRowCustom(q) : null;
  if (rowCustom) custom.matrixRows = rowCustom;
  if (q.persona) custom.persona = q.persona as unknown as JsonObject;
  return custom;
}

function element(
  q: TQuestionDefinition,
  base: JsonObject,
  custom: JsonObject,
  german: boolean,
): JsonObject {
  const ends: JsonObject = {};
  if (q.settings.minLabel) ends.minRateDescription = writeText(q.settings.minLabel);
  if (q.settings.maxLabel) ends.maxRateDescription = writeText(q.settings.maxLabel);

  let body: JsonObject;
  switch (q.type) {
    case "SINGLE_CHOICE":
    case "MULTIPLE_CHOICE":
      body = choiceBody(q);
      break;
    case "LIKERT": {
      const points = q.settings.points ?? 5;
      body = { type: "rating", rateMin: 1, rateMax: points, rateCount: points, ...ends };
      break;
    }
    case "RATING":
      body = { type: "rating", rateMin: 0, rateMax: 10, rateCount: 11, ...ends };
      break;
    case "EMOTION":
      body = { type: "rating", rateType: "smileys", rateValues: scaleValues(emotionScale, german) };
      break;
    case "PAIN":
      body = { type: "rating", rateValues: scaleValues(painScale, german) };
      break;
    case "NUMBER": {
      const { min, max, surveyJs } = q.settings;
      // A rating scale we hold as a number question goes back as the same rating scale.
      body =
        surveyJs?.type === "rating" && min !== undefined && max !== undefined
          ? {
              type: "rating",
              rateMin: min,
              rateMax: max,
              ...(surveyJs.rateStep ? { rateStep: surveyJs.rateStep } : {}),
              ...ends,
            }
          : {
              type: "text",
              inputType: "number",
              ...(min !== undefined ? { min } : {}),
              ...(max !== undefined ? { max } : {}),
            };
      break;
    }
    case "SHORT_TEXT":
      body = { type: "text", maxLength: textLimits.SHORT_TEXT };
      break;
    case "LONG_TEXT":
      body = { type: "comment", maxLength: textLimits.LONG_TEXT };
      break;
    case "MATRIX":
      body = matrixElement(q);
      break;
  }
  return { ...body, ...base, [customKey]: custom };
}

export function toSurveyJs(input: ExportInput): JsonObject {
  const { meta, questions } = input;
  const german = meta.languages.includes("de");
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const stages = new Map((input.stages ?? []).map((s) => [s.id, s.name]));
  // Our pages are numbers on the questions, kept contiguous; SurveyJS nests questions in pages.
  const pages: JsonObject[] = [];
  let current: { number: number; elements: JsonObject[] } | null = null;
  /** The multipletext element being filled, while its boxes follow one another. */
  let group: { name: string; items: JsonObject[] } | null = null;
  for (const q of questions) {
    if (!current || current.number !== q.page) {
      current = { number: q.page, elements: [] };
      const page = q.settings.surveyJs?.page;
      pages.push({
        name: page?.name ?? defaultPageName(pages.length),
        ...(page?.title ? { title: writeText(page.title) } : {}),
        ...(page?.description ? { description: writeText(page.description) } : {}),
        elements: current.elements,
      });
    }
    const base = commonProps(q, byKey);
    const custom = customOf(q, stages);
    const box = isBox(q) ? q.settings.surveyJs?.multipleText : undefined;
    if (!box) {
      group = null;
      current.elements.push(element(q, base, custom, german));
      continue;
    }
    // Boxes of one multipletext follow one another on a page; a new page or another
    // question in between starts a new element.
    const last = current.elements[current.elements.length - 1];
    if (!group || group.name !== box.name || last?.items !== group.items) {
      const opened = groupElement(q, base);
      group = { name: box.name, items: opened.items as JsonObject[] };
      current.elements.push(opened);
    }
    group.items.push(boxItem(q, custom));
  }
  return {
    // The German title and description travel as SurveyJS's localized strings.
    title: writeText({ en: meta.title, de: german ? (meta.titleDe ?? "") : "" }),
    ...(meta.description || (german && meta.descriptionDe)
      ? {
          description: writeText({
            en: meta.description,
            de: german ? (meta.descriptionDe ?? "") : "",
          }),
        }
      : {}),
    showProgressBar: "top",
    [customKey]: {
      format: surveyJsFormat,
      languages: meta.languages,
      journeyMapId: meta.journeyMapId,
    },
    pages,
  };
}
