// The points of the fixed emotion and pain scales, with their words in both languages. Plain data,
// so the pure analysis engine (server/analysis) reads the same scales the survey shows.
import type { TLocale } from "./question-vocabulary";

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
