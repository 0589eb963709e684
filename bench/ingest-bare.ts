// The ingestion bench's baseline (bench/ingest.ts, run inside bench/ingest-server.ts): `clients`
// concurrent loops inserting the rows of fresh complete answers (a response and its answers, one
// statement each) straight through the driver, with no HTTP, no validation and no Prisma.
import type { Db } from "~/server/db/client";
import { answerColumns } from "~/server/features/responses/response-answer-rows";
import { rowToQuestion } from "~/server/features/surveys/survey-rows";
import { completeAnswers } from "./ingest-fixture";
import { loadResult, type LoadResult } from "./ingest-stats";

export type Exec = (sql: string, params: unknown[]) => Promise<unknown>;

/** One complete response and its answers: $1 id, $2 version id, $3 the answer rows as JSON. */
export const bareInsert = `
  WITH r AS (
    INSERT INTO "Response" ("id", "versionId", "status", "locale", "source", "startedAt", "updatedAt", "completedAt")
    VALUES ($1, $2, 'COMPLETE', 'en', 'API', now(), now(), now()) RETURNING "id"
  )
  INSERT INTO "Answer" ("id", "responseId", "questionId", "numberValue", "textValue", "choices")
  SELECT gen_random_uuid()::text, r."id", a."questionId", a."numberValue", a."textValue",
    coalesce(a."choices", '{}')
  FROM r, jsonb_to_recordset($3::jsonb)
    AS a("questionId" text, "numberValue" float8, "textValue" text, "choices" text[])`;

export async function bareLoop(
  db: Db,
  exec: Exec,
  surveyId: string,
  seconds: number,
  clients: number,
): Promise<LoadResult> {
  const version = await db.surveyVersion.findFirstOrThrow({
    where: { surveyId, publishedAt: { not: null } },
    include: { questions: true },
  });
  const questions = version.questions.map(rowToQuestion);
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const answers = completeAnswers();
        const rows = questions
          .filter((q) => answers[q.key] !== undefined)
          .map((q) => ({ questionId: q.id, ...answerColumns(q, answers[q.key]!) }));
        const t0 = performance.now();
        try {
          await exec(bareInsert, [crypto.randomUUID(), version.id, JSON.stringify(rows)]);
        } catch (error) {
          errors += 1;
          if (errors === 1) console.error(error);
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const ok = latencies.length - errors;
  return loadResult(
    ok,
    performance.now() - started,
    latencies,
    errors > 0 ? { error: errors } : {},
  );
}
