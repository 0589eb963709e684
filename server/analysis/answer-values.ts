// Reads a respondent's answer to a closed question as the profile counts or averages it, with the
// same acceptance rules as encode.ts: blanks are missing, choices outside declared options are
// not counted, a single string is a one-option multi-select answer and an empty list is the
// answer "none of these". Labelled ordinal answers become their 1-based position on the scale,
// so that "4.2 of 5" reads naturally.
import type { Answer, QuestionDefinition } from "./survey";

function isBlank(answer: Answer): boolean {
  return (
    answer === null || answer === undefined || (typeof answer === "string" && answer.trim() === "")
  );
}

function toNumber(answer: Answer): number | null {
  if (typeof answer === "number") return Number.isFinite(answer) ? answer : null;
  if (typeof answer === "string") {
    const n = Number(answer.trim());
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** Ordinal / numeric answer as a number, or null when missing or not readable. */
export function numericAnswer(question: QuestionDefinition, answer: Answer): number | null {
  if (isBlank(answer)) return null;
  if (question.kind === "ordinal" && question.options) {
    const index = typeof answer === "string" ? question.options.indexOf(answer) : -1;
    return index >= 0 ? index + 1 : null;
  }
  return toNumber(answer);
}

/** Categorical / multi answer as the chosen options, or null when missing or not readable. */
export function choiceAnswer(question: QuestionDefinition, answer: Answer): string[] | null {
  if (isBlank(answer)) return null;
  const declared = question.options;
  const accept = (o: string): boolean => !declared || declared.includes(o);
  if (question.kind === "categorical") {
    if (typeof answer === "object") return null;
    const option = String(answer);
    return accept(option) ? [option] : null;
  }
  const list = typeof answer === "string" ? [answer] : answer;
  if (!Array.isArray(list)) return null;
  const chosen = [...new Set((list as readonly unknown[]).filter((o) => typeof o === "string"))];
  const valid = (chosen as string[]).filter(accept);
  // Only unrecognised items: the respondent answered, but with nothing we can count.
  if (valid.length === 0 && list.length > 0) return null;
  return valid;
}

/** Declared options, or the observed ones in code-unit order (as encode.ts orders them). */
export function optionsOf(
  question: QuestionDefinition,
  answers: readonly (readonly string[] | null)[],
): string[] {
  if (question.options) return [...question.options];
  const seen = new Set<string>();
  for (const a of answers) a?.forEach((o) => seen.add(o));
  return [...seen].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

/** The scale's ends for a mean: declared, the labelled positions, or the observed range. */
export function scaleOf(
  question: QuestionDefinition,
  values: readonly number[],
): { min: number; max: number } {
  if (question.kind === "ordinal" && question.options) {
    // Positions 1..L; a declared min/max would be in encode.ts's 0-based index space, so not used.
    return { min: 1, max: question.options.length };
  }
  const observedMin = values.reduce((m, v) => Math.min(m, v), Infinity);
  const observedMax = values.reduce((m, v) => Math.max(m, v), -Infinity);
  return {
    min: question.min ?? (Number.isFinite(observedMin) ? observedMin : 0),
    max: question.max ?? (Number.isFinite(observedMax) ? observedMax : 0),
  };
}
