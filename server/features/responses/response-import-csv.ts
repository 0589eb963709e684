// The response CSV as a file: parsed with papaparse (delimiter detected, repeated headers told
// apart, rows whose quotes or cell count are off flagged), a cell decoded from our export's guard
// against spreadsheet formulas, and the stable id of each imported row, so that importing a file
// twice stores its responses once. Pure: no database, no clock.
import { createHash } from "node:crypto";
import Papa from "papaparse";

export interface ParsedCsv {
  headers: string[];
  /** Data rows with their spreadsheet row number (the header is row 1); blank lines left out. */
  rows: { row: number; cells: string[]; problem: string | null }[];
}

export function parseCsv(text: string): ParsedCsv {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    header: false,
    skipEmptyLines: false,
  });
  const [rawHeaders = [], ...data] = result.data;
  const problems = new Map<number, string>();
  for (const error of result.errors) {
    if (error.row !== undefined && error.type === "Quotes") {
      problems.set(error.row, "A quoted cell is not closed: check the quotes in this row.");
    }
  }
  // Two columns with the same header would be indistinguishable in the mapping.
  const seen = new Map<string, number>();
  const headers = rawHeaders.map((h) => {
    const name = h.trim();
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
  const rows = data
    .map((cells, i) => {
      const problem =
        problems.get(i + 1) ??
        (cells.length !== headers.length
          ? `This row has ${cells.length} cells; the header has ${headers.length}.`
          : null);
      return { row: i + 2, cells, problem };
    })
    .filter((r) => r.cells.some((c) => c.trim() !== ""));
  return { headers, rows };
}

/** Undoes the export's guard against spreadsheet formulas: "'=x" was written for "=x". */
export function decodeCell(raw: string | undefined): string {
  const cell = raw ?? "";
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell.trim();
}

/**
 * A stable id for an imported response, scoped to the survey: from the file's response id when
 * there is one, else from the row's content and how often the same content came before in the
 * file (two identical rows are two responses; the same file again gives the same ids).
 */
export function importedResponseId(
  surveyId: string,
  source: { sourceId: string } | { cells: string[]; occurrence: number },
): string {
  const basis =
    "sourceId" in source
      ? `id\n${source.sourceId}`
      : `row\n${JSON.stringify(source.cells.map((c) => c.trim()))}\n${source.occurrence}`;
  return `imp-${createHash("sha256").update(`${surveyId}\n${basis}`).digest("hex").slice(0, 32)}`;
}
