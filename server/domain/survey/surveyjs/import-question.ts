// One SurveyJS question element -> the type, options and settings of one of our questions.
// Choice, rating, boolean, text and comment questions map; the rest is reported with a reason.
import { textLimits } from "../scales";
import {
  Choices,
  choices,
  orderChoices,
  type ElementContext,
  type MappedBody,
} from "./import-choices";
import { rating } from "./import-rating";
import {
  applyMatrixRowCustom,
  matrixBody,
  matrixDropdownBody,
  matrixDropdownUnmapped,
} from "./matrix";
import { asNumber, type JsonObject, type TQuestionCustom } from "./types";

export type { ElementContext, MappedBody };

export const unsupportedTypes: Record<string, string> = {
  matrix: "A matrix needs at least one row with a value and 2 to 11 columns.",
  matrixdropdown: matrixDropdownUnmapped,
  matrixdynamic: "A dynamic matrix (rows added by the respondent) has no equivalent.",
  ranking: "Ranking has no equivalent question type.",
  file: "File uploads are not collected.",
  signaturepad: "Signatures are not collected.",
  paneldynamic: "Repeating panels have no equivalent.",
  expression: "Calculated values are not supported.",
  html: "Display-only content: surveys here show questions only.",
  image: "Display-only content: surveys here show questions only.",
};

function lengthLimit(
  el: JsonObject,
  path: string,
  name: string,
  limit: number,
  ctx: ElementContext,
) {
  const max = asNumber(el.maxLength);
  if (max !== undefined && max > 0 && max !== limit) {
    ctx.report(
      `${path}.maxLength`,
      `Length limit ${max} of "${name}"`,
      `This kind of answer is limited to ${limit} characters here.`,
    );
  }
}

function text(el: JsonObject, path: string, name: string, ctx: ElementContext): MappedBody {
  const inputType = typeof el.inputType === "string" ? el.inputType.toLowerCase() : "text";
  const base = { options: [], randomizeOptions: false, optionValues: new Map<string, string>() };
  if (inputType === "number" || inputType === "range") {
    let min = asNumber(el.min);
    let max = asNumber(el.max);
    if (min !== undefined && max !== undefined && min >= max) {
      ctx.report(
        path,
        `Bounds of "${name}" (${min} to ${max})`,
        "The minimum must be below the maximum.",
      );
      min = undefined;
      max = undefined;
    }
    const settings = {
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
    };
    return { ...base, type: "NUMBER", settings };
  }
  if (inputType !== "text" && inputType !== "") {
    ctx.report(
      `${path}.inputType`,
      `Input type "${inputType}" of "${name}"`,
      "Imported as a short text: respondents type the answer and its format is not checked.",
    );
  }
  lengthLimit(el, path, name, textLimits.SHORT_TEXT, ctx);
  return { ...base, type: "SHORT_TEXT", settings: {} };
}

/** The question body for a SurveyJS element type, or null when the type does not map. */
export function mapBody(
  type: string,
  el: JsonObject,
  path: string,
  name: string,
  custom: TQuestionCustom,
  ctx: ElementContext,
): MappedBody | null {
  switch (type) {
    case "radiogroup":
    case "dropdown":
    case "checkbox":
    case "tagbox":
    case "imagepicker": {
      const multiple =
        type === "checkbox" ||
        type === "tagbox" ||
        (type === "imagepicker" && el.multiSelect === true);
      if (type === "imagepicker") {
        ctx.report(
          path,
          `Images of "${name}"`,
          "Choices here are words; the images were left out.",
        );
      }
      const { options, optionValues, origin } = choices(el, path, name, ctx);
      const randomizeOptions = orderChoices(el, options);
      if (type === "dropdown" || type === "tagbox") origin.type = type;
      return {
        type: multiple ? "MULTIPLE_CHOICE" : "SINGLE_CHOICE",
        options,
        // SurveyJS's "Other" item asks for a text; ours does too.
        settings: origin.otherValue ? { otherTextFor: origin.otherValue } : {},
        randomizeOptions,
        optionValues,
        origin,
      };
    }
    case "boolean": {
      const list = new Choices(name, ctx);
      const trueValue = el.valueTrue === undefined ? "true" : String(el.valueTrue);
      const falseValue = el.valueFalse === undefined ? "false" : String(el.valueFalse);
      list.add(trueValue, el.labelTrue, path, { en: "Yes", de: "Ja" });
      list.add(falseValue, el.labelFalse, path, { en: "No", de: "Nein" });
      // Conditions write the boolean itself: {q} = true.
      const { options, optionValues } = list;
      optionValues.set("true", optionValues.get(trueValue) ?? "true");
      optionValues.set("false", optionValues.get(falseValue) ?? "false");
      return {
        type: "SINGLE_CHOICE",
        options,
        settings: {},
        randomizeOptions: false,
        optionValues,
        origin: options.length === 2 ? { type: "boolean" } : {},
      };
    }
    case "rating":
      return rating(el, path, name, custom, ctx);
    case "matrix":
    case "matrixdropdown": {
      const mapped =
        type === "matrix"
          ? matrixBody(el, path, name, ctx)
          : matrixDropdownBody(el, path, name, ctx);
      if (mapped) applyMatrixRowCustom(mapped, custom);
      return mapped;
    }
    case "text":
      return text(el, path, name, ctx);
    case "comment":
      lengthLimit(el, path, name, textLimits.LONG_TEXT, ctx);
      return {
        type: "LONG_TEXT",
        options: [],
        settings: {},
        randomizeOptions: false,
        optionValues: new Map(),
      };
    default:
      return null;
  }
}
