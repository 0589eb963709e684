// The survey the ingestion benchmark submits to, and complete answers to it: 13 questions of
// most types (Likert, choices, emotion and pain per stage, NPS, a number, open text), like a
// journey survey; and the bench owner's workspace with that survey published.
import type { Db } from "~/server/db/client";
import type { TQuestionDefinitionInput } from "~/server/domain/survey/definition";
import { signUp } from "~/server/features/accounts/accounts";
import { createSurvey, publishSurvey } from "~/server/features/surveys/surveys";
import { createWorkspace } from "~/server/features/workspaces/workspaces";

export const benchQuestions: TQuestionDefinitionInput[] = [
  ...["price", "brand", "safety", "design"].map((topic): TQuestionDefinitionInput => ({
    key: `${topic}_matters`,
    type: "LIKERT",
    role: "SEGMENT",
    required: true,
    settings: { points: 5 },
    text: { en: `How much does ${topic} matter to you?` },
  })),
  {
    key: "channel",
    type: "SINGLE_CHOICE",
    role: "SEGMENT",
    required: true,
    options: ["online", "dealer", "friends"].map((v) => ({ value: v, label: { en: v } })),
    text: { en: "Where did you look first?" },
  },
  {
    key: "extras",
    type: "MULTIPLE_CHOICE",
    options: ["warranty", "winter_tyres", "service_plan", "insurance"].map((v) => ({
      value: v,
      label: { en: v },
    })),
    text: { en: "Which extras did you take?" },
  },
  ...["discovery", "purchase"].flatMap((stage): TQuestionDefinitionInput[] => [
    {
      key: `${stage}_emotion`,
      type: "EMOTION",
      role: "EMOTION",
      required: true,
      text: { en: `Feeling at ${stage}?` },
    },
    {
      key: `${stage}_pain`,
      type: "PAIN",
      role: "PAIN",
      required: true,
      text: { en: `Pain at ${stage}?` },
    },
  ]),
  {
    key: "nps",
    type: "RATING",
    settings: { nps: true },
    required: true,
    text: { en: "Recommend us?" },
  },
  {
    key: "thoughts",
    type: "LONG_TEXT",
    role: "THOUGHT",
    text: { en: "What went through your mind?" },
  },
  {
    key: "age",
    type: "NUMBER",
    role: "DEMOGRAPHIC",
    settings: { min: 16, max: 100 },
    text: { en: "Age?" },
  },
];

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const between = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

const thoughts = [
  "The dealer was friendly, but the paperwork took far longer than I expected.",
  "I compared prices online for weeks before I dared to book a test drive.",
  "Honestly, the financing offer decided it for me; the car itself was second.",
  "I felt rushed at the end and was not sure the extras were worth it.",
];

/** A complete, valid set of answers to benchQuestions (varied, so rows are not identical). */
export function completeAnswers(): Record<string, number | string | string[]> {
  const extras = ["warranty", "winter_tyres", "service_plan", "insurance"].filter(
    () => Math.random() < 0.4,
  );
  return {
    price_matters: between(1, 5),
    brand_matters: between(1, 5),
    safety_matters: between(1, 5),
    design_matters: between(1, 5),
    channel: pick(["online", "dealer", "friends"]),
    ...(extras.length > 0 ? { extras } : {}),
    discovery_emotion: between(-2, 2),
    discovery_pain: between(0, 4),
    purchase_emotion: between(-2, 2),
    purchase_pain: between(0, 4),
    nps: between(0, 10),
    thoughts: pick(thoughts),
    age: between(18, 80),
  };
}

/** Signs the bench owner up on a fresh database and publishes the bench survey in their workspace. */
export async function publishBenchSurvey(db: Db, title: string) {
  const owner = await signUp(db, {
    name: "Bench Owner",
    email: "bench.owner@example.test",
    password: "bench-password-long-enough",
  });
  if (!owner) throw new Error("The bench owner's email already has an account.");
  const workspace = await createWorkspace(db, owner.id, { name: "Bench" });
  const actor = { workspaceId: workspace.id, userId: owner.id, role: "OWNER" as const };
  const survey = await createSurvey(db, actor, { title }, benchQuestions);
  await publishSurvey(db, actor, survey.id);
  return { actor, survey };
}
