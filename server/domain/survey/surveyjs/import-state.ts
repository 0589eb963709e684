// The SurveyJS import's running state and reporting: the questions kept so far, the names
// display conditions refer to, what was left out and why (`unmapped`, `skipped`), and the
// helpers every element shares: reading its own condition, resolving a condition against the
// questions before it, and finding its journey stage. import-elements.ts walks the document.
import type { TCondition } from "../conditions";
import type { TQuestionDefinition, TSurveyJsOrigin } from "../definition";
import type { ElementContext } from "./import-choices";
import { resolveCondition } from "./import-logic";
import { layoutProps } from "./import-props";
import { TextReader } from "./text";
import { customKey, type JsonObject, type SkippedElement, type TUnmappedItem } from "./types";

export interface ImportOptions {
  /** Stages of the journey map the survey will be tied to; questions find theirs by id or name. */
  stages?: { id: string; name: string }[];
}

/** A display condition with the path it was read from, for reports. */
export interface Inherited {
  expression: string;
  path: string;
}

export class Importer implements ElementContext {
  readonly unmapped: TUnmappedItem[] = [];
  readonly text = new TextReader();
  readonly questions: TQuestionDefinition[] = [];
  conditionsKept = 0;
  readonly skipped: SkippedElement[] = [];
  /** Question elements seen (panels and pages not counted). */
  elementCount = 0;
  conditionsDropped = 0;
  /** Lower-cased question name -> the SurveyJS "visible" trigger that shows it. */
  readonly showTriggers = new Map<string, Inherited>();
  /** Name and title of the page being read, given to its first question. */
  pendingPage: TSurveyJsOrigin["page"];
  readonly keys = new Set<string>();
  /** Lower-cased SurveyJS name -> our key, for the names display conditions refer to. */
  readonly keyOfName = new Map<string, string>();
  readonly optionValues = new Map<string, Map<string, string>>();

  constructor(private readonly options: ImportOptions) {}

  report(path: string, what: string, why: string): void {
    this.unmapped.push({ path, what, why });
  }

  reportExtraProps(
    el: JsonObject,
    path: string,
    known: Set<string>,
    what: string,
    layout = layoutProps,
  ) {
    const extra = Object.keys(el).filter((k) => !known.has(k) && !layout.has(k));
    if (extra.length > 0) {
      this.report(
        path,
        `${what}: ${extra.join(", ")}`,
        "These settings have no equivalent here and were left out.",
      );
    }
  }

  /** The question's own display condition: its visibleIf, or a trigger when it starts hidden. */
  ownCondition(el: JsonObject, name: string, path: string): Inherited | null {
    if (typeof el.visibleIf === "string" && el.visibleIf.trim()) {
      return { expression: el.visibleIf, path: `${path}.visibleIf` };
    }
    if (el.visible === false) return this.showTriggers.get(name.toLowerCase()) ?? null;
    return null;
  }

  /** A question element that was not imported: listed, and kept for the converter's report. */
  skip(element: { path: string; name: string; type: string }, what: string, why: string) {
    this.skipped.push({ ...element, reason: why });
    this.report(element.path, what, why);
  }

  dropCondition(path: string, what: string, why: string): void {
    this.conditionsDropped += 1;
    this.report(path, what, why);
  }

  stageFor(
    custom: { stageId?: string | null; stageName?: string | null },
    path: string,
    label: string,
  ): string | null {
    if (!custom.stageId && !custom.stageName) return null;
    const stages = this.options.stages ?? [];
    const byId = stages.find((s) => s.id === custom.stageId);
    const byName = stages.find(
      (s) => s.name.trim().toLowerCase() === custom.stageName?.trim().toLowerCase(),
    );
    const stage = byId ?? byName;
    if (stage) return stage.id;
    this.report(
      `${path}.${customKey}`,
      `Journey stage${custom.stageName ? ` "${custom.stageName}"` : ""} of ${label}`,
      stages.length > 0
        ? "The chosen journey map has no such stage; tie the question to a stage in the builder."
        : "No journey map was chosen for the survey; tie the question to a stage in the builder.",
    );
    return null;
  }

  logic(condition: Inherited, label: string, consequence: string): TCondition | null {
    const resolved = resolveCondition(condition.expression, (name) => {
      const key = this.keyOfName.get(name.toLowerCase());
      const question = this.questions.find((q) => q.key === key);
      return question ? { question, optionValues: this.optionValues.get(question.key) } : null;
    });
    if ("logic" in resolved) {
      this.conditionsKept += 1;
      return resolved.logic;
    }
    this.dropCondition(
      condition.path,
      `Condition "${condition.expression}" of ${label}`,
      `${resolved.why} ${consequence}`,
    );
    return null;
  }
}

/** Conditions that must all hold, as one (flattening nested "and"s); null when there are none. */
export function allOf(conditions: TCondition[]): TCondition | null {
  const flat = conditions.flatMap((c) => ("and" in c ? c.and : [c]));
  if (flat.length === 0) return null;
  return flat.length === 1 ? (flat[0] as TCondition) : { and: flat };
}
