// Use cases for responses: respondents save answers (partial while they go, then complete),
// idempotent on the id their browser generated; researchers list and open responses.
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import { fail } from "~/server/domain/errors";
import { checkAnswers, type AnswerMap, type AnswerValue } from "~/server/domain/survey/answers";
import type { TLocale, TQuestionDefinition } from "~/server/domain/survey/definition";
import { numericRange } from "~/server/domain/survey/scales";
import { requireRole, type MembershipView } from "./access";
import { rowToQuestion } from "./survey-rows";

export interface SaveResponseInput {
  slug: string;
  responseId: string;
  answers: AnswerMap;
  complete: boolean;
  locale: TLocale;
  source?: "WEB" | "API" | "IMPORT";
  /** Check everything and answer as if saved, but write nothing (the public page's honeypot). */
  dryRun?: boolean;
}

export interface SaveResponseResult {
  responseId: string;
  status: "PARTIAL" | "COMPLETE";
  versionNumber: number;
  /** True when the response was already complete: nothing was written again. */
  alreadyComplete: boolean;
}

const closedMessage = {
  en: "This survey is closed and no longer accepts answers. Thank you for your interest.",
  de: "Diese Umfrage ist geschlossen und nimmt keine Antworten mehr an. Danke für Ihr Interesse.",
} as const;

export function answerColumns(
  question: Pick<TQuestionDefinition, "type" | "settings">,
  value: AnswerValue,
): { numberValue: number | null; textValue: string | null; choices: string[] } {
  if (numericRange(question)) {
    return { numberValue: value as number, textValue: null, choices: [] };
  }
  if (question.type === "MULTIPLE_CHOICE") {
    return { numberValue: null, textValue: null, choices: value as string[] };
  }
  return { numberValue: null, textValue: value as string, choices: [] };
}

export async function saveResponse(
  db: Db,
  input: SaveResponseInput,
  now = new Date(),
): Promise<SaveResponseResult> {
  const survey = await db.survey.findUnique({
    where: { slug: input.slug },
    include: {
      versions: {
        where: { publishedAt: { not: null } },
        orderBy: { number: "desc" },
        take: 1,
      },
    },
  });
  const latest = survey?.versions[0];
  if (!survey || !latest) return fail("NOT_FOUND", "This survey does not exist or is not open.");
  if (survey.status === "CLOSED") fail("SURVEY_CLOSED", closedMessage[input.locale]);

  const existing = await db.response.findUnique({
    where: { id: input.responseId },
    include: { version: { select: { surveyId: true, number: true } } },
  });
  if (existing && existing.version.surveyId !== survey.id) {
    fail("CONFLICT", "This response id belongs to another survey. Reload the page to start again.");
  }
  if (existing?.status === "COMPLETE") {
    return {
      responseId: existing.id,
      status: "COMPLETE",
      versionNumber: existing.version.number,
      alreadyComplete: true,
    };
  }
  // A respondent who started before a new version was published finishes the version they saw.
  const versionId = existing?.versionId ?? latest.id;
  const versionNumber = existing?.version.number ?? latest.number;
  const rows = await db.question.findMany({ where: { versionId }, orderBy: { position: "asc" } });
  const questions = rows.map(rowToQuestion);
  const { values, errors } = checkAnswers(questions, input.answers, {
    complete: input.complete,
    locale: input.locale,
  });
  if (Object.keys(errors).length > 0) {
    const count = Object.keys(errors).length;
    fail(
      "INVALID_INPUT",
      count === 1 ? "One answer needs your attention." : `${count} answers need your attention.`,
      Object.fromEntries(Object.entries(errors).map(([k, message]) => [k, [message]])),
    );
  }

  const status = input.complete ? "COMPLETE" : "PARTIAL";
  if (input.dryRun)
    return { responseId: input.responseId, status, versionNumber, alreadyComplete: false };
  const answerRows: Prisma.AnswerCreateManyInput[] = questions
    .filter((q) => values[q.key] !== undefined)
    .map((q) => ({
      responseId: input.responseId,
      questionId: q.id,
      ...answerColumns(q, values[q.key] as AnswerValue),
    }));

  // Returns false when the response became complete meanwhile (a partial save racing the
  // final submit must never overwrite it).
  const write = () =>
    db.$transaction(async (tx) => {
      const current = await tx.response.findUnique({
        where: { id: input.responseId },
        select: { status: true },
      });
      if (current?.status === "COMPLETE") return false;
      if (!current) {
        await tx.response.create({
          data: {
            id: input.responseId,
            versionId,
            status,
            locale: input.locale,
            source: input.source ?? "WEB",
            startedAt: now,
            completedAt: input.complete ? now : null,
          },
        });
      } else {
        const { count } = await tx.response.updateMany({
          where: { id: input.responseId, status: "PARTIAL" },
          data: { status, locale: input.locale, completedAt: input.complete ? now : null },
        });
        if (count === 0) return false;
      }
      await tx.answer.deleteMany({ where: { responseId: input.responseId } });
      if (answerRows.length > 0) await tx.answer.createMany({ data: answerRows });
      return true;
    });
  let written: boolean;
  try {
    written = await write();
  } catch (error) {
    // Two first saves of one response racing: the unique id decides; the second updates.
    if ((error as { code?: string }).code !== "P2002") throw error;
    written = await write();
  }
  if (!written) {
    return {
      responseId: input.responseId,
      status: "COMPLETE",
      versionNumber,
      alreadyComplete: true,
    };
  }
  return { responseId: input.responseId, status, versionNumber, alreadyComplete: false };
}

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
      };
    }),
  };
}
