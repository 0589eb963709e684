// The responses behind a claim, as a table a strategist can read: for a persona, its members
// (representative ones first) with their answers to the questions its distinguishing traits rest
// on, in words, instead of a list of response ids. Answers are loaded only for responses of the
// run's own survey in the caller's workspace, so ids from elsewhere show nothing. The same for a
// journey map cell: the respondents of its row with their answers to the stage's questions.
import { ZJourneyFill } from "~/server/analysis/journey/result";
import type { Db } from "~/server/db/client";
import { describeAnswer } from "~/server/domain/survey/describe-answer";
import { fail } from "~/server/domain/errors";
import type { TJourneyCellAspect } from "~/server/domain/journey-cell-key";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";
import { getJourneyFill } from "../journeys/journey-fills";
import { loadRunResult, resultPersona } from "../personas/persona-view";
import { answerFromColumns } from "../responses/responses";
import { rowToQuestion } from "../surveys/survey-rows";

export interface ClaimQuestion {
  key: string;
  label: string;
}

export interface ClaimRespondent {
  responseId: string;
  /** Among the members closest to the persona's centre. */
  representative: boolean;
  /** Almost as close to another persona. */
  ambiguous: boolean;
  /** Answer in words per question key; absent when not answered. */
  answers: Record<string, string>;
}

export interface ClaimAnswers {
  questions: ClaimQuestion[];
  respondents: ClaimRespondent[];
  /** Members in all; respondents holds at most `limit` of them. */
  total: number;
}

const MAX_QUESTIONS = 6;

/**
 * Answers of the given responses to the given question keys, in words. Only responses whose
 * survey is in the workspace (and, when given, is that survey) are read.
 */
export async function loadResponseAnswers(
  db: Db,
  workspaceId: string,
  responseIds: string[],
  questionKeys: string[],
  surveyId?: string,
): Promise<Map<string, Record<string, string>>> {
  const out = new Map<string, Record<string, string>>();
  if (responseIds.length === 0 || questionKeys.length === 0) return out;
  const answers = await db.answer.findMany({
    where: {
      responseId: { in: responseIds },
      question: { key: { in: questionKeys } },
      response: { version: { survey: { workspaceId, ...(surveyId ? { id: surveyId } : {}) } } },
    },
    select: {
      responseId: true,
      numberValue: true,
      textValue: true,
      choices: true,
      rowValues: true,
      question: true,
    },
  });
  for (const a of answers) {
    const question = rowToQuestion(a.question);
    const value = answerFromColumns(a);
    const row = out.get(a.responseId) ?? {};
    row[question.key] = describeAnswer(question.type, value, question);
    out.set(a.responseId, row);
  }
  return out;
}

/** A persona's members with their answers to the questions behind its distinguishing traits. */
export async function getPersonaClaimAnswers(
  db: Db,
  actor: MembershipView,
  input: { runId: string; index: number; limit?: number },
): Promise<ClaimAnswers> {
  requireRole(actor, access.anyMember);
  const { run, result } = await loadRunResult(db, {
    runId: input.runId,
    workspaceId: actor.workspaceId,
  });
  const persona = resultPersona(result, input.index);
  const apart = new Set(persona.distinguishingTraitIds);
  const ranked = [...persona.traits].sort((a, b) => b.strength - a.strength);
  const behind = ranked.some((t) => apart.has(t.id))
    ? ranked.filter((t) => apart.has(t.id))
    : ranked;
  const questions: ClaimQuestion[] = [];
  for (const t of behind) {
    if (questions.length >= MAX_QUESTIONS) break;
    if (!questions.some((q) => q.key === t.questionId)) {
      questions.push({ key: t.questionId, label: t.questionLabel });
    }
  }
  const representative = new Set(persona.representativeIds);
  const ambiguous = new Set(persona.ambiguousMemberIds);
  const ordered = [
    ...persona.representativeIds,
    ...persona.memberIds.filter((id) => !representative.has(id)),
  ].slice(0, Math.max(1, Math.min(input.limit ?? 25, 200)));
  const answers = await loadResponseAnswers(
    db,
    actor.workspaceId,
    ordered,
    questions.map((q) => q.key),
    run.surveyId,
  );
  return {
    questions,
    total: persona.memberIds.length,
    respondents: ordered.map((responseId) => ({
      responseId,
      representative: representative.has(responseId),
      ambiguous: ambiguous.has(responseId),
      answers: answers.get(responseId) ?? {},
    })),
  };
}

const roleOfAspect: Record<TJourneyCellAspect, string> = {
  pain: "PAIN",
  emotion: "EMOTION",
  thoughts: "THOUGHT",
};

/**
 * The respondents behind one journey cell (a persona's row, or all respondents, at one stage and
 * measure) with their answers to that stage's questions of that measure, in words. Only
 * respondents who answered at least one of those questions count, as in the cell's own n;
 * typical members first.
 */
export async function getJourneyCellAnswers(
  db: Db,
  actor: MembershipView,
  input: {
    journeyMapId: string;
    runId: string;
    personaIndex: number | null;
    stageId: string;
    aspect: TJourneyCellAspect;
    limit?: number;
  },
): Promise<ClaimAnswers> {
  requireRole(actor, access.anyMember);
  const stored = await getJourneyFill(db, actor, {
    journeyMapId: input.journeyMapId,
    runId: input.runId,
  });
  if (!stored || stored.runId !== input.runId) {
    return fail("NOT_FOUND", "This journey map has no evidence from that analysis run.");
  }
  const fill = ZJourneyFill.parse(stored.result);
  const role = roleOfAspect[input.aspect];
  const questions: ClaimQuestion[] = fill.questions
    .filter((q) => q.stageId === input.stageId && q.role === role)
    .map((q) => ({ key: q.id, label: q.label }));

  const { result } = await loadRunResult(db, {
    runId: input.runId,
    workspaceId: actor.workspaceId,
  });
  const rows =
    input.personaIndex === null ? result.personas : [resultPersona(result, input.personaIndex)];
  const representative = new Set(rows.flatMap((p) => p.representativeIds));
  const ambiguous = new Set(rows.flatMap((p) => p.ambiguousMemberIds));
  const members = rows.flatMap((p) => p.memberIds);
  const ordered = [
    ...members.filter((id) => representative.has(id)),
    ...members.filter((id) => !representative.has(id)),
  ];
  const answers = await loadResponseAnswers(
    db,
    actor.workspaceId,
    ordered,
    questions.map((q) => q.key),
    stored.surveyId,
  );
  const answered = ordered.filter((id) => answers.has(id));
  const limit = Math.max(1, Math.min(input.limit ?? 25, 200));
  return {
    questions,
    total: answered.length,
    respondents: answered.slice(0, limit).map((responseId) => ({
      responseId,
      representative: representative.has(responseId),
      ambiguous: ambiguous.has(responseId),
      answers: answers.get(responseId) ?? {},
    })),
  };
}
