// Reads the responses CSV (papaparse, delimiter detected) and the optional survey.json, and turns
// every way they can be wrong into a one-line DataError: unreadable, binary, not tabular, ragged
// rows, no data rows, invalid JSON, a survey that does not match its schema.
import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import { ZSurveyFile, type SurveyFile } from "~/server/analysis/table-input";
import { DataError } from "./errors";

export interface CsvTable {
  header: string[];
  rows: Record<string, string | undefined>[];
}

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

export async function readCsv(path: string): Promise<CsvTable> {
  const text = await readText(path);
  if (text.trim() === "") throw new DataError(`${path} is empty.`);
  const parsed = Papa.parse<Record<string, string | undefined>>(text, {
    header: true,
    skipEmptyLines: "greedy",
  });
  const header = (parsed.meta.fields ?? []).filter((f) => f !== "__parsed_extra");
  const notCsv = `${path} is not a CSV file`;
  if (header.length < 2) {
    throw new DataError(
      `${notCsv}: found ${header.length} column (expected a header row and comma-, semicolon- or tab-separated values).`,
    );
  }
  if (header.some((h) => h.trim() === "")) {
    throw new DataError(`${notCsv}: its header row has an empty column name.`);
  }
  if (parsed.data.length === 0) throw new DataError(`${path} has a header but no data rows.`);
  const ragged = parsed.errors.filter((e) => e.type === "FieldMismatch").length;
  if (ragged > MAX_RAGGED_SHARE * parsed.data.length) {
    throw new DataError(
      `${notCsv}: ${ragged} of ${parsed.data.length} rows have a different number of fields than the header.`,
    );
  }
  const quotes = parsed.errors.find((e) => e.type === "Quotes");
  if (quotes) {
    throw new DataError(`${notCsv}: ${quotes.message} (row ${(quotes.row ?? 0) + 2}).`);
  }
  return { header, rows: parsed.data };
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
