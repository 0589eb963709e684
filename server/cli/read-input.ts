// Reads the responses CSV (papaparse streaming, delimiter detected) into dictionary-coded columns
// and the optional survey.json, and turns
// every way they can be wrong into a one-line DataError: unreadable, binary, not tabular, ragged
// rows, no data rows, invalid JSON, a survey that does not match its schema.
import { open, readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import Papa from "papaparse";
import {
  ZSurveyFile,
  type CodedColumn,
  type ColumnTable,
  type SurveyFile,
} from "~/server/analysis/table-input";
import type { AnswerTally } from "~/server/analysis/infer-column-kind";
import { DataError } from "./errors";

/** The CSV column by column (server/analysis/table-input.ts ColumnTable). */
export type CsvTable = ColumnTable;

function describeFsError(path: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  const why =
    code === "ENOENT"
      ? "no such file"
      : code === "EACCES"
        ? "permission denied"
        : code === "EISDIR"
          ? "it is a directory"
          : ((error as Error).message ?? String(error));
  return `Cannot read ${path}: ${why}.`;
}

async function readText(path: string): Promise<string> {
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    throw new DataError(describeFsError(path, error));
  }
  if (buffer.includes(0))
    throw new DataError(`${path} is not a CSV file: it contains binary data.`);
  // A UTF-8 byte-order mark would otherwise become part of the first column's name.
  return buffer.toString("utf8").replace(/^\uFEFF/, "");
}

/** Share of ragged rows beyond which the file is not taken for a CSV. */
const MAX_RAGGED_SHARE = 0.1;

/** One column as it is read: codes grow by doubling, each distinct cell text stored once. */
class ColumnBuilder {
  codes = new Int32Array(1024);
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  set(row: number, cell: string | undefined): void {
    if (row >= this.codes.length) {
      const grown = new Int32Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    if (cell === undefined) {
      this.codes[row] = -1;
      return;
    }
    let code = this.index.get(cell);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(cell);
      this.index.set(cell, code);
    }
    this.codes[row] = code;
  }

  finish(rowCount: number): CodedColumn {
    return { codes: this.codes.slice(0, rowCount), values: this.values };
  }
}

/**
 * The file as text chunks: refuses binary content and drops a UTF-8 byte-order mark (it would
 * otherwise become part of the first column's name). File errors become one-line DataErrors.
 */
async function* textChunks(
  path: string,
  seen: { content: boolean },
): AsyncGenerator<string, void, undefined> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw new DataError(describeFsError(path, error));
  }
  try {
    let first = true;
    for await (const piece of handle.createReadStream({ encoding: "utf8", autoClose: false })) {
      let chunk = piece as string;
      if (chunk.includes("\0")) {
        throw new DataError(`${path} is not a CSV file: it contains binary data.`);
      }
      if (first) chunk = chunk.replace(/^\uFEFF/, "");
      first = false;
      if (!seen.content && chunk.trim() !== "") seen.content = true;
      yield chunk;
    }
  } catch (error) {
    throw error instanceof DataError ? error : new DataError(describeFsError(path, error));
  } finally {
    await handle.close();
  }
}

/**
 * Reads the CSV as a stream, straight into dictionary-coded columns: neither the whole text nor
 * an object per row is ever held, so a million-row file fits in a few hundred megabytes.
 */
export async function readCsv(path: string): Promise<CsvTable> {
  const seen = { content: false };
  const builders = new Map<string, ColumnBuilder>();
  let header: string[] = [];
  let rowCount = 0;
  let ragged = 0;
  let quotes: { message: string; row: number } | null = null;
  await new Promise<void>((resolvePromise, reject) => {
    Papa.parse<Record<string, string | undefined>>(Readable.from(textChunks(path, seen)), {
      header: true,
      skipEmptyLines: "greedy",
      chunk(results) {
        if (header.length === 0) {
          header = (results.meta.fields ?? []).filter((f) => f !== "__parsed_extra");
          for (const h of header) builders.set(h, new ColumnBuilder());
        }
        for (const e of results.errors) {
          if (e.type === "FieldMismatch") ragged++;
          else if (e.type === "Quotes" && !quotes) {
            quotes = { message: e.message, row: rowCount + (e.row ?? 0) };
          }
        }
        for (const row of results.data) {
          for (const [h, builder] of builders) builder.set(rowCount, row[h]);
          rowCount++;
        }
      },
      complete: () => resolvePromise(),
      error: (error: Error) => reject(error),
    });
  });
  if (!seen.content) throw new DataError(`${path} is empty.`);
  const notCsv = `${path} is not a CSV file`;
  if (header.length < 2) {
    throw new DataError(
      `${notCsv}: found ${header.length} column (expected a header row and comma-, semicolon- or tab-separated values).`,
    );
  }
  if (header.some((h) => h.trim() === "")) {
    throw new DataError(`${notCsv}: its header row has an empty column name.`);
  }
  if (rowCount === 0) throw new DataError(`${path} has a header but no data rows.`);
  if (ragged > MAX_RAGGED_SHARE * rowCount) {
    throw new DataError(
      `${notCsv}: ${ragged} of ${rowCount} rows have a different number of fields than the header.`,
    );
  }
  const quoteError = quotes as { message: string; row: number } | null;
  if (quoteError) {
    throw new DataError(`${notCsv}: ${quoteError.message} (row ${quoteError.row + 2}).`);
  }
  const columns = new Map<string, CodedColumn>();
  for (const [h, builder] of builders) columns.set(h, builder.finish(rowCount));
  return { header, rowCount, columns };
}

/**
 * One column's distinct cell texts with how many rows hold each, in order of first appearance (for
 * column inference); rows without the field are left out.
 */
export function columnTally(table: CsvTable, column: string): AnswerTally {
  const coded = table.columns.get(column);
  if (!coded) return { values: [], counts: [] };
  const perCode = new Array<number>(coded.values.length).fill(0);
  for (const code of coded.codes) if (code >= 0) perCode[code]! += 1;
  const values: string[] = [];
  const counts: number[] = [];
  coded.values.forEach((value, code) => {
    if ((perCode[code] as number) === 0) return;
    values.push(value);
    counts.push(perCode[code] as number);
  });
  return { values, counts };
}

export async function readSurvey(path: string): Promise<SurveyFile> {
  const text = await readText(path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ZSurveyFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    throw new DataError(`${path} is not a valid survey file: ${where}${issue?.message ?? ""}`);
  }
  return parsed.data;
}
