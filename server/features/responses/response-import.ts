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
  importSizeMessage,
  maxImportBytes,
  maxImportRows,
  maxListedErrors,
  previewRowCount,
  ZImportOptions,
  ZResponseImportInput,
  ZResponseImportPreviewInput,
  type ImportCounts,
  type ProblemTotals,
  type TImportOptions,
  type ResponseImportPreview,
  type ResponseImportReport,
  type TImportMapping,
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
import {
  describeValue,
  importedResponseId,
  interpretRow,
  parseCsv,
  proposeMapping,
  readRules,
  type InterpretedRow,
  type ParsedCsv,
} from "./response-import-rows";
import { biasReport, recodingColumns, withSuggestedRecodes } from "./response-import-summary";
import { answerColumns } from "./responses";
import { rowToQuestion, type StoredQuestion } from "../surveys/survey-rows";

export interface Target {
  surveyId: string;
  versionId: string;
  versionNumber: number;
  publishedVersions: number[];
  questions: StoredQuestion[];
}

/** The published version an import writes into; the caller has checked the actor's role. */
export async function findImportTarget(
  db: Db,
  workspaceId: string,
  surveyId: string,
  versionNumber: number | undefined,
): Promise<Target> {
  const survey = await db.survey.findFirst({
    where: { id: surveyId, workspaceId },
    include: {
      versions: {
        where: { publishedAt: { not: null } },
        orderBy: { number: "desc" },
        select: { id: true, number: true },
      },
    },
  });
  if (!survey) return fail("NOT_FOUND", "That survey does not exist in this workspace.");
  if (survey.versions.length === 0) {
    fail(
      "INVALID_INPUT",
      "Publish the survey first: imported responses belong to a published version.",
    );
  }
  const version = versionNumber
    ? survey.versions.find((v) => v.number === versionNumber)
    : survey.versions[0];
  if (!version)
    return fail("NOT_FOUND", `Version ${versionNumber} of this survey is not published.`);
  const rows = await db.question.findMany({
    where: { versionId: version.id },
    orderBy: { position: "asc" },
  });
  return {
    surveyId: survey.id,
    versionId: version.id,
    versionNumber: version.number,
    publishedVersions: survey.versions.map((v) => v.number),
    questions: rows.map(rowToQuestion),
  };
}

function loadTarget(
  db: Db,
  actor: MembershipView,
  surveyId: string,
  versionNumber: number | undefined,
): Promise<Target> {
  requireRole(actor, access.research);
  return findImportTarget(db, actor.workspaceId, surveyId, versionNumber);
}

function readCsv(csv: string): ParsedCsv {
  if (Buffer.byteLength(csv, "utf8") > maxImportBytes) fail("INVALID_INPUT", importSizeMessage);
  const parsed = parseCsv(csv);
  if (parsed.headers.every((h) => h === "")) {
    fail("INVALID_INPUT", "The file has no header row: the first line must name the columns.");
  }
  if (parsed.rows.length === 0) fail("INVALID_INPUT", "The file has a header but no rows.");
  if (parsed.rows.length > maxImportRows) {
    fail(
      "INVALID_INPUT",
      `The file has ${parsed.rows.length.toLocaleString("en")} rows; at most ${maxImportRows.toLocaleString("en")} can be imported at once. Split it into smaller files.`,
    );
  }
  return parsed;
}

/** A mapping may only name columns of the file and questions of the version. */
function checkMapping(mapping: TImportMapping, headers: string[], target: Target): void {
  const known = new Set(headers);
  const keys = new Set(target.questions.map((q) => q.key));
  const columns = [
    mapping.responseId,
    mapping.status,
    mapping.startedAt,
    mapping.completedAt,
    mapping.locale,
    ...mapping.questions.flatMap((m) => [
      m.column,
      m.otherColumn ?? null,
      ...Object.values(m.optionColumns ?? {}),
    ]),
  ];
  const stray = columns.find((c) => c !== null && c !== undefined && !known.has(c));
  if (stray) fail("INVALID_INPUT", `The column "${stray}" is not in this file.`);
  const unknown = mapping.questions.find((m) => !keys.has(m.key));
  if (unknown)
    fail("INVALID_INPUT", `"${unknown.key}" is not a question of version ${target.versionNumber}.`);
  for (const m of mapping.questions) {
    const question = target.questions.find((q) => q.key === m.key);
    const options = new Set(question?.options.map((o) => o.value));
    const targets = [...Object.values(m.recode ?? {}), m.otherOption ?? null];
    const stranger = targets.find((t) => t !== null && !options.has(t));
    if (stranger !== undefined) {
      fail("INVALID_INPUT", `"${stranger}" is not an option of the question "${m.key}".`);
    }
  }
}

interface AnalysedRow extends InterpretedRow {
  id: string;
  duplicate: boolean;
}

/**
 * What a long import reports and asks while it works (the import job, response-import-jobs.ts):
 * progress per phase in rows of the file, and whether to stop. A stop throws ImportCancelledError
 * before the transaction commits, so nothing of the file is written.
 */
export interface ImportHooks {
  progress?(phase: "checking" | "writing", done: number, total: number): Promise<void>;
  cancelled?(): Promise<boolean>;
  /** Rows written per statement; tests make it small to stop between statements. */
  rowsPerStatement?: number;
}

export class ImportCancelledError extends Error {
  constructor() {
    super("The import was cancelled; nothing from this file was imported.");
    this.name = "ImportCancelledError";
  }
}

async function stopIfCancelled(hooks: ImportHooks): Promise<void> {
  if (hooks.cancelled && (await hooks.cancelled())) throw new ImportCancelledError();
}

/** Rows checked between progress reports (and pauses that let other requests run). */
const rowsPerCheckStep = 2_000;

async function analyse(
  db: Db,
  target: Target,
  parsed: ParsedCsv,
  mapping: TImportMapping,
  options: TImportOptions,
  now: Date,
  hooks: ImportHooks = {},
) {
  checkMapping(mapping, parsed.headers, target);
  const rules = readRules(options, now);
  const occurrences = new Map<string, number>();
  const firstRowOfSource = new Map<string, number>();
  const total = parsed.rows.length;
  const step = async (index: number) => {
    if (!hooks.progress || index === 0 || index % rowsPerCheckStep !== 0) return;
    await hooks.progress("checking", index, total);
    await stopIfCancelled(hooks);
    await new Promise<void>((resolve) => setImmediate(resolve));
  };
  const rows: AnalysedRow[] = [];
  for (const [index, source] of parsed.rows.entries()) {
    await step(index);
    const row = interpretRow(parsed.headers, source, mapping, target.questions, rules);
    let id: string;
    if (row.sourceId) {
      const earlier = firstRowOfSource.get(row.sourceId);
      if (earlier !== undefined) {
        row.errors.push({
          row: row.row,
          column: mapping.responseId,
          questionKey: null,
          message: `The response id "${row.sourceId}" already appears in row ${earlier}.`,
          value: row.sourceId,
          allowed: "each response id once",
        });
      } else firstRowOfSource.set(row.sourceId, row.row);
      id = importedResponseId(target.surveyId, { sourceId: row.sourceId });
    } else {
      const content = JSON.stringify(source.cells);
      const occurrence = occurrences.get(content) ?? 0;
      occurrences.set(content, occurrence + 1);
      id = importedResponseId(target.surveyId, { cells: source.cells, occurrence });
    }
    rows.push({ ...row, id, duplicate: false });
  }
  await hooks.progress?.("checking", total, total);
  // Already in this survey: imported before, or (re-importing our own export) the original.
  const candidates = [...new Set(rows.flatMap((r) => [r.id, ...(r.sourceId ? [r.sourceId] : [])]))];
  const existing = new Set<string>();
  for (let i = 0; i < candidates.length; i += 1000) {
    const found = await db.response.findMany({
      where: { id: { in: candidates.slice(i, i + 1000) }, version: { surveyId: target.surveyId } },
      select: { id: true },
    });
    for (const r of found) existing.add(r.id);
  }
  for (const row of rows) {
    row.duplicate = existing.has(row.id) || (row.sourceId !== null && existing.has(row.sourceId));
  }
  const counts: ImportCounts = {
    rows: rows.length,
    valid: rows.filter((r) => r.errors.length === 0).length,
    invalid: rows.filter((r) => r.errors.length > 0).length,
    duplicates: rows.filter((r) => r.duplicate).length,
    ready: rows.filter((r) => r.errors.length === 0 && !r.duplicate).length,
  };
  const totals: ProblemTotals = {
    errors: rows.reduce((sum, r) => sum + r.errors.length, 0),
    warnings: rows.reduce((sum, r) => sum + r.warnings.length, 0),
  };
  return { rows, counts, totals };
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
  const used = new Set(
    [
      mapping.responseId,
      mapping.status,
      mapping.startedAt,
      mapping.completedAt,
      mapping.locale,
      ...mapping.questions.flatMap((m) => [
        m.column,
        m.otherColumn ?? null,
        ...Object.values(m.optionColumns ?? {}),
      ]),
    ].filter((c): c is string => Boolean(c)),
  );
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
