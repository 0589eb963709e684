// Where a save's time goes inside the database: EXPLAIN (ANALYZE, BUFFERS) of the batched save
// statement (server/features/responses/response-batch-sql.ts) for a first complete submit, a first autosave,
// the next autosave of that response, a repeated submit (already complete: writes nothing), and
// a batch of 32 first submits; then the mean wall time per save of 200 saves sent one at a time
// against the same 200 in batches of 32 and the bare insert of bench/ingest-server.ts.
// Prints JSON on stdout.
//
//   npx tsx bench/ingest-explain.ts                    # in-memory PGlite
//   BENCH_POSTGRES_URL=postgresql://… npx tsx bench/ingest-explain.ts   # an empty database
import { randomUUID } from "node:crypto";
import { openDatabase } from "~/server/db/client";
import { directSql } from "~/server/db/direct-sql";
import { applyMigrations } from "~/server/db/migrate";
import { answerColumns } from "~/server/features/responses/response-answer-rows";
import { batchWriteSql, type BatchRow } from "~/server/features/responses/response-batch-sql";
import { hashResponseSecret } from "~/server/features/responses/response-secret";
import { rowToQuestion } from "~/server/features/surveys/survey-rows";
import { bareInsert } from "./ingest-bare";
import { completeAnswers, publishBenchSurvey } from "./ingest-fixture";

async function main(): Promise<void> {
  const url = process.env.BENCH_POSTGRES_URL;
  const database = await openDatabase(
    url ? { kind: "postgres", url } : { kind: "pglite", dataDir: null },
  );
  await applyMigrations(database.adapterFactory);
  const db = database.prisma;
  const sql = directSql(db);
  const { survey } = await publishBenchSurvey(db, "Explain bench");
  const version = await db.surveyVersion.findFirstOrThrow({
    where: { surveyId: survey.id, publishedAt: { not: null } },
    include: { questions: true },
  });
  const questions = version.questions.map(rowToQuestion);
  const answerRows = (count = questions.length) => {
    const answers = completeAnswers();
    return questions
      .filter((q) => answers[q.key] !== undefined)
      .slice(0, count)
      .map((q) => ({
        questionId: q.id,
        otherText: null,
        rowValues: null,
        ...answerColumns(q, answers[q.key]!),
      }));
  };
  const row = (responseId: string, complete: boolean, i = 0): BatchRow => ({
    i,
    slug: survey.slug,
    versionId: version.id,
    responseId,
    status: complete ? "COMPLETE" : "PARTIAL",
    locale: "en",
    source: "WEB",
    at: new Date().toISOString(),
    completedAt: complete ? new Date().toISOString() : null,
    secretHash: hashResponseSecret(`secret-${responseId}`),
    answers: answerRows(complete ? undefined : 5),
    limitKey: `submit:10.0.0.${i} ${survey.slug}`,
    firstSlot: 0,
    slot: 1000 + i,
    expiresAt: new Date(Date.now() + 60_000).toISOString(),
    limit: 1_000_000,
  });
  const explain = async (rows: BatchRow[]) => {
    const plan = await sql<{ "QUERY PLAN": unknown }>(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${batchWriteSql}`,
      [JSON.stringify(rows)],
    );
    const [top] = plan[0]!["QUERY PLAN"] as {
      "Planning Time": number;
      "Execution Time": number;
      Plan: { "Shared Hit Blocks"?: number; "Shared Read Blocks"?: number };
    }[];
    return {
      planningMs: top!["Planning Time"],
      executionMs: top!["Execution Time"],
      sharedHitBlocks: top!.Plan["Shared Hit Blocks"],
      sharedReadBlocks: top!.Plan["Shared Read Blocks"],
    };
  };
  const partialId = randomUUID();
  const completeId = randomUUID();
  const firstSubmit = await explain([row(completeId, true)]);
  const firstAutosave = await explain([row(partialId, false)]);
  const nextAutosave = await explain([row(partialId, false)]);
  const repeatSubmit = await explain([row(completeId, true)]);
  const batchOf32 = await explain(Array.from({ length: 32 }, (_, i) => row(randomUUID(), true, i)));

  const timed = async (label: string, saves: number, run: () => Promise<unknown>) => {
    const t0 = performance.now();
    await run();
    return { [label]: Math.round(((performance.now() - t0) / saves) * 100) / 100 };
  };
  const saves = 200;
  const meanMsPerSave = {
    ...(await timed("oneAtATime", saves, async () => {
      for (let n = 0; n < saves; n += 1)
        await sql(batchWriteSql, [JSON.stringify([row(randomUUID(), true)])]);
    })),
    ...(await timed("batchesOf32", saves, async () => {
      for (let n = 0; n < saves; n += 32) {
        const rows = Array.from({ length: Math.min(32, saves - n) }, (_, i) =>
          row(randomUUID(), true, i),
        );
        await sql(batchWriteSql, [JSON.stringify(rows)]);
      }
    })),
    ...(await timed("bareInsert", saves, async () => {
      for (let n = 0; n < saves; n += 1) {
        await sql(bareInsert, [randomUUID(), version.id, JSON.stringify(answerRows())]);
      }
    })),
  };
  console.log(
    JSON.stringify(
      {
        engine: url ? "postgres" : "pglite (in memory)",
        explain: { firstSubmit, firstAutosave, nextAutosave, repeatSubmit, batchOf32 },
        meanMsPerSave,
      },
      null,
      2,
    ),
  );
  await database.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
