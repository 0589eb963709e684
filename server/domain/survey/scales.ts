// The fixed scales behind the scale question types, and their words in both languages.
import type { TLocale, TQuestionDefinition } from "./definition";

export interface ScalePoint {
  value: number;
  label: Record<TLocale, string>;
  face?: string;
}

export const emotionScale: ScalePoint[] = [
  { value: -2, label: { en: "Very negative", de: "Sehr negativ" }, face: "😣" },
  { value: -1, label: { en: "Negative", de: "Negativ" }, face: "🙁" },
  { value: 0, label: { en: "Neutral", de: "Neutral" }, face: "😐" },
  { value: 1, label: { en: "Positive", de: "Positiv" }, face: "🙂" },
  { value: 2, label: { en: "Very positive", de: "Sehr positiv" }, face: "😄" },
];

export const painScale: ScalePoint[] = [
  { value: 0, label: { en: "None", de: "Keine" } },
  { value: 1, label: { en: "Mild", de: "Leicht" } },
  { value: 2, label: { en: "Moderate", de: "Mittel" } },
  { value: 3, label: { en: "Strong", de: "Stark" } },
  { value: 4, label: { en: "Severe", de: "Sehr stark" } },
];

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
