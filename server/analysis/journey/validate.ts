// Checks the filler's input as a whole before any statistic is computed: the zod shape, then what
// a schema cannot say (ids unique, a respondent in at most one persona). Links that merely do not
// fit this map (a question tied to a stage of another map, a persona member without a response)
// are not errors: they are left out and reported as warnings next to the numbers. At a million
// respondents zod walking every answer took most of a minute, so the bulk (responses, member lists)
// is checked by plain loops and only the small parts by the schema (see quickParse).
import {
  JourneyFillInputError,
  ZJourneyFillInput,
  type JourneyFillData,
  type JourneyPersonaInput,
  type JourneyQuestionInput,
  type JourneyResponseInput,
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

/** Where each respondent sits: built once while checking ids, used by every later step. */
export interface RespondentIndex {
  /** Response id → position in data.responses (the table is built on first use). */
  positionOf: (id: string) => number | undefined;
  /** Per response position: the position in data.personas of its persona, or −1. */
  personaSlot: Int32Array;
  /** Per persona (position in data.personas): listed members without a response. */
  missingMembers: Int32Array;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype
  );
}

function allStrings(value: unknown): value is string[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== "string") return false;
  return true;
}

function validAnswer(value: unknown): boolean {
  switch (typeof value) {
    case "undefined":
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value);
    default:
      return value === null || allStrings(value);
  }
}

function responsesLookValid(responses: readonly unknown[]): boolean {
  for (let i = 0; i < responses.length; i++) {
    const r = responses[i];
    if (!isPlainRecord(r)) return false;
    if (typeof r.id !== "string" || r.id.length === 0) return false;
    const answers = r.answers;
    if (!isPlainRecord(answers)) return false;
    for (const key in answers) {
      if (key === "__proto__" || !validAnswer(answers[key])) return false;
    }
    if (Object.getOwnPropertySymbols(answers).length > 0) return false;
  }
  return true;
}

/**
 * The check without zod walking every answer: the small parts (stages, questions, options,
 * personas without their members) go through the schema, the member lists and the responses
 * through plain loops that accept only what the schema accepts, and the responses are used as
 * given rather than copied. Null when anything looks off: the caller then runs the whole schema,
 * which finds the same first problem (and the same message) as before.
 */
function quickParse(input: TJourneyFillInput): JourneyFillData | null {
  if (!isPlainRecord(input)) return null;
  const { personas, responses } = input as Record<string, unknown>;
  if (!Array.isArray(personas) || !Array.isArray(responses)) return null;
  for (const p of personas) {
    if (!isPlainRecord(p) || !allStrings(p.memberResponseIds)) return null;
  }
  if (!responsesLookValid(responses)) return null;
  const light = ZJourneyFillInput.safeParse({
    ...input,
    personas: personas.map((p: Record<string, unknown>) => ({ ...p, memberResponseIds: [] })),
    responses: [],
  });
  if (!light.success) return null;
  return {
    ...light.data,
    personas: light.data.personas.map((p, i) => ({
      ...p,
      memberResponseIds: (personas[i] as { memberResponseIds: string[] }).memberResponseIds,
    })),
    responses: responses as JourneyResponseInput[],
  };
}

export function parseFillInput(input: TJourneyFillInput): JourneyFillData {
  return checkFillInput(input).data;
}

/** The input checked (shape, unique ids, one persona per respondent) and its respondents indexed. */
export function checkFillInput(input: TJourneyFillInput): {
  data: JourneyFillData;
  respondents: RespondentIndex;
} {
  let data = quickParse(input);
  if (data === null) {
    const parsed = ZJourneyFillInput.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new JourneyFillInputError(
        `The journey fill input is invalid at ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? ""}`,
      );
    }
    data = parsed.data;
  }
  const checks: [string, readonly (string | number)[]][] = [
    ["Stage", data.stages.map((s) => s.id)],
    ["Question", data.questions.map((q) => q.id)],
    ["Persona", data.personas.map((p) => p.index)],
  ];
  for (const [what, ids] of checks) {
    const dup = firstDuplicate(ids);
    if (dup !== undefined) throw new JourneyFillInputError(`${what} ${dup} is listed twice.`);
  }
  const { responses, personas } = data;
  const walked = slotsByWalk(responses, personas);
  if (walked) {
    let table: Map<string, number> | null = null;
    const positionOf = (id: string) => {
      table ??= new Map(responses.map((r, i) => [r.id, i]));
      return table.get(id);
    };
    return {
      data,
      respondents: {
        positionOf,
        personaSlot: walked,
        missingMembers: new Int32Array(personas.length),
      },
    };
  }
  const positionOf = new Map<string, number>();
  for (let i = 0; i < responses.length; i++) {
    const id = (responses[i] as JourneyResponseInput).id;
    if (positionOf.has(id)) throw new JourneyFillInputError(`Response ${id} is listed twice.`);
    positionOf.set(id, i);
  }
  // A member listed twice in one persona is harmless; in two personas it is an error. Members
  // without a response are tracked apart, so the first such clash is found in list order.
  const personaSlot = new Int32Array(responses.length).fill(-1);
  const missingMembers = new Int32Array(personas.length);
  const absentMembers = new Map<string, number>();
  for (let slot = 0; slot < personas.length; slot++) {
    const ids = (personas[slot] as JourneyPersonaInput).memberResponseIds;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as string;
      const position = positionOf.get(id);
      const owner = position === undefined ? absentMembers.get(id) : personaSlot[position];
      if (owner !== undefined && owner !== -1 && owner !== slot) {
        throw new JourneyFillInputError(`Response ${id} belongs to more than one persona.`);
      }
      if (position === undefined) {
        absentMembers.set(id, slot);
        missingMembers[slot] = (missingMembers[slot] as number) + 1;
      } else personaSlot[position] = slot;
    }
  }
  return {
    data,
    respondents: { positionOf: (id) => positionOf.get(id), personaSlot, missingMembers },
  };
}

/**
 * Each response's persona without a table of a million ids, when one walk can tell: response
 * ids in strictly ascending order (so none repeats) and every persona's members listed in
 * response order, each with a response and in one persona only. This is what a run's export
 * looks like; anything else (null) goes through the id table, which also finds the first
 * problem in the order the error messages promise. The hash table and the garbage collections
 * it set off were most of the check at a million respondents.
 */
function slotsByWalk(
  responses: readonly JourneyResponseInput[],
  personas: readonly JourneyPersonaInput[],
): Int32Array | null {
  const n = responses.length;
  for (let i = 1; i < n; i++) {
    if (
      !((responses[i - 1] as JourneyResponseInput).id < (responses[i] as JourneyResponseInput).id)
    )
      return null;
  }
  const lists = personas.map((p) => p.memberResponseIds);
  const next = new Int32Array(lists.length);
  const slots = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const id = (responses[i] as JourneyResponseInput).id;
    for (let p = 0; p < lists.length; p++) {
      const list = lists[p] as string[];
      const k = next[p] as number;
      if (k < list.length && list[k] === id) {
        if (slots[i] !== -1) return null;
        slots[i] = p;
        next[p] = k + 1;
      }
    }
  }
  for (let p = 0; p < lists.length; p++) {
    if (next[p] !== (lists[p] as string[]).length) return null;
  }
  return slots;
}

/** Sentences about input that was left out, for the fill's warnings. */
export function inputWarnings(
  data: JourneyFillData,
  skipped: ReadonlyMap<string, number>,
  /** Per persona (in data.personas order): members without a response, when already counted. */
  missingMembers?: ArrayLike<number>,
): string[] {
  const warnings: string[] = [];
  const stageIds = new Set(data.stages.map((s) => s.id));
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
  const responseIds = missingMembers ? null : new Set(data.responses.map((r) => r.id));
  data.personas.forEach((p, slot) => {
    const missing = responseIds
      ? p.memberResponseIds.filter((id) => !responseIds.has(id)).length
      : (missingMembers?.[slot] ?? 0);
    if (missing > 0) {
      warnings.push(
        `${missing} member${missing === 1 ? "" : "s"} of ${p.name} ${missing === 1 ? "has" : "have"} no response in the input and ${missing === 1 ? "is" : "are"} not counted.`,
      );
    }
  });
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
