// The fixed scales behind the scale question types, and their words in both languages.
import type { TQuestionDefinition } from "./definition";

export { emotionScale, painScale, type ScalePoint } from "./scale-points";

/** The allowed numeric range of a question, or null for non-numeric types. */
export function numericRange(q: Pick<TQuestionDefinition, "type" | "settings">): {
  min: number;
  max: number;
  integer: boolean;
} | null {
  switch (q.type) {
    case "LIKERT":
      return { min: 1, max: q.settings.points ?? 5, integer: true };
    case "RATING":
      return { min: 0, max: 10, integer: true };
    case "EMOTION":
      return { min: -2, max: 2, integer: true };
    case "PAIN":
      return { min: 0, max: 4, integer: true };
    case "NUMBER":
      return {
        min: q.settings.min ?? Number.NEGATIVE_INFINITY,
        max: q.settings.max ?? Number.POSITIVE_INFINITY,
        integer: false,
      };
    default:
      return null;
  }
}

export const textLimits = { SHORT_TEXT: 300, LONG_TEXT: 5000 } as const;
