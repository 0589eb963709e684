// The part of SurveyJS's expression language that our display logic can express: one earlier
// question compared with "=", "contains", "anyof", "allof" with one item, ">", ">=", "<", "<="
// or tested with "notempty", and "or" chains of "=" on the same question (which are "one of").
// Anything else ("and", "not", "!=", functions) is refused here and reported by the caller.
import type { TDisplayLogic, TQuestionType } from "../definition";

export type Literal = string | number | boolean;

export type Condition =
  | { name: string; op: "eq" | "gt" | "gte" | "lt" | "lte"; value: Literal }
  | { name: string; op: "anyof"; value: Literal[] }
  | { name: string; op: "notempty" };

/**
 * Splits at a top-level separator (outside quotes, brackets and parentheses). Word separators
 * ("or", "and") must stand apart; a comma may touch its neighbours.
 */
function splitTopLevel(text: string, separator: RegExp, word = true): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quote) {
      if (c === "\\") i += 1;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === "(" || c === "[" || c === "{") depth += 1;
    else if (c === ")" || c === "]" || c === "}") depth -= 1;
    else if (depth === 0 && (!word || i === 0 || /\s/.test(text[i - 1] as string))) {
      const match = separator.exec(text.slice(i));
      if (match) {
        parts.push(text.slice(start, i));
        i += match[0].length - 1;
        start = i + 1;
      }
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

/** Removes parentheses around the whole expression; "(a) or (b)" keeps its own. */
function stripParentheses(text: string): string {
  let t = text.trim();
  for (;;) {
    if (!t.startsWith("(") || !t.endsWith(")")) return t;
    const inner = t.slice(1, -1);
    let depth = 0;
    for (const c of inner) {
      if (c === "(") depth += 1;
      if (c === ")") depth -= 1;
      if (depth < 0) return t;
    }
    t = inner.trim();
  }
}

export function parseLiteral(text: string): Literal | Literal[] | null {
  const t = text.trim();
  if (t.startsWith("[") && t.endsWith("]")) {
    const inner = t.slice(1, -1).trim();
    if (inner === "") return [];
    const items = splitTopLevel(inner, /^,/, false).map(parseLiteral);
    return items.every((i): i is Literal => i !== null && !Array.isArray(i)) ? items : null;
  }
  const quoted = /^(['"])((?:\\.|(?!\1).)*)\1$/s.exec(t);
  if (quoted) return (quoted[2] as string).replace(/\\(.)/g, "$1");
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return null;
}

const operators: Record<string, "eq" | "gt" | "gte" | "lt" | "lte" | "anyof" | "allof"> = {
  "=": "eq",
  "==": "eq",
  equal: "eq",
  contains: "eq", // our "equals" is true when any chosen option equals the value
  ">": "gt",
  greater: "gt",
  ">=": "gte",
  greaterorequal: "gte",
  "<": "lt",
  less: "lt",
  "<=": "lte",
  lessorequal: "lte",
  anyof: "anyof",
  // "allof" with one item is "contains" that item; with more it has no equivalent.
  allof: "allof",
};

function parseAtom(text: string): Condition | null {
  const bare = stripParentheses(text);
  const answered = /^\{([^{}]+)\}\s*(notempty|isnotempty)$/i.exec(bare);
  if (answered) return { name: (answered[1] as string).trim(), op: "notempty" };
  const match = /^\{([^{}]+)\}\s*(==|=|>=|>|<=|<(?!>)|[a-z]+)\s*(.+)$/is.exec(bare);
  if (!match) return null;
  const found = operators[(match[2] as string).toLowerCase()];
  const value = parseLiteral(match[3] as string);
  const name = (match[1] as string).trim();
  if (!found || value === null) return null;
  if (found === "allof") {
    const list = Array.isArray(value) ? value : [value];
    return list.length === 1 ? { name, op: "eq", value: list[0] as Literal } : null;
  }
  const op = found;
  if (op === "anyof") {
    const list = Array.isArray(value) ? value : [value];
    return list.length > 0 ? { name, op, value: list } : null;
  }
  if (Array.isArray(value)) {
    // "{q} = ['a']" compares a whole selection; one item means that item.
    return value.length === 1 ? { name, op, value: value[0] as Literal } : null;
  }
  return { name, op, value };
}

/** Parses a visibleIf expression into one condition, or null when it does not fit ours. */
export function parseCondition(expression: string): Condition | null {
  const body = stripParentheses(expression);
  if (splitTopLevel(body, /^(and\b|&&)/i).length > 1) return null;
  const parts = splitTopLevel(body, /^(or\b|\|\|)/i);
  if (parts.length === 1) return parseAtom(body);
  const atoms = parts.map(parseAtom);
  const first = atoms[0];
  const values: Literal[] = [];
  for (const atom of atoms) {
    if (!atom || !first || atom.name !== first.name || atom.op !== "eq") return null;
    values.push(atom.value);
  }
  return first ? { name: first.name, op: "anyof", value: values } : null;
}

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

/** How the source question is written in SurveyJS, when not by our key and option values. */
export interface SourceNaming {
  name: string;
  value: (ours: string) => string | number;
}

/** Our display logic as a SurveyJS visibleIf expression, typed by the source question. */
export function formatCondition(
  logic: TDisplayLogic,
  sourceType: TQuestionType,
  naming?: SourceNaming,
): string {
  const literal = (raw: string | number) => {
    const v = typeof raw === "string" && naming ? naming.value(raw) : raw;
    if (typeof v === "number") return String(v);
    return isNumericType(sourceType) && Number.isFinite(Number(v)) ? String(Number(v)) : quote(v);
  };
  const name = `{${naming?.name ?? logic.questionKey}}`;
  switch (logic.operator) {
    case "equals": {
      const value = Array.isArray(logic.value) ? (logic.value[0] ?? "") : logic.value;
      return sourceType === "MULTIPLE_CHOICE"
        ? `${name} contains ${literal(value)}`
        : `${name} = ${literal(value)}`;
    }
    case "oneOf": {
      const values = Array.isArray(logic.value) ? logic.value : [logic.value];
      return `${name} anyof [${values.map(literal).join(", ")}]`;
    }
    case "greaterThan":
      return `${name} > ${Number(logic.value)}`;
  }
}
