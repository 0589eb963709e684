// Our conditions written back as SurveyJS expressions, for export: each comparison typed and
// named by its source question (SurveyJS name and choice values where they differ from ours).
import {
  isComparison,
  type TComparison,
  type TCondition,
  type TConditionOperator,
} from "../conditions";
import type { TQuestionType } from "../definition";

function quote(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

const isNumericType = (type: TQuestionType) =>
  type === "LIKERT" ||
  type === "RATING" ||
  type === "EMOTION" ||
  type === "PAIN" ||
  type === "NUMBER";

/** How a source question is written in SurveyJS, when not by our key and option values. */
export interface SourceNaming {
  name: string;
  value: (ours: string) => string | number;
}

export interface SourceInfo {
  type: TQuestionType;
  naming?: SourceNaming;
}

const printed: Record<Exclude<TConditionOperator, "equals" | "notEquals">, string> = {
  oneOf: "anyof",
  allOf: "allof",
  contains: "contains",
  greaterThan: ">",
  atLeast: ">=",
  lessThan: "<",
  atMost: "<=",
  notEmpty: "notempty",
  empty: "empty",
};

function formatComparison(c: TComparison, source: SourceInfo | undefined): string {
  const type = source?.type ?? "SHORT_TEXT";
  const naming = source?.naming;
  const literal = (raw: string | number) => {
    const v = typeof raw === "string" && naming ? naming.value(raw) : raw;
    if (typeof v === "number") return String(v);
    return isNumericType(type) && v.trim() !== "" && Number.isFinite(Number(v))
      ? String(Number(v))
      : quote(v);
  };
  const name = `{${naming?.name ?? c.questionKey}}`;
  const list = Array.isArray(c.value) ? c.value : c.value === undefined ? [] : [c.value];
  switch (c.operator) {
    case "equals":
      return type === "MULTIPLE_CHOICE"
        ? `${name} contains ${literal(list[0] ?? "")}`
        : `${name} = ${literal(list[0] ?? "")}`;
    case "notEquals":
      return type === "MULTIPLE_CHOICE"
        ? `${name} notcontains ${literal(list[0] ?? "")}`
        : `${name} != ${literal(list[0] ?? "")}`;
    case "oneOf":
    case "allOf":
      return `${name} ${printed[c.operator]} [${list.map(literal).join(", ")}]`;
    case "notEmpty":
    case "empty":
      return `${name} ${printed[c.operator]}`;
    case "greaterThan":
    case "atLeast":
    case "lessThan":
    case "atMost":
      return `${name} ${printed[c.operator]} ${Number(list[0])}`;
    case "contains":
      return `${name} contains ${literal(list[0] ?? "")}`;
  }
}

/** Our condition as a SurveyJS expression, each comparison typed and named by its source. */
export function formatCondition(
  condition: TCondition,
  sourceOf: (key: string) => SourceInfo | undefined,
): string {
  if (isComparison(condition)) return formatComparison(condition, sourceOf(condition.questionKey));
  const inner = (c: TCondition) =>
    isComparison(c) ? formatCondition(c, sourceOf) : `(${formatCondition(c, sourceOf)})`;
  if ("not" in condition) return `!${`(${formatCondition(condition.not, sourceOf)})`}`;
  const items = "and" in condition ? condition.and : condition.or;
  return items.map(inner).join("and" in condition ? " and " : " or ");
}
