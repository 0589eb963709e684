// SurveyJS's expression language, as far as display conditions use it: `and` / `or` / `not`
// (also `&&`, `||`, `!`), parentheses, comparisons (=, !=, <>, <, <=, >, >=, and their word
// forms), `contains` / `notcontains`, `anyof` / `allof` / `noneof`, `empty` / `notempty`, over a
// question `{name}` and a literal (text, number, true/false or a [list]). `parseExpression`
// turns such text into a small tree or says precisely what it cannot read (functions, arithmetic,
// two questions compared with each other); `formatCondition` writes our conditions back.
import {
  isComparison,
  type TComparison,
  type TCondition,
  type TConditionOperator,
} from "../conditions";
import type { TQuestionType } from "../definition";

export type Literal = string | number | boolean;

export type CompareOp =
  | "eq"
  | "ne"
  | "gt"
  | "gte"
  | "lt"
  | "lte"
  | "contains"
  | "notcontains"
  | "anyof"
  | "allof"
  | "noneof"
  | "empty"
  | "notempty";

export type Expr =
  | { kind: "and" | "or"; items: Expr[] }
  | { kind: "not"; item: Expr }
  | { kind: "compare"; name: string; op: CompareOp; value?: Literal | Literal[] };

/** Longest expression read, and deepest nesting of parentheses and `not`. */
const maxLength = 5000;
const maxNesting = 20;

type Token =
  | { t: "var"; v: string }
  | { t: "lit"; v: Literal }
  | { t: "word"; v: string }
  | { t: "sym"; v: string };

class Unreadable extends Error {}

const symbols = [
  "==",
  "!=",
  "<>",
  "<=",
  ">=",
  "&&",
  "||",
  "=",
  "<",
  ">",
  "!",
  "(",
  ")",
  "[",
  "]",
  ",",
];

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (c === "{") {
      const end = text.indexOf("}", i);
      if (end < 0) throw new Unreadable("A question name in { } is not closed.");
      const name = text.slice(i + 1, end).trim();
      if (!name) throw new Unreadable("It has an empty question name { }.");
      out.push({ t: "var", v: name });
      i = end + 1;
      continue;
    }
    if (c === "'" || c === '"') {
      let j = i + 1;
      let value = "";
      while (j < text.length && text[j] !== c) {
        if (text[j] === "\\" && j + 1 < text.length) j += 1;
        value += text[j];
        j += 1;
      }
      if (j >= text.length) throw new Unreadable("A quoted text in it is not closed.");
      out.push({ t: "lit", v: value });
      i = j + 1;
      continue;
    }
    const number = /^-?\d+(\.\d+)?/.exec(text.slice(i));
    if (number) {
      out.push({ t: "lit", v: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (word) {
      const lower = word[0].toLowerCase();
      if (lower === "true" || lower === "false") out.push({ t: "lit", v: lower === "true" });
      else out.push({ t: "word", v: lower });
      i += word[0].length;
      continue;
    }
    const symbol = symbols.find((s) => text.startsWith(s, i));
    if (!symbol) throw new Unreadable(`It uses "${c}", which conditions here do not support.`);
    out.push({ t: "sym", v: symbol });
    i += symbol.length;
  }
  return out;
}

const comparisonWords: Record<string, CompareOp> = {
  "=": "eq",
  "==": "eq",
  equal: "eq",
  "!=": "ne",
  "<>": "ne",
  notequal: "ne",
  ">": "gt",
  greater: "gt",
  ">=": "gte",
  greaterorequal: "gte",
  "<": "lt",
  less: "lt",
  "<=": "lte",
  lessorequal: "lte",
  contains: "contains",
  notcontains: "notcontains",
  anyof: "anyof",
  allof: "allof",
  noneof: "noneof",
};

/** The comparison read from the other side ("3 < {a}" is "{a} > 3"). */
const mirrored: Partial<Record<CompareOp, CompareOp>> = {
  eq: "eq",
  ne: "ne",
  gt: "lt",
  gte: "lte",
  lt: "gt",
  lte: "gte",
};

class Parser {
  private at = 0;
  private nesting = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }
  private isWord(...words: string[]): boolean {
    const t = this.peek();
    return (
      !!t && ((t.t === "word" && words.includes(t.v)) || (t.t === "sym" && words.includes(t.v)))
    );
  }
  private expect(symbol: string): void {
    const t = this.peek();
    if (!t || t.t !== "sym" || t.v !== symbol) throw new Unreadable(`A "${symbol}" is missing.`);
    this.at += 1;
  }

  parse(): Expr {
    const expr = this.or();
    if (this.peek()) throw new Unreadable("Part of it could not be read as a condition.");
    return expr;
  }

  private or(): Expr {
    const items = [this.and()];
    while (this.isWord("or", "||")) {
      this.at += 1;
      items.push(this.and());
    }
    return items.length === 1 ? (items[0] as Expr) : { kind: "or", items };
  }

  private and(): Expr {
    const items = [this.unary()];
    while (this.isWord("and", "&&")) {
      this.at += 1;
      items.push(this.unary());
    }
    return items.length === 1 ? (items[0] as Expr) : { kind: "and", items };
  }

  private deeper<T>(read: () => T): T {
    this.nesting += 1;
    if (this.nesting > maxNesting) throw new Unreadable("It is nested too deeply.");
    const out = read();
    this.nesting -= 1;
    return out;
  }

  private unary(): Expr {
    if (this.isWord("!", "not", "negate")) {
      this.at += 1;
      return this.deeper(() => ({ kind: "not", item: this.unary() }));
    }
    const t = this.peek();
    if (t?.t === "sym" && t.v === "(") {
      this.at += 1;
      const inner = this.deeper(() => this.or());
      this.expect(")");
      return inner;
    }
    return this.comparison();
  }

  private operand(): { name: string } | { value: Literal | Literal[] } {
    const t = this.peek();
    if (!t) throw new Unreadable("It ends where a question or value was expected.");
    this.at += 1;
    if (t.t === "var") return { name: t.v };
    if (t.t === "lit") return { value: t.v };
    if (t.t === "sym" && t.v === "[") {
      const list: Literal[] = [];
      while (!(this.peek()?.t === "sym" && this.peek()?.v === "]")) {
        const item = this.peek();
        if (!item || item.t !== "lit") throw new Unreadable("A [list] may hold only values.");
        list.push(item.v);
        this.at += 1;
        if (this.peek()?.t === "sym" && this.peek()?.v === ",") this.at += 1;
      }
      this.at += 1;
      return { value: list };
    }
    const next = this.peek();
    if (t.t === "word" && next?.t === "sym" && next.v === "(") {
      throw new Unreadable(`It calls the function ${t.v}(), which has no equivalent here.`);
    }
    throw new Unreadable(`"${t.v}" stands where a question or value was expected.`);
  }

  private comparison(): Expr {
    const left = this.operand();
    if (this.isWord("empty", "notempty", "isempty", "isnotempty")) {
      const word = (this.peek() as { v: string }).v;
      this.at += 1;
      if (!("name" in left)) throw new Unreadable("Only a question can be tested for an answer.");
      return { kind: "compare", name: left.name, op: word.includes("not") ? "notempty" : "empty" };
    }
    const t = this.peek();
    const op = t && (t.t === "word" || t.t === "sym") ? comparisonWords[t.v] : undefined;
    if (!op) {
      if (t && t.t === "sym" && ["+", "-", "*", "/"].includes(t.v)) {
        throw new Unreadable("It uses arithmetic, which conditions here do not support.");
      }
      throw new Unreadable("A question here is not compared with anything.");
    }
    this.at += 1;
    const right = this.operand();
    if ("name" in left && "value" in right) {
      return { kind: "compare", name: left.name, op, value: right.value };
    }
    const flipped = mirrored[op];
    if ("value" in left && "name" in right && flipped) {
      return { kind: "compare", name: right.name, op: flipped, value: left.value };
    }
    if ("name" in left && "name" in right) {
      throw new Unreadable(
        "It compares two questions with each other, which has no equivalent here.",
      );
    }
    throw new Unreadable("It compares values without a question.");
  }
}

/** Reads a SurveyJS condition, or returns why it cannot be read. */
export function parseExpression(text: string): { expr: Expr } | { why: string } {
  if (text.length > maxLength) return { why: `It is longer than ${maxLength} characters.` };
  try {
    return { expr: new Parser(tokenize(text)).parse() };
  } catch (error) {
    if (error instanceof Unreadable) return { why: error.message };
    throw error;
  }
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
