// The survey's fixed vocabularies: the languages a survey is written in, the question types and
// the roles a question plays in the analysis, each with the label the builder shows.
// definition.ts builds its schemas on them and exports them too.

export const locales = ["en", "de"] as const;
export type TLocale = (typeof locales)[number];

export const questionTypes = [
  "SINGLE_CHOICE",
  "MULTIPLE_CHOICE",
  "LIKERT",
  "RATING",
  "EMOTION",
  "PAIN",
  "NUMBER",
  "SHORT_TEXT",
  "LONG_TEXT",
  "MATRIX",
] as const;
export type TQuestionType = (typeof questionTypes)[number];

export const questionRoles = [
  "SEGMENT",
  "DEMOGRAPHIC",
  "EMOTION",
  "PAIN",
  "THOUGHT",
  "GOAL",
  "TOUCHPOINT",
  "VALUE",
  "FEAR",
  "OTHER",
] as const;
export type TQuestionRole = (typeof questionRoles)[number];

export const questionTypeLabels: Record<TQuestionType, string> = {
  SINGLE_CHOICE: "Single choice",
  MULTIPLE_CHOICE: "Multiple choice",
  LIKERT: "Likert scale",
  RATING: "Rating 0-10 / NPS",
  EMOTION: "Emotion scale",
  PAIN: "Pain-point severity",
  NUMBER: "Number",
  SHORT_TEXT: "Short text",
  LONG_TEXT: "Long text",
  MATRIX: "Matrix (rate several rows)",
};

export const questionRoleLabels: Record<TQuestionRole, string> = {
  SEGMENT: "Segment trait (clustered)",
  DEMOGRAPHIC: "Demographic (describes a persona)",
  EMOTION: "Emotion",
  PAIN: "Pain point",
  THOUGHT: "Thought (quotes)",
  GOAL: "Goal",
  TOUCHPOINT: "Touchpoint",
  VALUE: "Value (what matters to them)",
  FEAR: "Fear (what worries them)",
  OTHER: "Other",
};
