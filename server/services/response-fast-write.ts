// The common case of saving a response in one round trip: a new response, or the next save of a
// partial one, to a survey's latest published version while the survey is open. The answers are
// checked in the process against the version's questions (the same checkAnswers as always), then
// ONE parameterised statement re-checks every assumption inside the database (survey open,
// version still the latest, response new or partial on that version, secret matches) and writes
// the response and its answers. When any assumption does not hold it writes nothing and the
// caller takes the full path in responses.ts, which gives the precise answer (409, 410, 403, the
// acknowledgement of a retried final submit, ...). So this file adds speed, never a new outcome.
//
// The slug -> latest version -> questions lookup is cached per process: a published version's
// questions never change, and a stale guess (a newer version published since) only sends that
// one request down the full path, which refreshes the entry.
import type { Db } from "~/server/db/client";
import type { AnswerMap } from "~/server/domain/survey/answers";
import type { TLocale } from "~/server/domain/survey/definition";
import { hashResponseSecret, newResponseSecret } from "./response-secret";
import type { StoredQuestion } from "./survey-rows";

export interface PublishedVersion {
  versionId: string;
  versionNumber: number;
  questions: StoredQuestion[];
}

export interface AnswerColumns {
  questionId: string;
  numberValue: number | null;
  textValue: string | null;
  choices: string[];
  /** The text typed next to "Other (please specify)". */
  otherText: string | null;
  /** A matrix's { rowKey: scale point }. */
  rowValues: Record<string, number> | null;
}

export interface FastWriteInput {
  slug: string;
  responseId: string;
  answers: AnswerMap;
  complete: boolean;
  locale: TLocale;
  source: "WEB" | "API" | "IMPORT";
  responseSecret?: string;
}

export type FastWriteOutcome =
  { written: true; created: boolean; madeSecret?: string } | { written: false };

// Enough for every survey a busy instance serves; cleared whole when full (a miss costs one query).
const MAX_CACHED_SURVEYS = 2000;
const latestBySlug = new Map<string, PublishedVersion>();

export function cachedLatestVersion(slug: string): PublishedVersion | undefined {
  return latestBySlug.get(slug);
}

export function rememberLatestVersion(slug: string, version: PublishedVersion): void {
  if (latestBySlug.size >= MAX_CACHED_SURVEYS) latestBySlug.clear();
  latestBySlug.set(slug, version);
}

export function forgetLatestVersion(slug: string): void {
  latestBySlug.delete(slug);
}

/**
 * Writes the response and its answers in one statement, or nothing when the database's state
 * is not the common case (see the header). Answers not in `rows` are removed (a later partial
 * save replaces the earlier one); the others are inserted or updated in place.
 */
export async function writeResponseInOneTrip(
  db: Db,
  input: FastWriteInput,
  version: PublishedVersion,
  rows: AnswerColumns[],
  now: Date,
): Promise<FastWriteOutcome> {
  const status = input.complete ? "COMPLETE" : "PARTIAL";
  // As in the full path: a first partial save without a secret gets one made by the server.
  const madeSecret =
    !input.complete && input.responseSecret === undefined ? newResponseSecret() : undefined;
  const secret = input.responseSecret ?? madeSecret;
  const secretHash = secret === undefined ? null : hashResponseSecret(secret);
  const completedAt = input.complete ? now : null;
  const answers = JSON.stringify(rows);
  const result = await db.$queryRaw<{ created: number; updated: number }[]>`
    WITH target AS (
      SELECT s.id FROM "Survey" s
      WHERE s.slug = ${input.slug} AND s.status = 'OPEN'
        AND (SELECT v.id FROM "SurveyVersion" v
             WHERE v."surveyId" = s.id AND v."publishedAt" IS NOT NULL
             ORDER BY v.number DESC LIMIT 1) = ${version.versionId}
    ), created AS (
      INSERT INTO "Response"
        ("id", "versionId", "status", "locale", "source", "startedAt", "updatedAt", "completedAt", "secretHash")
      SELECT ${input.responseId}, ${version.versionId}, ${status}::"ResponseStatus", ${input.locale},
        ${input.source}::"ResponseSource", ${now}::timestamp, ${now}::timestamp,
        ${completedAt}::timestamp, ${secretHash}
      FROM target
      ON CONFLICT ("id") DO NOTHING
      RETURNING "id"
    ), updated AS (
      -- The status check runs again on the locked row: a save racing the final submit loses.
      UPDATE "Response" r
      SET "status" = ${status}::"ResponseStatus", "locale" = ${input.locale},
        "updatedAt" = ${now}::timestamp, "completedAt" = ${completedAt}::timestamp
      FROM target
      WHERE r."id" = ${input.responseId} AND r."status" = 'PARTIAL'
        AND r."versionId" = ${version.versionId}
        AND (r."secretHash" IS NULL OR r."secretHash" = ${secretHash})
      RETURNING r."id"
    ), written AS (
      SELECT "id" FROM created UNION ALL SELECT "id" FROM updated
    ), incoming AS (
      SELECT * FROM jsonb_to_recordset(${answers}::jsonb)
        AS a("questionId" text, "numberValue" float8, "textValue" text, "choices" text[],
          "otherText" text, "rowValues" jsonb)
    ), removed AS (
      DELETE FROM "Answer" a USING written w
      WHERE a."responseId" = w."id"
        AND a."questionId" NOT IN (SELECT "questionId" FROM incoming)
    ), stored AS (
      INSERT INTO "Answer"
        ("id", "responseId", "questionId", "numberValue", "textValue", "choices", "otherText", "rowValues")
      SELECT gen_random_uuid()::text, w."id", i."questionId", i."numberValue", i."textValue",
        coalesce(i."choices", '{}'), i."otherText", i."rowValues"
      FROM written w CROSS JOIN incoming i
      ON CONFLICT ("responseId", "questionId") DO UPDATE SET
        "numberValue" = EXCLUDED."numberValue", "textValue" = EXCLUDED."textValue",
        "choices" = EXCLUDED."choices", "otherText" = EXCLUDED."otherText",
        "rowValues" = EXCLUDED."rowValues"
    )
    SELECT (SELECT count(*) FROM created)::int AS created, (SELECT count(*) FROM updated)::int AS updated`;
  const created = Number(result[0]?.created ?? 0) > 0;
  const updated = Number(result[0]?.updated ?? 0) > 0;
  if (!created && !updated) return { written: false };
  return { written: true, created, ...(created && madeSecret ? { madeSecret } : {}) };
}
