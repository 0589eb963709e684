// Conditions on earlier answers: the model behind a question's display logic ("show when"),
// its enable condition and its required condition. A condition is either one comparison with an
// earlier question, or an `and` / `or` group of conditions, or the `not` of one; groups nest up
// to `maxConditionDepth`. `evaluateCondition` is the one evaluator both the server and the
// respondent page run, so a question is shown (or required) the same way in both.
// No zod here: the respondent page's bundle takes this module, and zod alone would cost phones
// tens of kB. The schemas that check a stored condition live in conditions.ts.

export const conditionOperators = [
  "equals",
  "notEquals",
  "oneOf",
  "allOf",
  "contains",
  "greaterThan",
  "atLeast",
  "lessThan",
  "atMost",
  "notEmpty",
  "empty",
] as const;
export type TConditionOperator = (typeof conditionOperators)[number];

/** One comparison with an earlier question's answer (the shape stored before groups existed). */
// A type alias, not an interface: stored as JSON, it must fit Prisma's JSON input types.
export type TComparison = {
  questionKey: string;
  operator: TConditionOperator;
  value?: string | number | string[] | undefined;
};

export type TCondition =
  TComparison | { and: TCondition[] } | { or: TCondition[] } | { not: TCondition };

/** Operators that test only whether there is an answer, and so take no value. */
export const valuelessOperators: ReadonlySet<TConditionOperator> = new Set(["notEmpty", "empty"]);
/** Operators that compare with a list of values. */
export const listOperators: ReadonlySet<TConditionOperator> = new Set(["oneOf", "allOf"]);
/** Operators that compare numbers. */
export const numberOperators: ReadonlySet<TConditionOperator> = new Set([
  "greaterThan",
  "atLeast",
  "lessThan",
  "atMost",
]);

/** Deepest nesting of groups (a single comparison has depth 1). */
export const maxConditionDepth = 5;
/** Most comparisons in one question's condition. */
export const maxConditionLeaves = 30;

export const isComparison = (c: TCondition): c is TComparison => "questionKey" in c;

/** The children of a group (`not` has one), or none for a comparison. */
export function childrenOf(c: TCondition): TCondition[] {
  if ("and" in c) return c.and;
  if ("or" in c) return c.or;
  if ("not" in c) return [c.not];
  return [];
}

export function conditionDepth(c: TCondition): number {
  return 1 + Math.max(0, ...childrenOf(c).map(conditionDepth));
}

/** Every comparison in the condition, in order. */
export function comparisonsOf(c: TCondition): TComparison[] {
  return isComparison(c) ? [c] : childrenOf(c).flatMap(comparisonsOf);
}

/** The earlier questions a condition reads. */
export function conditionSources(c: TCondition | null | undefined): string[] {
  return c ? [...new Set(comparisonsOf(c).map((x) => x.questionKey))] : [];
}

/** The same condition with each comparison replaced (null drops it; empty groups go too). */
export function mapComparisons(
  c: TCondition,
  f: (comparison: TComparison) => TComparison | null,
): TCondition | null {
  if (isComparison(c)) return f(c);
  if ("not" in c) {
    const inner = mapComparisons(c.not, f);
    return inner ? { not: inner } : null;
  }
  const kids = childrenOf(c)
    .map((k) => mapComparisons(k, f))
    .filter((k): k is TCondition => k !== null);
  if (kids.length === 0) return null;
  if (kids.length === 1) return kids[0] as TCondition;
  return "and" in c ? { and: kids } : { or: kids };
}

export type ConditionAnswer = number | string | string[] | null | undefined;

const isEmpty = (value: ConditionAnswer): boolean =>
  value === null ||
  value === undefined ||
  (typeof value === "string" && value.trim() === "") ||
  (Array.isArray(value) && value.length === 0);

const asNumber = (value: ConditionAnswer): number | null => {
  if (typeof value === "number") return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
    return Number(value);
  }
  return null;
};

/**
 * Whether one comparison holds. An unanswered (or hidden) question satisfies only `empty` and
 * `notEquals`; a chosen list "equals" a value when it contains it, as in SurveyJS.
 */
function compare(c: TComparison, answer: ConditionAnswer): boolean {
  if (c.operator === "empty") return isEmpty(answer);
  if (c.operator === "notEmpty") return !isEmpty(answer);
  if (c.operator === "notEquals") return !compare({ ...c, operator: "equals" }, answer);
  if (isEmpty(answer)) return false;
  const given = (Array.isArray(answer) ? answer : [answer]).map(String);
  const wanted = (Array.isArray(c.value) ? c.value : c.value === undefined ? [] : [c.value]).map(
    String,
  );
  switch (c.operator) {
    case "equals":
      return wanted.length > 0 && given.some((v) => v === wanted[0]);
    case "oneOf":
      return given.some((v) => wanted.includes(v));
    case "allOf":
      return wanted.length > 0 && wanted.every((v) => given.includes(v));
    case "contains":
      // A chosen list contains an option; a text contains a piece of text (any case).
      return Array.isArray(answer)
        ? given.some((v) => wanted.includes(v))
        : wanted.some((w) => String(answer).toLowerCase().includes(w.toLowerCase()));
    default: {
      const n = asNumber(answer as ConditionAnswer);
      const limit = typeof c.value === "object" ? null : asNumber(c.value);
      if (n === null || limit === null || Array.isArray(answer)) return false;
      if (c.operator === "greaterThan") return n > limit;
      if (c.operator === "atLeast") return n >= limit;
      if (c.operator === "lessThan") return n < limit;
      return n <= limit;
    }
  }
}

/**
 * Evaluates a condition against the answers. `answerOf` returns a question's answer, or
 * undefined when that question is not shown (so a hidden question counts as unanswered).
 */
export function evaluateCondition(
  c: TCondition,
  answerOf: (key: string) => ConditionAnswer,
): boolean {
  if (isComparison(c)) return compare(c, answerOf(c.questionKey));
  if ("and" in c) return c.and.every((k) => evaluateCondition(k, answerOf));
  if ("or" in c) return c.or.some((k) => evaluateCondition(k, answerOf));
  return !evaluateCondition(c.not, answerOf);
}

/** The condition with every comparison on `from` now reading `to` (a question's key changed). */
export function renameSource(c: TCondition, from: string, to: string): TCondition {
  return mapComparisons(c, (x) => (x.questionKey === from ? { ...x, questionKey: to } : x)) ?? c;
}

/** The condition without the comparisons on `key` (that question was removed); null if none left. */
export function withoutSource(c: TCondition | null, key: string): TCondition | null {
  return c ? mapComparisons(c, (x) => (x.questionKey === key ? null : x)) : null;
}

/** The operators in plain words, as read after a question ("Age" is at least 18). */
export const operatorWords: Record<TConditionOperator, string> = {
  equals: "is",
  notEquals: "is not",
  oneOf: "is any of",
  allOf: "includes all of",
  contains: "contains",
  greaterThan: "is more than",
  atLeast: "is at least",
  lessThan: "is less than",
  atMost: "is at most",
  notEmpty: "is answered",
  empty: "is not answered",
};

interface NamedQuestion {
  key: string;
  text: { en: string };
  options: { value: string; label: { en: string } }[];
}

/** A condition in plain English, e.g. `"Kids?" is "Yes" and ("Age" is at least 18 or …)`. */
export function describeCondition(c: TCondition, questions: NamedQuestion[]): string {
  if (isComparison(c)) {
    const source = questions.find((q) => q.key === c.questionKey);
    const name = source ? `"${source.text.en || source.key}"` : c.questionKey;
    const label = (v: string | number) => {
      const option = source?.options.find((o) => o.value === String(v));
      return option ? `"${option.label.en}"` : typeof v === "number" ? String(v) : `"${v}"`;
    };
    const value =
      c.value === undefined
        ? ""
        : ` ${Array.isArray(c.value) ? c.value.map(label).join(", ") : label(c.value)}`;
    return `${name} ${operatorWords[c.operator]}${value}`;
  }
  if ("not" in c) return `not (${describeCondition(c.not, questions)})`;
  const joiner = "and" in c ? " and " : " or ";
  return childrenOf(c)
    .map((k) =>
      isComparison(k) ? describeCondition(k, questions) : `(${describeCondition(k, questions)})`,
    )
    .join(joiner);
}
