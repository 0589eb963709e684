// SurveyJS's expression language, as far as display conditions use it: `and` / `or` / `not`
// (also `&&`, `||`, `!`), parentheses, comparisons (=, !=, <>, <, <=, >, >=, and their word
// forms), `contains` / `notcontains`, `anyof` / `allof` / `noneof`, `empty` / `notempty`, over a
// question `{name}` and a literal (text, number, true/false or a [list]). `parseExpression`
// turns such text into a small tree or says precisely what it cannot read (functions, arithmetic,
// two questions compared with each other). The tokens come from expression-tokens.ts;
// expression-format.ts writes our conditions back.
import { tokenize, Unreadable, type Literal, type Token } from "./expression-tokens";

export type { Literal };

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
