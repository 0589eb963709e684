// A SurveyJS visibleIf expression -> our display logic on an earlier question, with the
// source's choice values translated to our option values; or the reason it cannot be.
import type { TDisplayLogic, TQuestionDefinition } from "../definition";
import { numericRange } from "../scales";
import { parseCondition, type Literal } from "./expressions";

export interface LogicSource {
  question: Pick<TQuestionDefinition, "key" | "type" | "options" | "settings">;
  /** Original SurveyJS choice value -> our option value. */
  optionValues?: Map<string, string>;
}

/** The whole numbers of a bounded whole-number scale, for "<" and "<=" as "one of". */
function scalePoints(source: LogicSource["question"]): number[] | null {
  const range = numericRange(source);
  if (!range?.integer) return null;
  return Array.from({ length: range.max - range.min + 1 }, (_, i) => range.min + i);
}

export function resolveCondition(
  expression: string,
  sourceByName: (name: string) => LogicSource | null,
): { logic: TDisplayLogic } | { why: string } {
  const parsed = parseCondition(expression);
  if (!parsed) {
    return {
      why: "Only one earlier question compared with equals, contains, any of, greater or less than, or tested for an answer, maps to display logic (not and, not, or not equal).",
    };
  }
  const source = sourceByName(parsed.name);
  if (!source) return { why: `{${parsed.name}} is not an earlier question of the import.` };
  const { key, type } = source.question;
  const values = source.optionValues ?? new Map<string, string>();
  const choice = type === "SINGLE_CHOICE" || type === "MULTIPLE_CHOICE";
  const numeric = ["LIKERT", "RATING", "EMOTION", "PAIN", "NUMBER"].includes(type);
  if (parsed.op === "notempty") {
    // "Answered": any option, or any value on a scale (all lie above its minimum minus one).
    if (choice) {
      const all = source.question.options.map((o) => o.value);
      return { logic: { questionKey: key, operator: "oneOf", value: all } };
    }
    const range = numericRange(source.question);
    if (range && Number.isFinite(range.min)) {
      return { logic: { questionKey: key, operator: "greaterThan", value: range.min - 1 } };
    }
    return { why: `"Is answered" maps only for choice questions and scales with a lowest value.` };
  }
  const convert = (v: Literal): string | number | null => {
    if (choice) return values.get(String(v)) ?? null;
    if (numeric) {
      const n = typeof v === "string" && v.trim() === "" ? NaN : Number(v);
      return typeof v !== "boolean" && Number.isFinite(n) ? n : null;
    }
    return typeof v === "string" ? v : null;
  };
  const wrongValue = { why: `A value in it is not an answer {${parsed.name}} can have.` };
  if (parsed.op === "anyof") {
    const list = parsed.value.map(convert);
    if (list.some((v) => v === null)) return wrongValue;
    return { logic: { questionKey: key, operator: "oneOf", value: list.map(String) } };
  }
  const value = convert(parsed.value);
  if (value === null) return wrongValue;
  if (parsed.op === "eq") return { logic: { questionKey: key, operator: "equals", value } };
  if (typeof value !== "number") return { why: `Comparing with a number needs a number question.` };
  if (parsed.op === "gt") return { logic: { questionKey: key, operator: "greaterThan", value } };
  if (parsed.op === "lt" || parsed.op === "lte") {
    // Below a value on a whole-number scale is "one of" the points below it.
    const points = scalePoints(source.question);
    const below = points?.filter((p) => (parsed.op === "lt" ? p < value : p <= value));
    if (!points || !below) return { why: `"Less than" has no exact equivalent on a free number.` };
    if (below.length === 0)
      return { why: "No answer is that low, so the question would never show." };
    return { logic: { questionKey: key, operator: "oneOf", value: below.map(String) } };
  }
  // ">= n" on a whole-number scale is "> n - 1"; on a free number it has no exact equivalent.
  if (type !== "NUMBER" && Number.isInteger(value)) {
    return { logic: { questionKey: key, operator: "greaterThan", value: value - 1 } };
  }
  return { why: `"At least" has no exact equivalent on a free number.` };
}
