// The one statement behind the fast save (response-fast-write.ts): any number of saves, each a
// row of the JSON array in $1, checked and written together in one transaction (group commit,
// server/db/group-commit.ts). Every row keeps its own outcome: whether it was created, updated,
// counted by its rate limit, or (refused by that limit) the window's counts.
//
// Per row, the database re-checks every assumption the process made (survey open, version still
// the latest, response new or partial on that version, secret matches) and writes nothing for a
// row that fails one; the caller then takes the full path in responses.ts, which says why.
// The batch never holds two rows of one response or of one limit key (the group commit keeps
// them apart): an upsert may touch a row only once per statement.

/** One answer of a save, as the statement stores it. */
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

/** One save as the statement reads it (the keys are the recordset's column names). */
export interface BatchRow {
  /** The row's place in the batch: its result comes back with it. */
  i: number;
  slug: string;
  versionId: string;
  responseId: string;
  status: "COMPLETE" | "PARTIAL";
  locale: string;
  source: "WEB" | "API" | "IMPORT";
  /** ISO text: a timestamp column ignores the zone, so times stay UTC. */
  at: string;
  completedAt: string | null;
  secretHash: string | null;
  answers: AnswerColumns[];
  /** A rate limit's hit counted by the same statement (see limit-counters.ts), or nulls. */
  limitKey: string | null;
  firstSlot: number | null;
  slot: number | null;
  expiresAt: string | null;
  limit: number | null;
}

export interface BatchResult {
  i: number;
  created: boolean;
  updated: boolean;
  counted: boolean;
  /** Only for a row its limit refused: the window's slot counts, as JSON text. */
  counts: string | null;
}

export const batchWriteSql = `WITH
  batch AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb)
      AS b("i" int, "slug" text, "versionId" text, "responseId" text, "status" text, "locale" text,
        "source" text, "at" timestamp, "completedAt" timestamp, "secretHash" text, "answers" jsonb,
        "limitKey" text, "firstSlot" bigint, "slot" bigint, "expiresAt" timestamp, "limit" bigint)
  ), earlier AS (
    -- The window's earlier slots no longer change, so reading them without a lock is exact.
    SELECT b."limitKey", b."limit", (
      SELECT coalesce(sum(c."count"), 0) FROM "LimitCounter" c
      WHERE c."key" = b."limitKey" AND c."slot" >= b."firstSlot" AND c."slot" < b."slot"
    )::bigint AS n
    FROM batch b WHERE b."limitKey" IS NOT NULL
  ), bumped AS (
    -- The same check-and-bump as limit-counters.ts; the update's check runs on the locked row.
    INSERT INTO "LimitCounter" ("key", "slot", "count", "expiresAt")
    SELECT b."limitKey", b."slot", 1, b."expiresAt"
    FROM batch b JOIN earlier e ON e."limitKey" = b."limitKey"
    WHERE e.n < e."limit"
    ON CONFLICT ("key", "slot") DO UPDATE SET "count" = "LimitCounter"."count" + 1
    WHERE "LimitCounter"."count" + (SELECT e.n FROM earlier e WHERE e."limitKey" = EXCLUDED."key")
      < (SELECT e."limit" FROM earlier e WHERE e."limitKey" = EXCLUDED."key")
    RETURNING "key"
  ), allowed AS (
    SELECT b.* FROM batch b JOIN "Survey" s ON s."slug" = b."slug"
    WHERE s."status" = 'OPEN'
      AND (SELECT v."id" FROM "SurveyVersion" v
           WHERE v."surveyId" = s."id" AND v."publishedAt" IS NOT NULL
           ORDER BY v."number" DESC LIMIT 1) = b."versionId"
      AND (b."limitKey" IS NULL OR b."limitKey" IN (SELECT "key" FROM bumped))
  ), created AS (
    INSERT INTO "Response"
      ("id", "versionId", "status", "locale", "source", "startedAt", "updatedAt", "completedAt", "secretHash")
    SELECT a."responseId", a."versionId", a."status"::"ResponseStatus", a."locale",
      a."source"::"ResponseSource", a."at", a."at", a."completedAt", a."secretHash"
    FROM allowed a
    ON CONFLICT ("id") DO NOTHING
    RETURNING "id"
  ), updated AS (
    -- The status check runs again on the locked row: a save racing the final submit loses.
    UPDATE "Response" r
    SET "status" = a."status"::"ResponseStatus", "locale" = a."locale", "updatedAt" = a."at",
      "completedAt" = a."completedAt"
    FROM allowed a
    WHERE r."id" = a."responseId" AND r."status" = 'PARTIAL' AND r."versionId" = a."versionId"
      AND (r."secretHash" IS NULL OR r."secretHash" = a."secretHash")
    RETURNING r."id"
  ), written AS (
    SELECT "id" FROM created UNION ALL SELECT "id" FROM updated
  ), incoming AS (
    SELECT w."id" AS "responseId", x.*
    FROM written w JOIN allowed a ON a."responseId" = w."id"
    CROSS JOIN LATERAL jsonb_to_recordset(a."answers")
      AS x("questionId" text, "numberValue" float8, "textValue" text, "choices" text[],
        "otherText" text, "rowValues" jsonb)
  ), removed AS (
    -- A later partial save replaces the earlier one: answers it no longer holds go.
    DELETE FROM "Answer" an USING written w
    WHERE an."responseId" = w."id"
      AND NOT EXISTS (SELECT 1 FROM incoming i
        WHERE i."responseId" = an."responseId" AND i."questionId" = an."questionId")
  ), stored AS (
    INSERT INTO "Answer"
      ("id", "responseId", "questionId", "numberValue", "textValue", "choices", "otherText", "rowValues")
    SELECT gen_random_uuid()::text, i."responseId", i."questionId", i."numberValue", i."textValue",
      coalesce(i."choices", '{}'), i."otherText", i."rowValues"
    FROM incoming i
    ON CONFLICT ("responseId", "questionId") DO UPDATE SET
      "numberValue" = EXCLUDED."numberValue", "textValue" = EXCLUDED."textValue",
      "choices" = EXCLUDED."choices", "otherText" = EXCLUDED."otherText",
      "rowValues" = EXCLUDED."rowValues"
  )
  SELECT b."i",
    b."responseId" IN (SELECT "id" FROM created) AS created,
    b."responseId" IN (SELECT "id" FROM updated) AS updated,
    (b."limitKey" IS NULL OR b."limitKey" IN (SELECT "key" FROM bumped)) AS counted,
    -- Only a refusal needs the window's counts (to say how long to wait).
    CASE WHEN b."limitKey" IS NOT NULL AND b."limitKey" NOT IN (SELECT "key" FROM bumped) THEN (
      SELECT coalesce(json_agg(json_build_object('slot', c."slot", 'count', c."count")
        ORDER BY c."slot"), '[]')::text
      FROM "LimitCounter" c
      WHERE c."key" = b."limitKey" AND c."slot" >= b."firstSlot" AND c."slot" <= b."slot"
    ) END AS counts
  FROM batch b
  ORDER BY b."i"`;
