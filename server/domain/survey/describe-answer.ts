// An answer in words, as a person reads it: option labels instead of values, scale points with
// their names ("−1 · Negative", "4 of 5"). Shared by the response page and the tables of the
// answers behind a persona.
import type { AnswerValue } from "./answers";
import type { TQuestionDefinition } from "./definition";
import { isMatrixAnswer } from "./matrix";
import { emotionScale, painScale } from "./scales";

export type DescribedQuestion = Pick<TQuestionDefinition, "type" | "options" | "settings">;

export function describeAnswer(
  type: string,
  value: AnswerValue,
  question: DescribedQuestion | undefined,
): string {
  if (isMatrixAnswer(value)) {
    // "Speed: 4, Price: 2" in the rows' own order.
    const rows = question?.settings.matrix?.rows ?? [];
    const parts = rows
      .filter((r) => value[r.key] !== undefined)
      .map((r) => `${r.label.en}: ${value[r.key]}`);
    return parts.length ? parts.join(", ") : "—";
  }
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
