// Checks the filler's input as a whole before any statistic is computed: the zod shape, then what
// a schema cannot say (ids unique, a respondent in at most one persona). Links that merely do not
// fit this map (a question tied to a stage of another map, a persona member without a response)
// are not errors: they are left out and reported as warnings next to the numbers.
import {
  JourneyFillInputError,
  ZJourneyFillInput,
  type JourneyFillData,
  type JourneyQuestionInput,
  type TJourneyFillInput,
} from "./input";
import { isChoice, isText, sourceScale } from "./values";

function firstDuplicate<T>(items: readonly T[]): T | undefined {
  const seen = new Set<T>();
  for (const item of items) {
    if (seen.has(item)) return item;
    seen.add(item);
  }
  return undefined;
}

export function parseFillInput(input: TJourneyFillInput): JourneyFillData {
  const parsed = ZJourneyFillInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new JourneyFillInputError(
      `The journey fill input is invalid at ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? ""}`,
    );
  }
  const data = parsed.data;
  const checks: [string, readonly (string | number)[]][] = [
    ["Stage", data.stages.map((s) => s.id)],
    ["Question", data.questions.map((q) => q.id)],
    ["Persona", data.personas.map((p) => p.index)],
    ["Response", data.responses.map((r) => r.id)],
    ["Persona member", data.personas.flatMap((p) => [...new Set(p.memberResponseIds)])],
  ];
  for (const [what, ids] of checks) {
    const dup = firstDuplicate(ids);
    if (dup !== undefined) {
      throw new JourneyFillInputError(
        what === "Persona member"
          ? `Response ${dup} belongs to more than one persona.`
          : `${what} ${dup} is listed twice.`,
      );
    }
  }
  return data;
}

/** Sentences about input that was left out, for the fill's warnings. */
export function inputWarnings(
  data: JourneyFillData,
  skipped: ReadonlyMap<string, number>,
): string[] {
  const warnings: string[] = [];
  const stageIds = new Set(data.stages.map((s) => s.id));
  const responseIds = new Set(data.responses.map((r) => r.id));
  for (const q of data.questions) {
    if (q.stageId !== null && !stageIds.has(q.stageId)) {
      warnings.push(
        `Question ${q.id} is linked to stage ${q.stageId}, which is not on this map; it was left out.`,
      );
      continue;
    }
    if (q.stageId === null) continue;
    const problem = roleProblem(q);
    if (problem) warnings.push(`Question ${q.id} ${problem}; it was left out of the map.`);
  }
  for (const [questionId, count] of skipped) {
    warnings.push(
      `${count} answer${count === 1 ? "" : "s"} to question ${questionId} could not be read on its scale and ${count === 1 ? "was" : "were"} left out.`,
    );
  }
  for (const p of data.personas) {
    const missing = p.memberResponseIds.filter((id) => !responseIds.has(id)).length;
    if (missing > 0) {
      warnings.push(
        `${missing} member${missing === 1 ? "" : "s"} of ${p.name} ${missing === 1 ? "has" : "have"} no response in the input and ${missing === 1 ? "is" : "are"} not counted.`,
      );
    }
  }
  return warnings;
}

function roleProblem(q: JourneyQuestionInput): string | null {
  if ((q.role === "EMOTION" || q.role === "PAIN") && !sourceScale(q)) {
    return `has the ${q.role.toLowerCase()} role but no scale to read it on (type ${q.type})`;
  }
  if (q.role === "THOUGHT" && !isText(q)) {
    return `has the thought role but is not a text question (type ${q.type})`;
  }
  if (q.role === "GOAL" && !isChoice(q) && !isText(q) && !sourceScale(q)) {
    return `has the goal role but its answers cannot be summarised (type ${q.type})`;
  }
  return null;
}
