// Choices of a SurveyJS question -> our options: values our option values cannot hold get a
// safe value of ours and keep the original beside it (export writes it back), the "value|text"
// shorthand is split, labels keep their languages, "none" and "other" items become options
// that remember what they were, and "asc"/"desc" order is applied once.
import type {
  TChoiceOption,
  TLocalizedText,
  TQuestionDefinition,
  TQuestionType,
  TSurveyJsOrigin,
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
  /** How SurveyJS wrote it, where our definition cannot say so (see ZSurveyJsOrigin). */
  origin?: TSurveyJsOrigin;
}

/** Collects choices, renaming values our option values cannot hold, and reports renames. */
export class Choices {
  readonly options: TChoiceOption[] = [];
  readonly optionValues = new Map<string, string>();
  private readonly used = new Set<string>();

  constructor(
    private readonly name: string,
    private readonly ctx: ElementContext,
  ) {}

  /** Adds a choice; returns our value for it, or null when it has no usable value. */
  add(raw: unknown, rawText: unknown, itemPath: string, fallback?: TLocalizedText): string | null {
    const usable =
      typeof raw === "string"
        ? raw.trim() !== ""
        : typeof raw === "number" || raw === true || raw === false;
    if (!usable || (typeof raw === "number" && !Number.isFinite(raw))) {
      this.ctx.report(
        itemPath,
        `A choice of "${this.name}" without a value`,
        "Choices need a value.",
      );
      return null;
    }
    const original = String(raw);
    if (this.optionValues.has(original)) {
      this.ctx.report(
        itemPath,
        `A second choice "${original}" of "${this.name}"`,
        "Each choice needs its own value; the first one was kept.",
      );
      return null;
    }
    const value = optionValueFor(original, this.used, `option_${this.options.length + 1}`);
    this.optionValues.set(original, value);
    const label = this.ctx.text.read(rawText) ?? fallback ?? { en: original };
    const option: TChoiceOption = { value, label: requireEnglish(label) };
    // Numbers go back as numbers; strings only when ours differs. Longer ones cannot be kept.
    if (typeof raw === "number") option.source = raw;
    else if (value !== original && original.length <= 500) option.source = original;
    else if (value !== original) {
      this.ctx.report(
        itemPath,
        `Value of a choice of "${this.name}"`,
        `It is longer than 500 characters; it was stored as "${value}".`,
      );
    }
    this.options.push(option);
    return value;
  }

  addItems(items: unknown, path: string): void {
    asArray(items).forEach((item, i) => {
      const itemPath = `${path}[${i}]`;
      // SurveyJS's shorthand "value|text": the part before the first bar is the stored value.
      if (typeof item === "string" && item.includes("|")) {
        const bar = item.indexOf("|");
        const text = item.slice(bar + 1);
        this.add(item.slice(0, bar), text.trim() ? text : undefined, itemPath);
        return;
      }
      if (!isObject(item)) {
        this.add(item, item, itemPath);
        return;
      }
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
}

export function choices(el: JsonObject, path: string, name: string, ctx: ElementContext) {
  const list = new Choices(name, ctx);
  list.addItems(el.choices, `${path}.choices`);
  const origin: TSurveyJsOrigin = {};
  if (el.showNoneItem === true || el.hasNone === true) {
    const value = list.add("none", el.noneText, path, { en: "None", de: "Keine" });
    if (value) origin.noneValue = value;
  }
  if (el.showOtherItem === true || el.hasOther === true) {
    const value = list.add("other", el.otherText, path, { en: "Other", de: "Sonstiges" });
    if (value) origin.otherValue = value;
  }
  return { options: list.options, optionValues: list.optionValues, origin };
}

export function orderChoices(el: JsonObject, options: TChoiceOption[]): boolean {
  const order = typeof el.choicesOrder === "string" ? el.choicesOrder.toLowerCase() : "none";
  if (order === "asc" || order === "desc") {
    options.sort((a, b) => a.label.en.localeCompare(b.label.en) * (order === "asc" ? 1 : -1));
  }
  return order === "random";
}
