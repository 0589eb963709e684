// Checking a response CSV before an import writes it: the file's size, header and row count, that
// the mapping names only the file's columns and the version's questions, each row read and
// checked (response-import-rows.ts) with its stable id, repeated response ids and rows already in
// the survey marked, and the counts a preview or report shows. Long files report progress and
// may be cancelled (ImportHooks).
import type { Db } from "~/server/db/client";
import { fail } from "~/server/domain/errors";
import {
  importSizeMessage,
  maxImportBytes,
  maxImportRows,
  type ImportCounts,
  type ProblemTotals,
  type TImportOptions,
  type TImportMapping,
} from "~/server/domain/survey/response-import";
import { importedResponseId, parseCsv, type ParsedCsv } from "./response-import-csv";
import { mappedColumns } from "./response-import-mapping";
import { readRules } from "./response-import-row-reader";
import { interpretRow, type InterpretedRow } from "./response-import-rows";
import type { Target } from "./response-import-target";

export function readCsv(csv: string): ParsedCsv {
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
  const stray = mappedColumns(mapping).find((c) => !known.has(c));
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

export interface AnalysedRow extends InterpretedRow {
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

export async function stopIfCancelled(hooks: ImportHooks): Promise<void> {
  if (hooks.cancelled && (await hooks.cancelled())) throw new ImportCancelledError();
}

/** Rows checked between progress reports (and pauses that let other requests run). */
const rowsPerCheckStep = 2_000;

export async function analyse(
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
