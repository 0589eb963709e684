// Use cases for responses: respondents save answers (partial while they go, then complete),
// idempotent on the id their browser generated and bound to a secret only that browser holds;
// researchers list and open responses (response-reads.ts).
import type { Db } from "~/server/db/client";
import { fail } from "~/server/domain/errors";
import type { SlotCount } from "~/server/domain/limit-window";
import type { AnswerMap } from "~/server/domain/survey/answers";
import type { TLocale } from "~/server/domain/survey/definition";
import { isMatrixAnswer, type MatrixAnswer } from "~/server/domain/survey/matrix";
import { answerRowKey, answerRowsFor, answerValueColumns } from "./response-answer-rows";
import {
  forgetLatestVersion,
  latestPublishedVersion,
  questionsOf,
  writeResponseInOneTrip,
  type FoldedLimit,
} from "./response-fast-write";
import { hashResponseSecret, newResponseSecret, secretMatches } from "./response-secret";

// Moved to their own modules; still offered here for the callers that import them from here.
export { answerColumns, answerFromColumns } from "./response-answer-rows";
export { getResponse, listResponses, type ResponseListItem } from "./response-reads";

export interface SaveResponseInput {
  slug: string;
  responseId: string;
  answers: AnswerMap;
  complete: boolean;
  locale: TLocale;
  source?: "WEB" | "API" | "IMPORT";
  /** The response's secret: chosen by the client on its first save (or made by the server and
   * returned then), and required for every later save of a partial response. */
  responseSecret?: string;
  /** Check everything and answer as if saved, but write nothing (the public page's honeypot). */
  dryRun?: boolean;
}

export interface SaveResponseResult {
  responseId: string;
  status: "PARTIAL" | "COMPLETE";
  versionNumber: number;
  /** True when the response was already complete: nothing was written again. */
  alreadyComplete: boolean;
  /** Only when the server made the secret (a first partial save without one): keep it and send
   * it with every later save of this response. */
  responseSecret?: string;
}

/**
 * A rate limit the save counts once (the public endpoint's per-client limit): folded into the
 * one-trip statement when that runs, otherwise enforced on its own before the full path, so every
 * request counts exactly once and a refused one is refused before anything else is decided.
 */
export interface SaveLimit {
  folded: FoldedLimit;
  /** Counts the hit on its own; throws the refusal when over the limit. */
  enforce(): Promise<void>;
  /** Throws the refusal for a hit the folded statement refused, given the window's counts. */
  refuse(counts: SlotCount[]): never;
}

const closedMessage = {
  en: "This survey is closed and no longer accepts answers. Thank you for your interest.",
  de: "Diese Umfrage ist geschlossen und nimmt keine Antworten mehr an. Danke für Ihr Interesse.",
} as const;

const differentContentMessage =
  "This response was already submitted with different answers, and a submitted response " +
  "cannot be changed. To answer again, start a new response (a new responseId).";

const wrongSecretMessage =
  "This response can only be continued by the browser or client that started it (its " +
  "responseSecret did not match). Reload the page to start a new response.";

/**
 * A submit to a response that is already complete: the very same final answers are a retry
 * whose acknowledgement got lost, answered as the first time (whatever state the survey is in
 * now); anything else would silently be dropped, so it is refused with 409.
 */
async function answerCompleted(
  db: Db,
  input: SaveResponseInput,
  stored: { versionId: string; versionNumber: number },
): Promise<SaveResponseResult> {
  const ack: SaveResponseResult = {
    responseId: input.responseId,
    status: "COMPLETE",
    versionNumber: stored.versionNumber,
    alreadyComplete: true,
  };
  if (!input.complete) fail("CONFLICT", differentContentMessage);
  const { rows, errors } = answerRowsFor(await questionsOf(db, stored.versionId), input);
  if (Object.keys(errors).length > 0) fail("CONFLICT", differentContentMessage);
  const storedRows = await db.answer.findMany({
    where: { responseId: input.responseId },
    select: {
      questionId: true,
      ...answerValueColumns,
    },
  });
  const storedByQuestion = new Map(storedRows.map((r) => [r.questionId, answerRowKey(r)]));
  const same =
    storedRows.length === rows.length &&
    rows.every((r) => storedByQuestion.get(r.questionId) === answerRowKey(r));
  return same ? ack : fail("CONFLICT", differentContentMessage);
}

/**
 * The one-round-trip save (response-fast-write.ts) when the input is valid for the latest
 * version. `saved` undefined sends the caller down the full path below, which decides every other
 * case; `limitCounted` says whether the statement already counted the folded limit's hit.
 */
async function saveInOneTrip(
  db: Db,
  input: SaveResponseInput,
  now: Date,
  limit: SaveLimit | undefined,
): Promise<{ saved?: SaveResponseResult; limitCounted: boolean }> {
  const notRun = { limitCounted: false };
  if (input.dryRun) return notRun;
  const version = await latestPublishedVersion(db, input.slug);
  if (!version) return notRun;
  const { rows, errors } = answerRowsFor(version.questions, input);
  if (Object.keys(errors).length > 0) return notRun;
  const outcome = await writeResponseInOneTrip(
    db,
    { ...input, source: input.source ?? "WEB" },
    version,
    rows.map((r) => ({
      questionId: r.questionId,
      numberValue: r.numberValue ?? null,
      textValue: r.textValue ?? null,
      choices: Array.isArray(r.choices) ? r.choices : [],
      otherText: r.otherText ?? null,
      rowValues: isMatrixAnswer(r.rowValues) ? (r.rowValues as MatrixAnswer) : null,
    })),
    now,
    limit?.folded,
  );
  if ("limited" in outcome) return limit!.refuse(outcome.counts);
  if (!outcome.written) {
    // Perhaps a newer version was published: look it up afresh next time.
    forgetLatestVersion(input.slug);
    return { limitCounted: outcome.limitCounted };
  }
  return {
    limitCounted: limit !== undefined,
    saved: {
      responseId: input.responseId,
      status: input.complete ? "COMPLETE" : "PARTIAL",
      versionNumber: version.versionNumber,
      alreadyComplete: false,
      ...(outcome.madeSecret ? { responseSecret: outcome.madeSecret } : {}),
    },
  };
}

export async function saveResponse(
  db: Db,
  input: SaveResponseInput,
  now = new Date(),
  limit?: SaveLimit,
): Promise<SaveResponseResult> {
  const fast = await saveInOneTrip(db, input, now, limit);
  if (fast.saved) return fast.saved;
  if (limit && !fast.limitCounted) await limit.enforce();
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

  const existing = await db.response.findUnique({
    where: { id: input.responseId },
    include: { version: { select: { surveyId: true, number: true } } },
  });
  if (existing && existing.version.surveyId !== survey.id) {
    fail("CONFLICT", "This response id belongs to another survey. Reload the page to start again.");
  }
  // Before the closed check: a retried final submit must hear that it was stored.
  if (existing?.status === "COMPLETE") {
    return answerCompleted(db, input, {
      versionId: existing.versionId,
      versionNumber: existing.version.number,
    });
  }
  if (survey.status === "CLOSED") fail("SURVEY_CLOSED", closedMessage[input.locale]);
  if (existing && !secretMatches(existing.secretHash, input.responseSecret)) {
    fail("FORBIDDEN", wrongSecretMessage);
  }
  // A respondent who started before a new version was published finishes the version they saw.
  const versionId = existing?.versionId ?? latest.id;
  const versionNumber = existing?.version.number ?? latest.number;
  const { rows: answerRows, errors } = answerRowsFor(await questionsOf(db, versionId), input);
  if (Object.keys(errors).length > 0) {
    const count = Object.keys(errors).length;
    fail(
      "INVALID_INPUT",
      count === 1 ? "One answer needs your attention." : `${count} answers need your attention.`,
      Object.fromEntries(Object.entries(errors).map(([k, message]) => [k, [message]])),
    );
  }

  const status = input.complete ? "COMPLETE" : "PARTIAL";
  // A partial response needs a secret to be continued with; a client that sent none gets one.
  const madeSecret =
    !existing && !input.complete && input.responseSecret === undefined
      ? newResponseSecret()
      : undefined;
  const secret = input.responseSecret ?? madeSecret;
  const saved: SaveResponseResult = {
    responseId: input.responseId,
    status,
    versionNumber,
    alreadyComplete: false,
    ...(madeSecret ? { responseSecret: madeSecret } : {}),
  };
  if (input.dryRun) return saved;

  // "completed" when the response became complete meanwhile (a partial save racing the final
  // submit must never overwrite it).
  const write = () =>
    db.$transaction(async (tx) => {
      const current = await tx.response.findUnique({
        where: { id: input.responseId },
        select: { status: true, secretHash: true },
      });
      if (current?.status === "COMPLETE") return "completed" as const;
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
            secretHash: secret === undefined ? null : hashResponseSecret(secret),
          },
        });
      } else {
        // Two first saves racing: the one that lost must still hold the winner's secret.
        if (!secretMatches(current.secretHash, input.responseSecret)) {
          fail("FORBIDDEN", wrongSecretMessage);
        }
        const { count } = await tx.response.updateMany({
          where: { id: input.responseId, status: "PARTIAL" },
          data: { status, locale: input.locale, completedAt: input.complete ? now : null },
        });
        if (count === 0) return "completed" as const;
      }
      await tx.answer.deleteMany({ where: { responseId: input.responseId } });
      if (answerRows.length > 0) await tx.answer.createMany({ data: answerRows });
      return "written" as const;
    });
  let outcome: "written" | "completed";
  try {
    outcome = await write();
  } catch (error) {
    // Two first saves of one response racing: the unique id decides; the second updates.
    if ((error as { code?: string }).code !== "P2002") throw error;
    outcome = await write();
  }
  if (outcome === "completed") return answerCompleted(db, input, { versionId, versionNumber });
  return saved;
}
