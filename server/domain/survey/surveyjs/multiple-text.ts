// SurveyJS `multipletext` (several labelled boxes under one title) <-> a group of our short-text
// or number questions, one per box. Each question's text is the element's title followed by the
// box's label, so it reads on its own; the element's name, the box's name and the title are kept
// beside it (`settings.surveyJs.multipleText`), so export writes one element with the original
// box names back and data collected with the original survey still matches.
import type { TQuestionDefinition } from "../definition";
import { customKey, elementProps, type JsonObject } from "./types";
import { requireEnglish, writeText, type PartialText, type TextReader } from "./text";

/** Settings of the multipletext element the import reads (layout ones are skipped silently). */
export const multipleTextProps = new Set([...elementProps, "items", "itemSize", customKey]);

/** Settings of one box the import reads. */
export const multipleTextItemProps = new Set([
  "name",
  "title",
  "inputType",
  "isRequired",
  "maxLength",
  "placeholder",
  "size",
  customKey,
]);

/** Between the element's title and a box's label in the question text. */
const separator = ": ";

/** A box's question text: the element's title (or name), then the box's label (or name). */
export function boxTitle(group: PartialText, box: PartialText) {
  const en = `${group.en ?? group.de ?? ""}${separator}${box.en ?? box.de ?? ""}`;
  const de =
    group.de || box.de
      ? `${group.de ?? group.en ?? ""}${separator}${box.de ?? box.en ?? ""}`
      : undefined;
  return requireEnglish(de ? { en, de } : { en });
}

/** The element a box question came from: a SurveyJS text box for our text and number questions. */
export const isBox = (q: TQuestionDefinition) =>
  Boolean(q.settings.surveyJs?.multipleText) && (q.type === "SHORT_TEXT" || q.type === "NUMBER");

/** The box's own label: the question text without the element's title in front. */
function boxLabel(q: TQuestionDefinition, prefix: PartialText): PartialText {
  const strip = (text: string | undefined, head: string | undefined) =>
    text && head && text.startsWith(`${head}${separator}`)
      ? text.slice(head.length + separator.length)
      : text;
  const en = strip(q.text.en, prefix.en);
  const de = strip(q.text.de, prefix.de ?? prefix.en);
  // The German text of a box without its own German label repeats the English one.
  return de === en ? { en } : { en, de };
}

/** One box of a multipletext, from our question. */
export function boxItem(q: TQuestionDefinition, custom: JsonObject): JsonObject {
  const origin = q.settings.surveyJs?.multipleText;
  if (!origin) throw new Error(`Question ${q.key} is not a box of a multipletext.`);
  const label = boxLabel(q, origin.title ?? { en: origin.name });
  const item: JsonObject = { name: origin.item };
  if (label.en !== origin.item || label.de) item.title = writeText(label);
  if (q.required) item.isRequired = true;
  if (q.type === "NUMBER") item.inputType = "number";
  item[customKey] = custom;
  return item;
}

/** The multipletext element that gathers boxes; `items` is filled by the caller. */
export function groupElement(q: TQuestionDefinition, base: JsonObject): JsonObject {
  const origin = q.settings.surveyJs?.multipleText;
  if (!origin) throw new Error(`Question ${q.key} is not a box of a multipletext.`);
  // The element's conditions and help come from its first box; the rest shared them on import.
  const { visibleIf, enableIf, requiredIf, description } = base;
  return {
    type: "multipletext",
    name: origin.name,
    ...(origin.title ? { title: writeText(origin.title) } : {}),
    ...(description ? { description } : {}),
    ...(visibleIf ? { visibleIf } : {}),
    ...(enableIf ? { enableIf } : {}),
    ...(requiredIf ? { requiredIf } : {}),
    items: [],
  };
}

/** The element's title and its text prefix, as the import reads them. */
export function groupTitle(el: JsonObject, name: string, text: TextReader) {
  const title = text.read(el.title);
  return { title: title ? requireEnglish(title) : undefined, prefix: title ?? { en: name } };
}
