// Use cases for importing responses from CSV into a published version of a survey: preview
// (proposed column mapping with suggested recodes, the first rows as they will be stored, every
// row's errors and warnings, each choice column's values, and how skipping rows shifts each
// option's share), and
// import, in one transaction: all-or-nothing (the default: any invalid row and nothing is
// written), or skipping invalid rows with a report naming each one and why. Imported responses
// have source IMPORT and stable ids, so the same file twice stores its responses once.
import type { Db } from "~/server/db/client";
import { fail } from "~/server/domain/errors";
import { otherTextKey } from "~/server/domain/survey/answers";
import {
  maxListedErrors,
  previewRowCount,
  ZImportOptions,
  ZResponseImportInput,
  ZResponseImportPreviewInput,
  type ResponseImportPreview,
  type ResponseImportReport,
  type TResponseImportInput,
  type TResponseImportPreviewInput,
} from "~/server/domain/survey/response-import";
import { access } from "~/server/domain/workspace";
import { requireRole, type MembershipView } from "../workspaces/access";
import {
  insertImportBatch,
  type ImportedAnswerRow,
  type ImportedResponseRow,
} from "./response-import-write";
import { analyse, readCsv, stopIfCancelled, type ImportHooks } from "./response-import-check";
import { mappedColumns, proposeMapping } from "./response-import-mapping";
import { readRules } from "./response-import-row-reader";
import { describeValue } from "./response-import-rows";
import { biasReport, recodingColumns, withSuggestedRecodes } from "./response-import-summary";
import { findImportTarget, type Target } from "./response-import-target";
import { answerColumns } from "./responses";

function loadTarget(
  db: Db,
  actor: MembershipView,
  surveyId: string,
  versionNumber: number | undefined,
): Promise<Target> {
  requireRole(actor, access.research);
  return findImportTarget(db, actor.workspaceId, surveyId, versionNumber);
}

export async function previewResponseImport(
  db: Db,
  actor: MembershipView,
  rawInput: TResponseImportPreviewInput,
  now = new Date(),
): Promise<ResponseImportPreview> {
  const input = ZResponseImportPreviewInput.parse(rawInput);
  const options = input.options ?? ZImportOptions.parse({});
  const target = await loadTarget(db, actor, input.surveyId, input.versionNumber);
  const parsed = readCsv(input.csv);
  const { isMissing } = readRules(options, now);
  let mapping = input.mapping;
  if (!mapping) {
    // The first look at a file: propose columns, then recodes for variant spellings.
    const proposed = proposeMapping(parsed.headers, target.questions);
    mapping = withSuggestedRecodes(
      proposed,
      recodingColumns(parsed, proposed, target.questions, isMissing),
    );
  }
  const { rows, counts, totals } = await analyse(db, target, parsed, mapping, options, now);
  // An empty name maps nothing, so it never marks a header as used.
  const used = new Set(mappedColumns(mapping).filter((c) => c !== ""));
  return {
    versionNumber: target.versionNumber,
    publishedVersions: target.publishedVersions,
    headers: parsed.headers,
    mapping,
    questions: target.questions.map((q) => ({
      key: q.key,
      type: q.type,
      text: q.text.en,
      required: q.required,
      options: q.options.map((o) => ({ value: o.value, label: o.label.en })),
      otherText: Boolean(q.settings.otherTextFor),
    })),
    unusedColumns: parsed.headers.filter((h) => !used.has(h)),
    rows: rows.slice(0, previewRowCount).map((r) => ({
      row: r.row,
      status: r.status,
      answers: Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, describeValue(v)])),
      errors: r.errors,
      duplicate: r.duplicate,
    })),
    errors: rows.flatMap((r) => r.errors).slice(0, maxListedErrors),
    warnings: rows.flatMap((r) => r.warnings).slice(0, maxListedErrors),
    totals,
    counts,
    options,
    recoding: recodingColumns(parsed, mapping, target.questions, isMissing),
    bias: biasReport(rows, mapping, target.questions),
  };
}

/** A unique key was taken meanwhile: P2002 from Prisma's own queries, 23505 under a raw one. */
function isUniqueViolation(error: unknown): boolean {
  const known = error as {
    code?: string;
    meta?: { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } };
  };
  const cause = known.meta?.driverAdapterError?.cause;
  return (
    known.code === "P2002" ||
    cause?.originalCode === "23505" ||
    cause?.kind === "UniqueConstraintViolation"
  );
}

/** Imports a file at once, in the caller's process (tests, scripts); the web app uses the job. */
export async function importResponses(
  db: Db,
  actor: MembershipView,
  rawInput: TResponseImportInput,
  now = new Date(),
): Promise<ResponseImportReport> {
  requireRole(actor, access.research);
  return importIntoWorkspace(db, actor.workspaceId, rawInput, now);
}

/**
 * The import itself, for a workspace whose member was checked when the import was asked for
 * (directly above, or when the import job was created).
 */
export async function importIntoWorkspace(
  db: Db,
  workspaceId: string,
  rawInput: TResponseImportInput,
  now = new Date(),
  hooks: ImportHooks = {},
): Promise<ResponseImportReport> {
  const input = ZResponseImportInput.parse(rawInput);
  const options = input.options ?? ZImportOptions.parse({});
  const target = await findImportTarget(db, workspaceId, input.surveyId, input.versionNumber);
  const parsed = readCsv(input.csv);
  const { rows, counts, totals } = await analyse(
    db,
    target,
    parsed,
    input.mapping,
    options,
    now,
    hooks,
  );
  const invalid = rows.filter((r) => r.errors.length > 0);
  const report = (imported: number, refused: boolean): ResponseImportReport => ({
    mode: input.mode,
    versionNumber: target.versionNumber,
    refused,
    imported,
    duplicates: rows
      .filter((r) => r.duplicate && r.errors.length === 0)
      .map((r) => ({ row: r.row })),
    skipped: invalid.slice(0, maxListedErrors).map((r) => ({ row: r.row, errors: r.errors })),
    totals,
    counts,
    bias: biasReport(rows, input.mapping, target.questions),
  });
  if (input.mode === "all-or-nothing" && invalid.length > 0) return report(0, true);

  const toWrite = rows.filter((r) => r.errors.length === 0 && !r.duplicate);
  const byKey = new Map(target.questions.map((q) => [q.key, q]));
  const responses: ImportedResponseRow[] = toWrite.map((r) => {
    const startedAt = r.startedAt ?? r.completedAt ?? now;
    return {
      id: r.id,
      status: r.status,
      locale: r.locale,
      startedAt,
      completedAt: r.status === "COMPLETE" ? (r.completedAt ?? startedAt) : null,
    };
  });
  const answers: ImportedAnswerRow[] = toWrite.flatMap((r) =>
    Object.entries(r.values).flatMap(([key, value]) => {
      // "Other" texts ride on their question's answer, not as answers of their own.
      const question = byKey.get(key);
      if (!question) return [];
      const otherText = r.values[otherTextKey(key)];
      return [
        {
          responseId: r.id,
          questionId: question.id,
          ...answerColumns(question, value),
          otherText: typeof otherText === "string" ? otherText : null,
        },
      ];
    }),
  );
  await hooks.progress?.("writing", 0, responses.length);
  await stopIfCancelled(hooks);
  try {
    // One transaction for the batch: a failure (or a cancel) half-way leaves no response of it
    // behind.
    await db.$transaction(
      (tx) =>
        insertImportBatch(tx, target.versionId, responses, answers, now, {
          rowsPerStatement: hooks.rowsPerStatement,
          afterStatement: async (written) => {
            await hooks.progress?.("writing", written, responses.length);
            await stopIfCancelled(hooks);
          },
        }),
      { maxWait: 30_000, timeout: 300_000 },
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      fail(
        "CONFLICT",
        "Some of these responses were stored by another import at the same moment. Nothing from this file was imported; import it again to add what is missing.",
      );
    }
    throw error;
  }
  return report(toWrite.length, false);
}
