// Words the builder uses about questions: what each analysis role does, and one-line summaries
// of a question's scale, options and display logic.
import type { TQuestionDefinition, TQuestionRole } from "~/server/domain/survey/definition";
import { describeCondition } from "~/server/domain/survey/conditions";
import { emotionScale, painScale } from "~/server/domain/survey/scales";

export const roleExplanations: Record<TQuestionRole, string> = {
  SEGMENT: "Used to cluster respondents into personas: attitudes, needs and behaviours.",
  DEMOGRAPHIC: "Describes each persona afterwards (age, work); not used to form the clusters.",
  EMOTION: "How people felt at a journey stage; fills the emotion curve of the journey map.",
  PAIN: "How much trouble a stage caused; fills the pain-point severity of the journey map and the challenges on each persona card.",
  THOUGHT: "Open answers quoted as a persona's thoughts at a journey stage.",
  GOAL: "What people wanted to achieve; fills the goals on each persona card.",
  TOUCHPOINT: "Which channels or touchpoints people used at a stage.",
  VALUE: "What matters to people; fills the values on each persona card.",
  FEAR: "What worries people; fills the fears on each persona card.",
  OTHER: "Kept in responses and exports; the analysis does not use it.",
};

export function scaleSummary(q: Pick<TQuestionDefinition, "type" | "settings">): string | null {
  switch (q.type) {
    case "LIKERT":
      return `${q.settings.points ?? 5} points${q.settings.minLabel ? `: ${q.settings.minLabel.en} … ${q.settings.maxLabel?.en ?? ""}` : ""}`;
    case "RATING":
      return q.settings.nps ? "0-10, shown as Net Promoter Score" : "0-10";
    case "EMOTION":
      return emotionScale.map((p) => `${p.value} ${p.label.en}`).join(" · ");
    case "PAIN":
      return painScale.map((p) => `${p.value} ${p.label.en}`).join(" · ");
    case "NUMBER": {
      const { min, max } = q.settings;
      if (min === undefined && max === undefined) return "Any number";
      return `From ${min ?? "any"} to ${max ?? "any"}`;
    }
    default:
      return null;
  }
}

export function logicSummary(
  logic: TQuestionDefinition["logic"],
  questions: Pick<TQuestionDefinition, "key" | "text" | "options">[],
): string | null {
  return logic ? `Shown only when ${describeCondition(logic, questions)}` : null;
}
