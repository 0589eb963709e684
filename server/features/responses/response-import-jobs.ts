// CSV imports as jobs: the import page's commit stores the file and its settings in a
// ResponseImport row and enqueues a job; a worker runs the all-or-nothing import
// (response-import.ts) with progress and cancel, and stores the report for the page to show.
// The web request does no more than a role check, a lookup of the version and one insert.
//
// Progress and cancel travel through the ResponseImport row. On PostgreSQL the worker reads and
// writes that row on its own connection while the import's transaction is open, so a cancel stops
// the writing half-way (and rolls it back). PGlite has one connection, which the transaction holds
// until it ends: there the row is only read and written while the rows are being checked, and a
// cancel that arrives during the (short) writing phase waits until it has committed.
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import { DomainError, fail } from "~/server/domain/errors";
import {
  ZResponseImportInput,
  type ImportStatus,
  type ResponseImportJobView,
  type ResponseImportReport,
  type TResponseImportInput,
} from "~/server/domain/survey/response-import";
import { access } from "~/server/domain/workspace";
import type { JobContext, JobQueue } from "~/server/infra/jobs";
import { requireRole, type MembershipView } from "../workspaces/access";
import { importIntoWorkspace } from "./response-import";
import { ImportCancelledError, type ImportHooks } from "./response-import-check";
import { findImportTarget } from "./response-import-target";

interface ResponseImportJob {
  importId: string;
}

/** The settings stored next to the file: everything of the input but the file itself. */
type StoredSettings = Omit<TResponseImportInput, "csv" | "surveyId">;

const unfinished: ImportStatus[] = ["QUEUED", "RUNNING"];

/**
 * Stores the file and its settings and hands them to the workers. Mistakes that need no reading
 * of the file (role, survey, version, size, mapping shape) are refused here, at once; what the
 * rows hold is the job's to find.
 */
export async function startResponseImport(
  db: Db,
  queue: JobQueue,
  actor: MembershipView,
  rawInput: TResponseImportInput,
): Promise<{ importId: string }> {
  requireRole(actor, access.research);
  const input = ZResponseImportInput.parse(rawInput);
  const target = await findImportTarget(db, actor.workspaceId, input.surveyId, input.versionNumber);
  const settings: StoredSettings = {
    versionNumber: target.versionNumber,
    mapping: input.mapping,
    mode: input.mode,
    options: input.options,
  };
  const created = await db.responseImport.create({
    data: {
      workspaceId: actor.workspaceId,
      surveyId: target.surveyId,
      createdById: actor.userId,
      csv: input.csv,
      settings: settings as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  await enqueueResponseImport(queue, created.id);
  return { importId: created.id };
}

export async function enqueueResponseImport(queue: JobQueue, importId: string): Promise<void> {
  await queue.enqueue<ResponseImportJob>("response-import", { importId }, { key: importId });
}

async function requireImport(db: Db, actor: MembershipView, importId: string) {
  const found = await db.responseImport.findFirst({
    where: { id: importId, workspaceId: actor.workspaceId },
    select: {
      id: true,
      status: true,
      phase: true,
      rowsDone: true,
      rowsTotal: true,
      cancelRequested: true,
      report: true,
      error: true,
      createdAt: true,
    },
  });
  return found ?? fail("NOT_FOUND", "That import does not exist in this workspace.");
}

/** Where an import stands, for its page to poll. */
export async function getResponseImport(
  db: Db,
  actor: MembershipView,
  importId: string,
): Promise<ResponseImportJobView> {
  requireRole(actor, access.research);
  const row = await requireImport(db, actor, importId);
  // Imports of every workspace share the workers, so the line is the whole queue's.
  const ahead =
    row.status === "QUEUED"
      ? await db.responseImport.count({
          where: { status: { in: unfinished }, createdAt: { lt: row.createdAt } },
        })
      : null;
  return {
    importId: row.id,
    status: row.status,
    phase: row.phase === "checking" || row.phase === "writing" ? row.phase : null,
    rowsDone: row.rowsDone,
    rowsTotal: row.rowsTotal,
    ahead,
    cancelRequested: row.cancelRequested,
    report: (row.report as ResponseImportReport | null) ?? null,
    error: row.error,
  };
}

/**
 * Asks an import to stop. One still waiting is cancelled at once; a running one stops at its next
 * step and rolls back. One that has finished is left as it is (its view says so).
 */
export async function cancelResponseImport(
  db: Db,
  actor: MembershipView,
  importId: string,
): Promise<ResponseImportJobView> {
  requireRole(actor, access.research);
  await requireImport(db, actor, importId);
  await db.responseImport.updateMany({
    where: { id: importId, status: "QUEUED" },
    data: { status: "CANCELLED", cancelRequested: true, finishedAt: new Date(), csv: "" },
  });
  await db.responseImport.updateMany({
    where: { id: importId, status: "RUNNING" },
    data: { cancelRequested: true },
  });
  return getResponseImport(db, actor, importId);
}

/** Progress is written at most this often (the rows are checked in steps of a few thousand). */
const progressIntervalMs = 500;

export interface ImportJobOptions {
  /**
   * Whether the database takes other statements while the import's transaction is open (a
   * PostgreSQL pool: yes; PGlite's one connection: no).
   */
  concurrentConnections: boolean;
  signal?: AbortSignal;
  /** Tests: smaller parts, a cancel check of their own, and a look at the progress. */
  hooks?: Pick<ImportHooks, "rowsPerStatement" | "cancelled" | "progress">;
  now?: Date;
}

/**
 * The worker's side: runs one stored import to its end and stores the outcome. A repeated job
 * for a finished import does nothing; the file is dropped once the outcome is stored (the report
 * keeps what the page needs). Throws only when this worker must let go (stopping, lease lost),
 * so that the queue offers the job again.
 */
export async function runResponseImportJob(
  db: Db,
  importId: string,
  options: ImportJobOptions,
): Promise<void> {
  const stored = await db.responseImport.findUnique({ where: { id: importId } });
  if (!stored || !unfinished.includes(stored.status)) return;
  const finish = (status: ImportStatus, data: Prisma.ResponseImportUpdateManyMutationInput) =>
    db.responseImport.updateMany({
      where: { id: importId, status: { in: unfinished } },
      data: { ...data, status, phase: null, finishedAt: new Date(), csv: "" },
    });
  if (stored.cancelRequested) {
    await finish("CANCELLED", {});
    return;
  }
  await db.responseImport.update({
    where: { id: importId },
    data: { status: "RUNNING", startedAt: new Date(), phase: "checking", rowsDone: 0 },
  });

  let inTransaction = false;
  let lastWrite = 0;
  let lastPhase: string | null = null;
  const canUseDb = () => !inTransaction || options.concurrentConnections;
  const hooks: ImportHooks = {
    rowsPerStatement: options.hooks?.rowsPerStatement,
    async progress(phase, done, total) {
      // "writing, 0 done" comes just before the transaction opens; anything after it, inside.
      if (phase === "writing" && done > 0) inTransaction = true;
      await options.hooks?.progress?.(phase, done, total);
      const now = Date.now();
      if (!canUseDb()) return;
      // A new phase and the end of one are always written; steps in between now and then.
      if (phase === lastPhase && done < total && now - lastWrite < progressIntervalMs) return;
      lastWrite = now;
      lastPhase = phase;
      await db.responseImport.update({
        where: { id: importId },
        data: { phase, rowsDone: done, rowsTotal: total },
      });
    },
    async cancelled() {
      if (options.signal?.aborted) return true;
      if (options.hooks?.cancelled && (await options.hooks.cancelled())) return true;
      if (!canUseDb()) return false;
      const row = await db.responseImport.findUnique({
        where: { id: importId },
        select: { cancelRequested: true },
      });
      return row?.cancelRequested ?? true;
    },
  };
  const settings = stored.settings as StoredSettings;
  try {
    const report = await importIntoWorkspace(
      db,
      stored.workspaceId,
      { ...settings, surveyId: stored.surveyId, csv: stored.csv },
      options.now ?? new Date(),
      hooks,
    );
    await finish("SUCCEEDED", {
      report: report as unknown as Prisma.InputJsonValue,
      rowsDone: report.imported,
      rowsTotal: report.counts.rows,
    });
  } catch (error) {
    if (error instanceof ImportCancelledError && options.signal?.aborted) {
      // Not the researcher's cancel: this worker is stopping. Put it back for the next one.
      await db.responseImport.updateMany({
        where: { id: importId, status: "RUNNING" },
        data: { status: "QUEUED", phase: null, rowsDone: 0 },
      });
      throw error;
    }
    if (error instanceof ImportCancelledError) {
      await finish("CANCELLED", { rowsDone: 0 });
      return;
    }
    if (error instanceof DomainError) {
      await finish("FAILED", { error: error.message, rowsDone: 0 });
      return;
    }
    console.error(`import ${importId} failed`, error);
    await finish("FAILED", {
      error: "The import stopped on an unexpected error.",
      rowsDone: 0,
    });
  }
}

/** Makes this process pull CSV imports, one at a time (each holds a transaction while writing). */
export async function workOnResponseImports(queue: JobQueue, db: Db): Promise<void> {
  await queue.work<ResponseImportJob>("response-import", (job: JobContext<ResponseImportJob>) =>
    runResponseImportJob(db, job.data.importId, {
      concurrentConnections: queue.kind === "pg-boss",
      signal: job.signal,
    }),
  );
}

/**
 * At a worker's start: imports still waiting (or, on the embedded database, left running by this
 * same server before it stopped) are offered to the queue again; the same key keeps an import
 * that already has its job from getting a second one.
 */
export async function recoverUnfinishedImports(queue: JobQueue, db: Db): Promise<number> {
  const inProcess = queue.kind === "in-process";
  const rows = await db.responseImport.findMany({
    where: { status: { in: inProcess ? unfinished : ["QUEUED"] }, cancelRequested: false },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  for (const row of rows) await enqueueResponseImport(queue, row.id);
  return rows.length;
}
