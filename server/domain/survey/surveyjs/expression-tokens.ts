// The tokenizer of SurveyJS condition expressions: question names in { }, quoted texts,
// numbers, true/false, words (operators) and symbols. It throws `Unreadable` with a reason
// when the text uses something conditions here cannot hold; expressions.ts parses the tokens.

export type Literal = string | number | boolean;

export type Token =
  | { t: "var"; v: string }
  | { t: "lit"; v: Literal }
  | { t: "word"; v: string }
  | { t: "sym"; v: string };

export class Unreadable extends Error {}

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

export function tokenize(text: string): Token[] {
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
