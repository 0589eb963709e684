// Walking a SurveyJS document: pages and panels (flattened, their conditions passed down to
// every question inside), question elements (hidden ones without a trigger left out), and a
// multipletext read as one short-text question per box. Each question is added by
// import-question-definition.ts.
import { addQuestion } from "./import-question-definition";
import { containerProps } from "./import-props";
import type { Importer, Inherited } from "./import-state";
import { boxTitle, groupTitle, multipleTextItemProps, multipleTextProps } from "./multiple-text";
import { asArray, customKey, isObject, type JsonObject } from "./types";

/** A page or panel: its own settings reported, its elements read with its condition added. */
export function readContainer(
  importer: Importer,
  el: JsonObject,
  path: string,
  page: number,
  inherited: Inherited[],
  label: string,
  isPage = false,
) {
  importer.reportExtraProps(el, path, containerProps, `Settings of ${label}`);
  if (!isPage && (importer.text.read(el.title) || importer.text.read(el.description))) {
    importer.report(
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
    readElement(importer, child, path ? `${path}.${key}[${i}]` : `${key}[${i}]`, page, condition),
  );
}

/** One element of a page or panel: a panel, a multipletext, or a question. */
export function readElement(
  importer: Importer,
  el: unknown,
  path: string,
  page: number,
  inherited: Inherited[],
): void {
  if (!isObject(el)) return importer.report(path, "An element", "It is not a question object.");
  const type = typeof el.type === "string" ? el.type.toLowerCase() : "";
  const name = typeof el.name === "string" && el.name.trim() ? el.name.trim() : "";
  const label = name ? `"${name}"` : `element ${path}`;
  if (type === "panel") return readContainer(importer, el, path, page, inherited, `panel ${label}`);
  importer.elementCount += 1;
  if (el.visible === false && !importer.showTriggers.has(name.toLowerCase())) {
    return importer.skip(
      { path, name, type },
      `Question ${label} (${type || "no type"})`,
      "It is hidden in SurveyJS (visible: false) and no trigger shows it, so respondents never see it.",
    );
  }
  if (type === "multipletext")
    return readMultipleText(importer, el, path, page, inherited, name, label);
  addQuestion(importer, el, path, page, inherited, { name, type, label });
}

/**
 * A multipletext: one short-text (or number) question per box, read as if each box were a
 * text element of its own that shares the element's title, help and conditions.
 */
function readMultipleText(
  importer: Importer,
  el: JsonObject,
  path: string,
  page: number,
  inherited: Inherited[],
  name: string,
  label: string,
): void {
  const boxes = asArray(el.items);
  if (!name || boxes.length === 0) {
    return importer.skip(
      { path, name, type: "multipletext" },
      `Question ${label} (multipletext)`,
      "A multiple-text question needs a name and at least one box.",
    );
  }
  importer.reportExtraProps(el, path, multipleTextProps, `Settings of ${label}`);
  if (el.isRequired === true) {
    importer.report(
      `${path}.isRequired`,
      `"Required" of ${label}`,
      "SurveyJS asks for at least one of its boxes; here each box is its own question, so only boxes marked required are.",
    );
  }
  const { title, prefix } = groupTitle(el, name, importer.text);
  // The element's visibleIf (or the trigger that shows it) holds for every box.
  const own = importer.ownCondition(el, name, path);
  const shownWhen = own ? [...inherited, own] : inherited;
  const before = importer.questions.length;
  const skippedBefore = importer.skipped.length;
  const seen = new Set<string>();
  boxes.forEach((raw, i) => {
    const boxPath = `${path}.items[${i}]`;
    const item = isObject(raw) ? raw : typeof raw === "string" ? { name: raw } : null;
    const itemName = typeof item?.name === "string" ? item.name.trim() : "";
    if (!item || !itemName || seen.has(itemName)) {
      return importer.report(
        boxPath,
        `A box of ${label}`,
        "Boxes need their own name; this one was left out.",
      );
    }
    seen.add(itemName);
    const boxLabel = `"${name}.${itemName}"`;
    importer.reportExtraProps(item, boxPath, multipleTextItemProps, `Settings of ${boxLabel}`);
    const text = {
      type: "text",
      title: boxTitle(prefix, importer.text.read(item.title) ?? { en: itemName }),
      ...(el.description !== undefined ? { description: el.description } : {}),
      ...(item.isRequired === true ? { isRequired: true } : {}),
      ...(item.inputType !== undefined ? { inputType: item.inputType } : {}),
      ...(item.maxLength !== undefined ? { maxLength: item.maxLength } : {}),
      ...(typeof el.enableIf === "string" ? { enableIf: el.enableIf } : {}),
      ...(typeof el.requiredIf === "string" ? { requiredIf: el.requiredIf } : {}),
      ...(item[customKey] !== undefined ? { [customKey]: item[customKey] } : {}),
    };
    addQuestion(importer, text, boxPath, page, shownWhen, {
      name: `${name}_${itemName}`,
      type: "text",
      label: boxLabel,
      box: { name, item: itemName, ...(title ? { title } : {}) },
    });
  });
  // The skipped list counts elements: a box left out is listed in `unmapped` only, and the
  // element counts as skipped when none of its boxes became a question.
  const boxesLeftOut = importer.skipped.splice(skippedBefore);
  if (importer.questions.length === before) {
    importer.skipped.push({
      path,
      name,
      type: "multipletext",
      reason: boxesLeftOut[0]?.reason ?? "None of its boxes could be imported.",
    });
  }
}
