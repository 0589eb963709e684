// Small builders for service and API tests: real rows through the real services.
import type { Db } from "~/server/db/client";
import type { TQuestionDefinitionInput } from "~/server/domain/survey/definition";
import type { MembershipView } from "~/server/features/workspaces/access";
import { signUp } from "~/server/features/accounts/accounts";
import { createJourneyMapFromTemplate } from "~/server/features/journeys/journeys";
import {
  createJourneySurvey,
  createSurvey,
  publishSurvey,
} from "~/server/features/surveys/surveys";
import { createWorkspace } from "~/server/features/workspaces/workspaces";

let counter = 0;

/**
 * A required five-point agreement statement that segments respondents: the question the planted
 * persona surveys are made of. The text defaults to "Statement <key>"; `extra` overrides any field.
 */
export const segmentLikert = (
  key: string,
  extra: Partial<TQuestionDefinitionInput> = {},
): TQuestionDefinitionInput => ({
  key,
  type: "LIKERT",
  role: "SEGMENT",
  required: true,
  settings: { points: 5 },
  text: { en: `Statement ${key}` },
  ...extra,
});

export async function makeUser(db: Db, name = "Test User") {
  counter += 1;
  const email = `${name.toLowerCase().replace(/\s+/g, ".")}.${counter}@example.test`;
  const password = `password-${counter}-long-enough`;
  const user = await signUp(db, { name, email, password });
  if (!user) throw new Error(`makeUser: ${email} already has an account`);
  return { ...user, password };
}

export async function makeWorkspaceWithOwner(db: Db, name = "Acme Research") {
  const owner = await makeUser(db, "Owner");
  const workspace = await createWorkspace(db, owner.id, { name });
  const actor: MembershipView = { workspaceId: workspace.id, userId: owner.id, role: "OWNER" };
  return { owner, workspace, actor };
}

export async function addMember(
  db: Db,
  workspaceId: string,
  role: "OWNER" | "RESEARCHER" | "STRATEGIST",
  name = role.toLowerCase(),
) {
  const user = await makeUser(db, name);
  await db.membership.create({ data: { workspaceId, userId: user.id, role } });
  const actor: MembershipView = { workspaceId, userId: user.id, role };
  return { user, actor };
}

export interface PublishedSurveyOptions {
  /** the survey's meta (title by default "Test survey"; languages etc. as the survey builder sets) */
  meta?: Parameters<typeof createSurvey>[2];
  /** the publication time (publishSurvey's default: now) */
  publishedAt?: Date;
}

/** A survey with `questions`, created and published (version 1) by `actor`: its id and slug. */
export async function publishSurveyAs(
  db: Db,
  actor: MembershipView,
  questions: TQuestionDefinitionInput[],
  options: PublishedSurveyOptions = {},
) {
  const survey = await createSurvey(db, actor, options.meta ?? { title: "Test survey" }, questions);
  await publishSurvey(db, actor, survey.id, options.publishedAt);
  return survey;
}

/**
 * The preamble of most response tests: a new workspace whose owner creates and publishes a
 * survey with `questions`. Returns the owner, workspace, owner's actor and the survey.
 */
export async function makePublishedSurvey(
  db: Db,
  questions: TQuestionDefinitionInput[],
  options: PublishedSurveyOptions = {},
) {
  const made = await makeWorkspaceWithOwner(db);
  const survey = await publishSurveyAs(db, made.actor, questions, options);
  return { ...made, survey };
}

/**
 * A map from the car-buying template and the draft journey survey made from its stages, by
 * `actor`: the starting point of every journey test. Names are the test's to choose.
 */
export async function makeCarJourneySurvey(
  db: Db,
  actor: MembershipView,
  names: { map: string; survey: string },
) {
  const map = await createJourneyMapFromTemplate(db, actor, {
    name: names.map,
    template: "carBuying",
  });
  const survey = await createJourneySurvey(db, actor, {
    title: names.survey,
    journeyMapId: map.id,
  });
  return { map, survey };
}
