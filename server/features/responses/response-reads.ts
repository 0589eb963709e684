// Researchers' reads of responses: the paged list of a survey's responses and one response with
// its answers, both only within the reader's workspace.
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import { fail } from "~/server/domain/errors";
import type { AnswerValue } from "~/server/domain/survey/answers";
import { requireRole, type MembershipView } from "../workspaces/access";
import { rowToQuestion } from "../surveys/survey-rows";

export interface ResponseListItem {
  id: string;
  versionNumber: number;
  status: "PARTIAL" | "COMPLETE";
  source: "WEB" | "API" | "IMPORT";
  locale: string;
  startedAt: Date;
  completedAt: Date | null;
  answerCount: number;
}

export async function listResponses(
  db: Db,
  actor: MembershipView,
  surveyId: string,
  filter: { versionNumber?: number; status?: "PARTIAL" | "COMPLETE"; page?: number },
): Promise<{ total: number; items: ResponseListItem[]; pageSize: number }> {
  requireRole(actor, ["OWNER", "RESEARCHER", "STRATEGIST"]);
  const pageSize = 50;
  const where: Prisma.ResponseWhereInput = {
    version: {
      surveyId,
      survey: { workspaceId: actor.workspaceId },
      ...(filter.versionNumber ? { number: filter.versionNumber } : {}),
    },
    ...(filter.status ? { status: filter.status } : {}),
  };
  const [total, rows] = await Promise.all([
    db.response.count({ where }),
    db.response.findMany({
      where,
      include: { version: { select: { number: true } }, _count: { select: { answers: true } } },
      // The id breaks ties, so that pages do not repeat or skip responses started together.
      orderBy: [{ startedAt: "desc" }, { id: "asc" }],
      skip: Math.max(0, (filter.page ?? 0) * pageSize),
      take: pageSize,
    }),
  ]);
  return {
    total,
    pageSize,
    items: rows.map((r) => ({
      id: r.id,
      versionNumber: r.version.number,
      status: r.status,
      source: r.source,
      locale: r.locale,
      startedAt: r.startedAt,
      completedAt: r.completedAt,
      answerCount: r._count.answers,
    })),
  };
}

export async function getResponse(db: Db, actor: MembershipView, responseId: string) {
  const response = await db.response.findFirst({
    where: { id: responseId, version: { survey: { workspaceId: actor.workspaceId } } },
    include: {
      version: { select: { number: true, surveyId: true } },
      answers: { include: { question: true }, orderBy: { question: { position: "asc" } } },
    },
  });
  if (!response) return fail("NOT_FOUND", "That response does not exist in this workspace.");
  return {
    id: response.id,
    surveyId: response.version.surveyId,
    versionNumber: response.version.number,
    status: response.status,
    locale: response.locale,
    startedAt: response.startedAt,
    completedAt: response.completedAt,
    answers: response.answers.map((a) => {
      const question = rowToQuestion(a.question);
      return {
        key: question.key,
        text: question.text.en,
        type: question.type,
        value: (a.numberValue ?? a.textValue ?? a.choices) as AnswerValue,
        /** What the respondent typed for "Other (please specify)", when they chose it. */
        otherText: a.otherText,
      };
    }),
  };
}
