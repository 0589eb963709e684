// A SurveyJS visibleIf expression -> our display logic on an earlier question, with the
// source's choice values translated to our option values; or the reason it cannot be.
import type { TDisplayLogic, TQuestionDefinition } from "../definition";
import { parseCondition, type Literal } from "./expressions";

export interface LogicSource {
  question: Pick<TQuestionDefinition, "key" | "type">;
  /** Original SurveyJS choice value -> our option value. */
  optionValues?: Map<string, string>;
}

export function resolveCondition(
  expression: string,
  sourceByName: (name: string) => LogicSource | null,
): { logic: TDisplayLogic } | { why: string } {
  const parsed = parseCondition(expression);
  if (!parsed) {
    return {
      why: "Only one earlier question compared with equals, contains, any of, or greater than maps to display logic.",
    };
  }
  const source = sourceByName(parsed.name);
  if (!source) return { why: `{${parsed.name}} is not an earlier question of the import.` };
  const { key, type } = source.question;
  const values = source.optionValues ?? new Map<string, string>();
  const choice = type === "SINGLE_CHOICE" || type === "MULTIPLE_CHOICE";
  const numeric = ["LIKERT", "RATING", "EMOTION", "PAIN", "NUMBER"].includes(type);
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
  if (typeof value !== "number") return { why: `"Greater than" needs a number question.` };
  if (parsed.op === "gt") return { logic: { questionKey: key, operator: "greaterThan", value } };
  // ">= n" on a whole-number scale is "> n - 1"; on a free number it has no exact equivalent.
  if (type !== "NUMBER" && Number.isInteger(value)) {
    return { logic: { questionKey: key, operator: "greaterThan", value: value - 1 } };
  }
  return { why: `"At least" has no exact equivalent on a free number.` };
}
