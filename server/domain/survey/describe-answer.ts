// An answer in words, as a person reads it: option labels instead of values, scale points with
// their names ("−1 · Negative", "4 of 5"). Shared by the response page and the tables of the
// answers behind a persona.
import type { AnswerValue } from "./answers";
import type { TQuestionDefinition } from "./definition";
import { emotionScale, painScale } from "./scales";

export type DescribedQuestion = Pick<TQuestionDefinition, "type" | "options" | "settings">;

export function describeAnswer(
  type: string,
  value: AnswerValue,
  question: DescribedQuestion | undefined,
): string {
  const label = (v: string) => question?.options.find((o) => o.value === v)?.label.en ?? v;
  if (Array.isArray(value)) return value.length ? value.map(label).join(", ") : "—";
  if (typeof value === "number") {
    const point = (scale: typeof emotionScale) => scale.find((p) => p.value === value)?.label.en;
    if (type === "EMOTION") return `${value} · ${point(emotionScale) ?? ""}`;
    if (type === "PAIN") return `${value} · ${point(painScale) ?? ""}`;
    if (type === "LIKERT") return `${value} of ${question?.settings.points ?? 5}`;
    if (type === "RATING") return `${value} of 10`;
    return String(value);
  }
  return type === "SINGLE_CHOICE" ? label(value) : value;
}
