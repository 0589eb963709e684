// Storing a finished run: its result on the run row and one Persona row per persona with its
// member response ids, all in one transaction, and only if the run was not cancelled meanwhile.
//
// The statements go straight to the driver (direct-sql.ts) rather than through Prisma: for a run
// of 100,000 respondents Prisma spent 0.85-1.6 s building the arguments for the result JSON and
// the member ids in one synchronous block, and every other request of the web process waited
// for it (bench/analysis-app.ts). Here the result is one text parameter cast to jsonb, and the
// member ids go in slices appended to their persona's array, with a turn of the event loop
// between slices, so no single step holds the process for long. The rows are the ones Prisma
// wrote (test/services/analysis-result-store.test.ts compares them), except that a persona's id
// is a random UUID, as the direct writes of answers have.
import type { Db } from "~/server/db/client";
import { directTransaction, type DirectSql } from "~/server/db/direct-sql";
import type { AnalysisResult } from "~/server/analysis/result";

/** Member ids per statement: small enough that serialising one slice is a short block. */
export const memberSliceSize = 10_000;

/**
 * Storing a large run took 15 s on a busy 2-core machine, over Prisma's default 5 s for an
 * interactive transaction (used when the database has no direct transaction runner).
 */
const prismaTransactionLimits = { timeout: 5 * 60_000, maxWait: 60_000 };

const storeResultSql = `
  UPDATE "AnalysisRun"
  SET "status" = 'SUCCEEDED', "phase" = 'done', "progress" = 100, "result" = $2::text::jsonb,
    "finishedAt" = $3::timestamp(3), "error" = NULL
  WHERE "id" = $1 AND "status" = 'RUNNING' AND "cancelRequested" = false
  RETURNING "id"`;

const insertPersonasSql = `
  INSERT INTO "Persona" ("id", "runId", "index", "name", "size", "share", "stabilityJaccard",
    "stabilityLabel", "card", "memberResponseIds")
  SELECT gen_random_uuid()::text, $1, p."index", p."name", p."size", p."share",
    p."stabilityJaccard", p."stabilityLabel", p."card", '{}'
  FROM jsonb_to_recordset($2::text::jsonb) AS p("index" int, "name" text, "size" int,
    "share" float8, "stabilityJaccard" float8, "stabilityLabel" text, "card" jsonb)`;

const appendMembersSql = `
  UPDATE "Persona" SET "memberResponseIds" = "memberResponseIds" || $3::text[]
  WHERE "runId" = $1 AND "index" = $2`;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Stores the result unless the run was cancelled meanwhile; says whether it stored it. */
export async function persistResult(
  db: Db,
  runId: string,
  result: AnalysisResult,
  finishedAt: Date,
): Promise<boolean> {
  const resultJson = JSON.stringify(result);
  await nextTurn();
  return directTransaction(
    db,
    prismaTransactionLimits,
  )(async (sql) => {
    // Timestamps are stored as UTC wall time, as Prisma stores them (the "Z" is ignored).
    const stored = await sql(storeResultSql, [runId, resultJson, finishedAt.toISOString()]);
    if (stored.length !== 1) return false; // cancelled meanwhile: keep nothing
    await insertPersonas(sql, runId, result);
    for (const persona of result.personas) {
      for (let at = 0; at < persona.memberIds.length; at += memberSliceSize) {
        await nextTurn();
        const slice = persona.memberIds.slice(at, at + memberSliceSize);
        await sql(appendMembersSql, [runId, persona.index, slice]);
      }
    }
    return true;
  });
}

async function insertPersonas(sql: DirectSql, runId: string, result: AnalysisResult) {
  if (result.personas.length === 0) return;
  const rows = result.personas.map((p) => ({
    index: p.index,
    name: p.name,
    size: p.size,
    share: p.share.estimate,
    stabilityJaccard: p.stability.meanJaccard,
    stabilityLabel: p.stability.label,
    card: p.card,
  }));
  await sql(insertPersonasSql, [runId, JSON.stringify(rows)]);
}
