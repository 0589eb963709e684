// One SurveyJS question element (or multipletext box) -> one of our question definitions, added
// to the import: its body mapped (import-question.ts), its key, origin, stage and texts set, the
// whole checked against our question rules, and its display, enable and required conditions
// resolved. A question whose hiding condition could not be kept no longer requires an answer.
import type { TCondition } from "../conditions";
import { ZQuestionDefinition, type TSurveyJsOrigin } from "../definition";
import { questionProps } from "./import-props";
import { mapBody, unsupportedTypes } from "./import-question";
import { allOf, type Importer, type Inherited } from "./import-state";
import { requiresAnswer } from "./matrix";
import { questionKeyFor } from "./names";
import { requireEnglish } from "./text";
import { customKey, defaultRoleForType, ZQuestionCustom, type JsonObject } from "./types";

const maxQuestions = 200;

/** One question element (or box) that passed the checks above, mapped and added. */
export function addQuestion(
  importer: Importer,
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
  if (importer.questions.length >= maxQuestions) {
    return importer.skip(
      { path, name, type },
      `Question ${label}`,
      `A survey can have at most ${maxQuestions} questions.`,
    );
  }
  const custom = ZQuestionCustom.safeParse(el[customKey]);
  const mine = custom.success ? custom.data : {};
  const body = mapBody(type, el, path, name || label, mine, importer);
  if (!body) {
    const why =
      unsupportedTypes[type] ?? `"${type || "(none)"}" is not a question type this import knows.`;
    return importer.skip({ path, name, type }, `Question ${label} (${type || "no type"})`, why);
  }
  if (!box) importer.reportExtraProps(el, path, questionProps, `Settings of ${label}`);
  if (
    body.options.length < 2 &&
    (body.type === "SINGLE_CHOICE" || body.type === "MULTIPLE_CHOICE")
  ) {
    return importer.skip(
      { path, name, type },
      `Question ${label}`,
      "It has fewer than two choices (choices loaded from a web address are not imported).",
    );
  }

  const key = questionKeyFor(name, new Set(importer.keys), `q_${importer.questions.length + 1}`);
  // Our key is a lowercase identifier; the original name is kept beside it for export and
  // for matching data collected with the original survey.
  const origin: TSurveyJsOrigin = { ...body.origin };
  if (box) origin.multipleText = box;
  else if (
    name &&
    key !== name &&
    name.length <= 500 &&
    !importer.keyOfName.has(name.toLowerCase())
  ) {
    origin.name = name;
  }
  if (importer.pendingPage) origin.page = importer.pendingPage;
  const title = importer.text.read(el.title);
  if (title && !title.en) {
    importer.report(
      `${path}.title`,
      `English title of ${label}`,
      "There is none; the German title stands in.",
    );
  }
  if (mine.type && mine.type !== body.type && !(mine.type === "EMOTION" || mine.type === "PAIN")) {
    importer.report(
      path,
      `Recorded type ${mine.type} of ${label}`,
      `The question changed since it was exported; it was imported as ${body.type}.`,
    );
  }
  const help = importer.text.read(el.description);
  const candidate = {
    key,
    type: body.type,
    role: mine.role ?? defaultRoleForType[body.type],
    stageId: importer.stageFor(mine, path, label),
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
    const message = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    return importer.skip(
      { path, name, type },
      `Question ${label}`,
      `It does not fit our question rules (${message}).`,
    );
  }
  const question = parsed.data;
  const own = box ? null : importer.ownCondition(el, name, path);
  const shownWhen = own ? [...inherited, own] : inherited;
  const kept = shownWhen
    .map((c) => importer.logic(c, label, "The question is shown whether it holds or not."))
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
    const condition = importer.logic({ expression, path: `${path}.${prop}` }, label, consequence);
    if (condition) question.settings = { ...question.settings, [field]: condition };
    else if (prop === "enableIf") lost = true;
  }
  if (lost && question.required) {
    question.required = false;
    importer.report(
      `${path}.isRequired`,
      `"Required" of ${label}`,
      "A condition on it could not be kept, so it was made optional: otherwise respondents it was not meant for could not go on.",
    );
  }

  importer.keys.add(key);
  importer.pendingPage = undefined;
  // SurveyJS expressions name a box `{element.box}`.
  const conditionName = box ? `${box.name}.${box.item}` : name;
  if (conditionName) importer.keyOfName.set(conditionName.toLowerCase(), key);
  importer.optionValues.set(key, body.optionValues);
  importer.questions.push(question);
}
