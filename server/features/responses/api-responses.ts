// Response use cases for API clients (workspace API keys): submit to a survey of the key's
// workspace, by survey id, through the same saveResponse as the public page; and read pages of
// responses with their answers keyed by question key (the studio's table, listResponses, shows
// counts only). A survey outside the caller's workspace is NOT_FOUND, never an empty page.
import type { Db } from "~/server/db/client";
import { fail } from "~/server/domain/errors";
import { otherTextKey, type AnswerValue } from "~/server/domain/survey/answers";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";
import { answerValueColumns } from "./response-answer-rows";
import {
  answerFromColumns,
  listResponses,
  saveResponse,
  type ResponseListItem,
  type SaveResponseInput,
  type SaveResponseResult,
} from "./responses";

export interface ResponseWithAnswers extends ResponseListItem {
  answers: Record<string, AnswerValue>;
}

export interface ResponsePage {
  total: number;
  page: number;
  pageSize: number;
  items: ResponseWithAnswers[];
}

async function requireSurveyInWorkspace(db: Db, actor: MembershipView, surveyId: string) {
  const survey = await db.survey.findFirst({
    where: { id: surveyId, workspaceId: actor.workspaceId },
    select: { id: true, slug: true },
  });
  return survey ?? fail("NOT_FOUND", "That survey does not exist in this workspace.");
}

export async function submitApiResponse(
  db: Db,
  actor: MembershipView,
  surveyId: string,
  input: Omit<SaveResponseInput, "slug" | "source">,
  now = new Date(),
): Promise<SaveResponseResult> {
  requireRole(actor, access.anyMember);
  const survey = await requireSurveyInWorkspace(db, actor, surveyId);
  return saveResponse(db, { ...input, slug: survey.slug, source: "API" }, now);
}

export async function listResponsePage(
  db: Db,
  actor: MembershipView,
  surveyId: string,
  filter: { versionNumber?: number; status?: "PARTIAL" | "COMPLETE"; page?: number },
): Promise<ResponsePage> {
  requireRole(actor, access.anyMember);
  const survey = await requireSurveyInWorkspace(db, actor, surveyId);
  const page = filter.page ?? 0;
  const { total, pageSize, items } = await listResponses(db, actor, survey.id, { ...filter, page });
  const answers = await db.answer.findMany({
    where: { responseId: { in: items.map((item) => item.id) } },
    select: {
      responseId: true,
      ...answerValueColumns,
      question: { select: { key: true, position: true } },
    },
    orderBy: { question: { position: "asc" } },
  });
  const byResponse = new Map<string, Record<string, AnswerValue>>();
  for (const a of answers) {
    const map = byResponse.get(a.responseId) ?? {};
    map[a.question.key] = answerFromColumns(a);
    // "Other (please specify)" text under the same key a submit sends it with.
    if (a.otherText !== null) map[otherTextKey(a.question.key)] = a.otherText;
    byResponse.set(a.responseId, map);
  }
  return {
    total,
    page,
    pageSize,
    items: items.map((item) => ({ ...item, answers: byResponse.get(item.id) ?? {} })),
  };
}
