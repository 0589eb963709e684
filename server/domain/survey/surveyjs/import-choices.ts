// Choices of a SurveyJS question -> our options: values our option values cannot hold are
// renamed (and the renames reported), labels keep their languages, "none" and "other" items
// become plain options, and "asc"/"desc" order is applied once.
import type {
  TChoiceOption,
  TLocalizedText,
  TQuestionDefinition,
  TQuestionType,
} from "../definition";
import { optionValueFor } from "./names";
import { requireEnglish, type TextReader } from "./text";
import { asArray, isObject, type JsonObject } from "./types";

export interface ElementContext {
  text: TextReader;
  report(path: string, what: string, why: string): void;
}

export interface MappedBody {
  type: TQuestionType;
  options: TChoiceOption[];
  settings: TQuestionDefinition["settings"];
  randomizeOptions: boolean;
  /** Original choice value (as text) -> our option value, for display conditions. */
  optionValues: Map<string, string>;
}

/** Collects choices, renaming values our option values cannot hold, and reports renames. */
export class Choices {
  readonly options: TChoiceOption[] = [];
  readonly optionValues = new Map<string, string>();
  private readonly used = new Set<string>();
  private readonly renamed: string[] = [];

  constructor(
    private readonly name: string,
    private readonly ctx: ElementContext,
  ) {}

  add(raw: unknown, rawText: unknown, itemPath: string, fallback?: TLocalizedText): void {
    if (raw === null || raw === undefined || typeof raw === "object") {
      this.ctx.report(
        itemPath,
        `A choice of "${this.name}" without a value`,
        "Choices need a value.",
      );
      return;
    }
    const original = String(raw);
    const value = optionValueFor(original, this.used, `option_${this.options.length + 1}`);
    if (value !== original) this.renamed.push(`"${original}" → "${value}"`);
    this.optionValues.set(original, value);
    const label = this.ctx.text.read(rawText) ?? fallback ?? { en: original };
    this.options.push({ value, label: requireEnglish(label) });
  }

  addItems(items: unknown, path: string): void {
    asArray(items).forEach((item, i) => {
      const itemPath = `${path}[${i}]`;
      if (!isObject(item)) return this.add(item, item, itemPath);
      this.add(item.value, item.text ?? item.value, itemPath);
      const extra = Object.keys(item).filter((k) => !["value", "text"].includes(k));
      if (extra.length > 0) {
        this.ctx.report(
          itemPath,
          `Choice settings of "${this.name}": ${extra.join(", ")}`,
          "Choices here have a value and a label only (no images or conditions).",
        );
      }
    });
  }

  reportRenames(path: string): void {
    if (this.renamed.length === 0) return;
    this.ctx.report(
      path,
      `Choice values of "${this.name}": ${this.renamed.join(", ")}`,
      "Option values use letters, digits, _ . - only, so these were renamed; the labels are unchanged.",
    );
  }
}

export function choices(el: JsonObject, path: string, name: string, ctx: ElementContext) {
  const list = new Choices(name, ctx);
  list.addItems(el.choices, `${path}.choices`);
  if (el.showNoneItem === true || el.hasNone === true) {
    list.add("none", el.noneText, path, { en: "None", de: "Keine" });
  }
  if (el.showOtherItem === true || el.hasOther === true) {
    list.add("other", el.otherText, path, { en: "Other", de: "Sonstiges" });
    ctx.report(
      path,
      `The comment box of "${name}"'s "Other" choice`,
      '"Other" is imported as a plain choice; there is no text box next to it.',
    );
  }
  list.reportRenames(`${path}.choices`);
  return list;
}

export function orderChoices(el: JsonObject, options: TChoiceOption[]): boolean {
  const order = typeof el.choicesOrder === "string" ? el.choicesOrder.toLowerCase() : "none";
  if (order === "asc" || order === "desc") {
    options.sort((a, b) => a.label.en.localeCompare(b.label.en) * (order === "asc" ? 1 : -1));
  }
  return order === "random";
}
