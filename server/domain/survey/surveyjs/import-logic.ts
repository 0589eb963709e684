// A SurveyJS condition (visibleIf, enableIf, requiredIf or a visible trigger) -> our condition
// on earlier questions, with the source's choice values translated to our option values; or
// the precise reason it cannot be. A condition is kept whole or not at all: keeping only part
// of an `and` would show the question to people it was not meant for.
import {
  conditionDepth,
  comparisonsOf,
  maxConditionDepth,
  maxConditionLeaves,
  type TComparison,
  type TCondition,
} from "../conditions";
import type { TQuestionDefinition } from "../definition";
import { parseExpression, type CompareOp, type Expr, type Literal } from "./expressions";

export interface LogicSource {
  question: Pick<TQuestionDefinition, "key" | "type" | "options" | "settings">;
  /** Original SurveyJS choice value -> our option value. */
  optionValues?: Map<string, string>;
}

class Unmappable extends Error {}

const numericTypes = new Set(["LIKERT", "RATING", "EMOTION", "PAIN", "NUMBER"]);

function comparison(
  name: string,
  op: CompareOp,
  raw: Literal | Literal[] | undefined,
  sourceByName: (name: string) => LogicSource | null,
): TCondition {
  const source = sourceByName(name);
  if (!source) throw new Unmappable(`{${name}} is not an earlier question of the import.`);
  const { key, type } = source.question;
  if (op === "empty") return { questionKey: key, operator: "empty" };
  if (op === "notempty") return { questionKey: key, operator: "notEmpty" };
  const choice = type === "SINGLE_CHOICE" || type === "MULTIPLE_CHOICE";
  const values = source.optionValues ?? new Map<string, string>();
  const convert = (v: Literal): string | number => {
    if (choice) {
      const ours = values.get(String(v));
      if (ours === undefined) {
        throw new Unmappable(`${JSON.stringify(v)} is not an answer {${name}} can have.`);
      }
      return ours;
    }
    if (numericTypes.has(type)) {
      const n = typeof v === "string" && v.trim() === "" ? NaN : Number(v);
      if (typeof v === "boolean" || !Number.isFinite(n)) {
        throw new Unmappable(`{${name}} holds numbers, but is compared with ${JSON.stringify(v)}.`);
      }
      return n;
    }
    if (typeof v !== "string" && typeof v !== "number") {
      throw new Unmappable(`{${name}} holds text, but is compared with ${String(v)}.`);
    }
    return String(v);
  };
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const one = (): string | number => {
    // "{q} = ['a']" compares a whole selection; one item means that item.
    if (list.length !== 1) {
      throw new Unmappable(
        `Comparing {${name}} with a list of ${list.length} values has no equivalent here.`,
      );
    }
    return convert(list[0] as Literal);
  };
  const many = (): string[] => {
    if (list.length === 0) throw new Unmappable(`An empty list for {${name}} never matches.`);
    return list.map((v) => String(convert(v)));
  };
  const number = (): number => {
    const v = one();
    if (typeof v !== "number" || !numericTypes.has(type)) {
      throw new Unmappable(`"More" or "less" needs a number question; {${name}} is not one.`);
    }
    return v;
  };
  switch (op) {
    case "eq":
      return { questionKey: key, operator: "equals", value: one() };
    case "ne":
      return { questionKey: key, operator: "notEquals", value: one() };
    case "gt":
      return { questionKey: key, operator: "greaterThan", value: number() };
    case "gte":
      return { questionKey: key, operator: "atLeast", value: number() };
    case "lt":
      return { questionKey: key, operator: "lessThan", value: number() };
    case "lte":
      return { questionKey: key, operator: "atMost", value: number() };
    case "contains":
      return { questionKey: key, operator: choice ? "equals" : "contains", value: one() };
    case "notcontains":
      return { questionKey: key, operator: "notEquals", value: one() };
    case "anyof":
      return { questionKey: key, operator: "oneOf", value: many() };
    case "allof": {
      const all = many();
      // All of one item is that item chosen.
      return all.length === 1
        ? { questionKey: key, operator: "equals", value: all[0] as string }
        : { questionKey: key, operator: "allOf", value: all };
    }
    case "noneof":
      return { not: { questionKey: key, operator: "oneOf", value: many() } };
  }
}

/** `a = x or a = y` on one question reads as "a is any of x, y", as the builder writes it. */
function simplify(c: TCondition): TCondition {
  if (!("or" in c)) return c;
  const items = c.or;
  const first = items[0];
  const same = items.every(
    (i): i is TComparison =>
      "questionKey" in i &&
      i.operator === "equals" &&
      !!first &&
      "questionKey" in first &&
      i.questionKey === first.questionKey,
  );
  if (!same || !first || !("questionKey" in first)) return c;
  return {
    questionKey: first.questionKey,
    operator: "oneOf",
    value: items.map((i) => String((i as TComparison).value)),
  };
}

function toCondition(expr: Expr, sourceByName: (name: string) => LogicSource | null): TCondition {
  switch (expr.kind) {
    case "compare":
      return comparison(expr.name, expr.op, expr.value, sourceByName);
    case "not":
      return { not: toCondition(expr.item, sourceByName) };
    case "and":
    case "or": {
      const items = expr.items.flatMap((item) => {
        const c = toCondition(item, sourceByName);
        // (a and b) and c is a and b and c.
        return expr.kind in c
          ? ((c as Record<string, TCondition[]>)[expr.kind] as TCondition[])
          : [c];
      });
      return simplify(expr.kind === "and" ? { and: items } : { or: items });
    }
  }
}

export function resolveCondition(
  expression: string,
  sourceByName: (name: string) => LogicSource | null,
): { logic: TCondition } | { why: string } {
  const parsed = parseExpression(expression);
  if ("why" in parsed) return { why: parsed.why };
  try {
    const logic = toCondition(parsed.expr, sourceByName);
    if (conditionDepth(logic) > maxConditionDepth) {
      return { why: `It nests deeper than ${maxConditionDepth} levels.` };
    }
    if (comparisonsOf(logic).length > maxConditionLeaves) {
      return { why: `It has more than ${maxConditionLeaves} comparisons.` };
    }
    return { logic };
  } catch (error) {
    if (error instanceof Unmappable) return { why: error.message };
    throw error;
  }
}
