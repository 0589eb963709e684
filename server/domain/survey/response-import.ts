// Importing responses from CSV: the limits, the column -> question mapping, the two ways to
// treat invalid rows, and the shapes of the preview and the report. Shared by the import page
// and the server; the rules that read rows live in server/services/response-import-rows.ts.
import { z } from "zod";

/** Files above this are refused with a clear message before anything is parsed. */
export const maxImportBytes = 5 * 1024 * 1024;
export const maxImportRows = 50_000;
export const previewRowCount = 20;
/** At most this many rows with errors are listed; the counts always cover every row. */
export const maxListedErrors = 500;

export const importSizeMessage = `The file is larger than ${maxImportBytes / 1024 / 1024} MB. Split it into smaller files and import them one after another.`;

export const ZImportCsv = z
  .string()
  .min(1, { error: "Choose a CSV file first." })
  .max(maxImportBytes, { error: importSizeMessage });

const ZColumn = z.string().max(500).nullable();

/**
 * Which column holds what. A question reads one column (for multiple choice: the chosen values
 * separated by ";"), or, for multiple choice, one 0/1 column per option as our export writes.
 */
export const ZImportMapping = z.object({
  responseId: ZColumn,
  status: ZColumn,
  startedAt: ZColumn,
  completedAt: ZColumn,
  locale: ZColumn,
  questions: z
    .array(
      z.object({
        key: z.string().min(1).max(64),
        column: ZColumn,
        optionColumns: z.record(z.string().max(80), ZColumn).optional(),
      }),
    )
    .max(200),
});
export type TImportMapping = z.infer<typeof ZImportMapping>;

export const importModes = ["all-or-nothing", "skip-invalid"] as const;
export type TImportMode = (typeof importModes)[number];

export const ZResponseImportPreviewInput = z.object({
  surveyId: z.string().min(1),
  csv: ZImportCsv,
  /** The published version to import into; the latest when left out. */
  versionNumber: z.number().int().positive().optional(),
  /** Left out: the proposed mapping is used (and returned). */
  mapping: ZImportMapping.optional(),
});
export type TResponseImportPreviewInput = z.infer<typeof ZResponseImportPreviewInput>;

export const ZResponseImportInput = ZResponseImportPreviewInput.extend({
  mapping: ZImportMapping,
  mode: z.enum(importModes).default("all-or-nothing"),
});
export type TResponseImportInput = z.input<typeof ZResponseImportInput>;

/** One problem in one row; `row` counts as a spreadsheet does (the header is row 1). */
export interface RowError {
  row: number;
  column: string | null;
  questionKey: string | null;
  message: string;
}

export interface PreviewRow {
  row: number;
  status: "COMPLETE" | "PARTIAL";
  /** Question key -> the answer as it will be stored, in words. */
  answers: Record<string, string>;
  errors: RowError[];
  /** Already imported (or already in the survey): importing skips it. */
  duplicate: boolean;
}

export interface ImportCounts {
  rows: number;
  valid: number;
  invalid: number;
  duplicates: number;
  /** Valid and not imported before: what an import would add. */
  ready: number;
}

export interface ResponseImportPreview {
  versionNumber: number;
  publishedVersions: number[];
  headers: string[];
  mapping: TImportMapping;
  questions: {
    key: string;
    type: string;
    text: string;
    required: boolean;
    options: { value: string; label: string }[];
  }[];
  /** Headers no mapping uses. */
  unusedColumns: string[];
  rows: PreviewRow[];
  errors: RowError[];
  counts: ImportCounts;
}

export interface ResponseImportReport {
  mode: TImportMode;
  versionNumber: number;
  /** All-or-nothing with invalid rows: nothing was written. */
  refused: boolean;
  imported: number;
  duplicates: { row: number }[];
  /** Rows left out because they are invalid, with every reason. */
  skipped: { row: number; errors: RowError[] }[];
  counts: ImportCounts;
}
