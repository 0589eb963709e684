// The common case of saving a response in one round trip: a new response, or the next save of a
// partial one, to a survey's latest published version while the survey is open. The answers are
// checked in the process against the version's questions (the same checkAnswers as always), then
// ONE parameterised statement re-checks every assumption inside the database (survey open,
// version still the latest, response new or partial on that version, secret matches) and writes
// the response and its answers. When any assumption does not hold it writes nothing and the
// caller takes the full path in responses.ts, which gives the precise answer (409, 410, 403, the
// acknowledgement of a retried final submit, ...). So this file adds speed, never a new outcome.
//
// The statement goes straight to the driver (server/db/direct-sql.ts), and a rate limit's count
// can ride along in it (FoldedLimit): the hit is counted by the same upsert as in
// limit-counters.ts, and a refused hit writes nothing and brings back the window's counts, so the
// caller can say how long to wait. One submit is then one round trip, limit included.
//
// The slug -> latest version -> questions lookup is cached per process: a published version's
// questions never change, and a stale guess (a newer version published since) only sends that
// one request down the full path, which refreshes the entry.
import type { Db } from "~/server/db/client";
import { directSql } from "~/server/db/direct-sql";
import type { SlotCount, WindowSpec } from "~/server/domain/limit-window";
import type { AnswerMap } from "~/server/domain/survey/answers";
import type { TLocale } from "~/server/domain/survey/definition";
import { noteLimitWrite } from "./limit-counters";
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

/** A rate limit's hit to count in the same statement (see limit-counters.ts for the scheme). */
export interface FoldedLimit {
  key: string;
  window: WindowSpec;
  limit: number;
}

export type FastWriteOutcome =
  | { written: true; created: boolean; madeSecret?: string }
  /** `limitCounted`: the folded limit's hit was counted (only when a limit was folded in). */
  | { written: false; limitCounted: boolean }
  /** The folded limit refused the hit: nothing was counted or written. */
  | { written: false; limited: true; counts: SlotCount[] };

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

// The statement's parameters, in order: see writeResponseInOneTrip.
const writeCtes = `
  target AS (
    SELECT s.id FROM "Survey" s
    WHERE s.slug = $1 AND s.status = 'OPEN'
      AND (SELECT v.id FROM "SurveyVersion" v
           WHERE v."surveyId" = s.id AND v."publishedAt" IS NOT NULL
           ORDER BY v.number DESC LIMIT 1) = $2
      AND /*allowed*/ true
  ), created AS (
    INSERT INTO "Response"
      ("id", "versionId", "status", "locale", "source", "startedAt", "updatedAt", "completedAt", "secretHash")
    SELECT $3, $2, $4::"ResponseStatus", $5, $6::"ResponseSource", $7::timestamp, $7::timestamp,
      $8::timestamp, $9
    FROM target
    ON CONFLICT ("id") DO NOTHING
    RETURNING "id"
  ), updated AS (
    -- The status check runs again on the locked row: a save racing the final submit loses.
    UPDATE "Response" r
    SET "status" = $4::"ResponseStatus", "locale" = $5, "updatedAt" = $7::timestamp,
      "completedAt" = $8::timestamp
    FROM target
    WHERE r."id" = $3 AND r."status" = 'PARTIAL' AND r."versionId" = $2
      AND (r."secretHash" IS NULL OR r."secretHash" = $9)
    RETURNING r."id"
  ), written AS (
    SELECT "id" FROM created UNION ALL SELECT "id" FROM updated
  ), incoming AS (
    SELECT * FROM jsonb_to_recordset($10::jsonb)
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
  )`;

const writeOnly = `WITH ${writeCtes}
  SELECT (SELECT count(*) FROM created)::int AS created,
    (SELECT count(*) FROM updated)::int AS updated`;

// With a folded limit ($11 key, $12 the window's first slot, $13 the current slot, $14 expiry,
// $15 the limit): the same check-and-bump as limit-counters.ts, and the write only when it counted.
const writeWithLimit = `WITH
  earlier AS (
    SELECT coalesce(sum("count"), 0)::bigint AS n FROM "LimitCounter"
    WHERE "key" = $11 AND "slot" >= $12::bigint AND "slot" < $13::bigint
  ), bumped AS (
    INSERT INTO "LimitCounter" ("key", "slot", "count", "expiresAt")
    SELECT $11, $13::bigint, 1, $14::timestamp FROM earlier WHERE earlier.n < $15::bigint
    ON CONFLICT ("key", "slot") DO UPDATE SET "count" = "LimitCounter"."count" + 1
    WHERE "LimitCounter"."count" + (SELECT n FROM earlier) < $15::bigint
    RETURNING 1
  ), ${writeCtes.replace("/*allowed*/ true", "EXISTS (SELECT 1 FROM bumped)")}
  SELECT (SELECT count(*) FROM created)::int AS created,
    (SELECT count(*) FROM updated)::int AS updated,
    EXISTS (SELECT 1 FROM bumped) AS counted,
    -- Only a refusal needs the window's counts (to say how long to wait).
    CASE WHEN NOT EXISTS (SELECT 1 FROM bumped) THEN (
      SELECT coalesce(json_agg(json_build_object('slot', "slot", 'count', "count") ORDER BY "slot"), '[]')::text
      FROM "LimitCounter" WHERE "key" = $11 AND "slot" >= $12::bigint AND "slot" <= $13::bigint
    ) END AS counts`;

interface WriteRow {
  created: number;
  updated: number;
  counted?: boolean;
  counts?: string | null;
}

/**
 * Writes the response and its answers in one statement, or nothing when the database's state
 * is not the common case (see the header). Answers not in `rows` are removed (a later partial
 * save replaces the earlier one); the others are inserted or updated in place. With `limit`, the
 * rate limit's hit is counted in the same statement, and a refused hit writes nothing.
 */
export async function writeResponseInOneTrip(
  db: Db,
  input: FastWriteInput,
  version: PublishedVersion,
  rows: AnswerColumns[],
  now: Date,
  limit?: FoldedLimit,
): Promise<FastWriteOutcome> {
  // As in the full path: a first partial save without a secret gets one made by the server.
  const madeSecret =
    !input.complete && input.responseSecret === undefined ? newResponseSecret() : undefined;
  const secret = input.responseSecret ?? madeSecret;
  // Timestamps travel as ISO text: a timestamp column ignores the zone, so they stay UTC.
  const params: unknown[] = [
    input.slug,
    version.versionId,
    input.responseId,
    input.complete ? "COMPLETE" : "PARTIAL",
    input.locale,
    input.source,
    now.toISOString(),
    input.complete ? now.toISOString() : null,
    secret === undefined ? null : hashResponseSecret(secret),
    JSON.stringify(rows),
  ];
  if (limit) {
    const { slot, slots, expiresAt } = limit.window;
    params.push(
      limit.key,
      String(slot - slots + 1),
      String(slot),
      expiresAt.toISOString(),
      String(limit.limit),
    );
  }
  const [result] = await directSql(db)<WriteRow>(limit ? writeWithLimit : writeOnly, params);
  if (limit && !result?.counted) {
    const counts = JSON.parse(result?.counts ?? "[]") as { slot: number | string; count: number }[];
    return {
      written: false,
      limited: true,
      counts: counts.map((c) => ({ slot: Number(c.slot), count: Number(c.count) })),
    };
  }
  if (limit) await noteLimitWrite(db);
  const created = Number(result?.created ?? 0) > 0;
  const updated = Number(result?.updated ?? 0) > 0;
  if (!created && !updated) return { written: false, limitCounted: limit !== undefined };
  return { written: true, created, ...(created && madeSecret ? { madeSecret } : {}) };
}
