// The common case of saving a response in one round trip: a new response, or the next save of a
// partial one, to a survey's latest published version while the survey is open. The answers are
// checked in the process against the version's questions (the same checkAnswers as always), then
// ONE parameterised statement re-checks every assumption inside the database (survey open,
// version still the latest, response new or partial on that version, secret matches) and writes
// the response and its answers. When any assumption does not hold it writes nothing and the
// caller takes the full path in responses.ts, which gives the precise answer (409, 410, 403, the
// acknowledgement of a retried final submit, ...). So this file adds speed, never a new outcome.
//
// The statement (response-batch-sql.ts) goes straight to the driver (server/db/direct-sql.ts),
// and saves arriving together share it (group commit, server/db/group-commit.ts): one round trip,
// one transaction and one WAL flush for all of them, each row keeping its own outcome. A rate
// limit's count rides along (FoldedLimit): the hit is counted by the same upsert as in
// limit-counters.ts, and a refused hit writes nothing and brings back the window's counts, so the
// caller can say how long to wait.
//
// The slug -> latest version -> questions lookup is cached per process: a published version's
// questions never change, and a stale guess (a newer version published since) only sends that
// one request down the full path, which refreshes the entry.
import type { Db } from "~/server/db/client";
import { directSql, directSqlParallel } from "~/server/db/direct-sql";
import { groupCommit, type GroupCommit } from "~/server/db/group-commit";
import type { SlotCount, WindowSpec } from "~/server/domain/limit-window";
import type { AnswerMap } from "~/server/domain/survey/answers";
import type { TLocale } from "~/server/domain/survey/definition";
import { noteLimitWrite } from "~/server/infra/limits/limit-counters";
import {
  batchWriteSql,
  type AnswerColumns,
  type BatchResult,
  type BatchRow,
} from "./response-batch-sql";
import { hashResponseSecret, newResponseSecret } from "./response-secret";
import { rowToQuestion, type StoredQuestion } from "../surveys/survey-rows";

export interface PublishedVersion {
  versionId: string;
  versionNumber: number;
  questions: StoredQuestion[];
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

function cachedLatestVersion(slug: string): PublishedVersion | undefined {
  return latestBySlug.get(slug);
}

function rememberLatestVersion(slug: string, version: PublishedVersion): void {
  if (latestBySlug.size >= MAX_CACHED_SURVEYS) latestBySlug.clear();
  latestBySlug.set(slug, version);
}

export function forgetLatestVersion(slug: string): void {
  latestBySlug.delete(slug);
}

/** A version's questions, in order. */
export async function questionsOf(db: Db, versionId: string) {
  const rows = await db.question.findMany({ where: { versionId }, orderBy: { position: "asc" } });
  return rows.map(rowToQuestion);
}

/** The survey's latest published version and its questions, from the cache or the database. */
export async function latestPublishedVersion(
  db: Db,
  slug: string,
): Promise<PublishedVersion | undefined> {
  const cached = cachedLatestVersion(slug);
  if (cached) return cached;
  const version = await db.surveyVersion.findFirst({
    where: { survey: { slug }, publishedAt: { not: null } },
    orderBy: { number: "desc" },
    select: { id: true, number: true },
  });
  if (!version) return undefined;
  const found = {
    versionId: version.id,
    versionNumber: version.number,
    questions: await questionsOf(db, version.id),
  };
  rememberLatestVersion(slug, found);
  return found;
}

// Up to this many saves share one statement: enough to amortise a round trip and a flush, small
// enough that one statement stays a few milliseconds.
const MAX_BATCH = 64;

type Batcher = GroupCommit<Omit<BatchRow, "i">, BatchResult>;
const batchers = new WeakMap<Db, Batcher>();

function batcherOf(db: Db): Batcher {
  let batcher = batchers.get(db);
  if (!batcher) {
    const sql = directSql(db);
    batcher = groupCommit({
      maxBatch: MAX_BATCH,
      maxInFlight: directSqlParallel(db),
      keys: (row) => [
        `response ${row.responseId}`,
        ...(row.limitKey ? [`limit ${row.limitKey}`] : []),
      ],
      run: async (rows) => {
        const numbered: BatchRow[] = rows.map((row, i) => ({ ...row, i }));
        const results = await sql<BatchResult>(batchWriteSql, [JSON.stringify(numbered)]);
        return rows.map((_, i) => {
          const result = results.find((r) => Number(r.i) === i);
          if (!result) throw new Error(`The batched save lost row ${i}.`);
          return result;
        });
      },
    });
    batchers.set(db, batcher);
  }
  return batcher;
}

/**
 * Writes the response and its answers in one statement (shared with the saves arriving at the
 * same time), or nothing when the database's state is not the common case (see the header).
 * Answers not in `rows` are removed (a later partial save replaces the earlier one); the others
 * are inserted or updated in place. With `limit`, the rate limit's hit is counted in the same
 * statement, and a refused hit writes nothing.
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
  const result = await batcherOf(db).write({
    slug: input.slug,
    versionId: version.versionId,
    responseId: input.responseId,
    status: input.complete ? "COMPLETE" : "PARTIAL",
    locale: input.locale,
    source: input.source,
    at: now.toISOString(),
    completedAt: input.complete ? now.toISOString() : null,
    secretHash: secret === undefined ? null : hashResponseSecret(secret),
    answers: rows,
    limitKey: limit?.key ?? null,
    firstSlot: limit ? limit.window.slot - limit.window.slots + 1 : null,
    slot: limit ? limit.window.slot : null,
    expiresAt: limit ? limit.window.expiresAt.toISOString() : null,
    limit: limit ? limit.limit : null,
  });
  if (limit && !result.counted) {
    const counts = JSON.parse(result.counts ?? "[]") as { slot: number | string; count: number }[];
    return {
      written: false,
      limited: true,
      counts: counts.map((c) => ({ slot: Number(c.slot), count: Number(c.count) })),
    };
  }
  if (limit) await noteLimitWrite(db);
  if (!result.created && !result.updated) {
    return { written: false, limitCounted: limit !== undefined };
  }
  return {
    written: true,
    created: result.created,
    ...(result.created && madeSecret ? { madeSecret } : {}),
  };
}
