// Importing responses from CSV: the limits, the column -> question mapping (with its recoding of
// free-typed values and the column of "Other" texts), the cells that mean "no answer", the two ways to treat invalid rows, and
// the shapes of the preview and the report. Shared by the import page and the server; the rules
// that read rows live in server/features/responses/response-import-rows.ts.
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
 * Cells that mean "not answered" in files made elsewhere (R writes NA, SPSS exports often "-",
 * databases "null"). Compared without regard to case or surrounding spaces; a blank cell is
 * always unanswered. "Prefer not to say" is offered but not on by default: in some surveys it
 * is an answer worth keeping.
 */
export const defaultMissingValues = ["NA", "N/A", "n/a", "-", "null", "none"] as const;
export const preferNotToSay = "Prefer not to say";

const ZMissingValue = z
  .string()
  .trim()
  .min(1, { error: "A missing-value word cannot be empty; blank cells are always unanswered." })
  .max(60, { error: "Keep each missing-value word under 60 characters." });

export const ZImportOptions = z.object({
  /** Cells with these words are read as unanswered, in every column. */
  missingValues: z
    .array(ZMissingValue)
    .max(40, { error: "List at most 40 missing-value words." })
    .default([...defaultMissingValues]),
  /**
   * The first day of data collection, when known: earlier dates are flagged. Not the survey's
   * creation here, which for imported data usually comes after the fieldwork.
   */
  collectedSince: z.iso.date({ error: "Enter a date as YYYY-MM-DD." }).optional(),
});
export type TImportOptions = z.infer<typeof ZImportOptions>;
export type TImportOptionsInput = z.input<typeof ZImportOptions>;

/** Splits the form's "NA, N/A, -" text into the list the schema checks. */
export function parseMissingValues(text: string): string[] {
  return text
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t !== "");
}

/** Recoding lists at most this many distinct file values per question. */
export const maxRecodedValues = 500;

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
        /**
         * Choice questions read from one column: a file value -> the option it stands for, or
         * null for "treat as unanswered". Values that already name an option need no entry.
         */
        recode: z
          .record(z.string().max(500), z.string().max(80).nullable())
          .refine((r) => Object.keys(r).length <= maxRecodedValues, {
            error: `Recode at most ${maxRecodedValues} values per question.`,
          })
          .optional(),
        /** Every value neither an option nor recoded goes to this option ("map the rest to Other"). */
        otherOption: z.string().max(80).nullable().optional(),
        /**
         * Choice questions with an "Other (please specify)" option: the column with the text
         * typed for it (`<key>-Comment` in our export and in SurveyJS data).
         */
        otherColumn: ZColumn.optional(),
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
  /** Left out: the default missing-value words. */
  options: ZImportOptions.optional(),
});
export type TResponseImportPreviewInput = z.infer<typeof ZResponseImportPreviewInput>;

export const ZResponseImportInput = ZResponseImportPreviewInput.extend({
  mapping: ZImportMapping,
  mode: z.enum(importModes).default("all-or-nothing"),
});
export type TResponseImportInput = z.input<typeof ZResponseImportInput>;

/**
 * One problem in one row; `row` counts as a spreadsheet does (the header is row 1). The message
 * names the bad value and what is allowed; `value` and `allowed` carry them for display too.
 */
export interface RowError {
  row: number;
  column: string | null;
  questionKey: string | null;
  message: string;
  /** The cell as it is in the file, when one cell is at fault. */
  value?: string;
  /** What the cell may hold: the options, or the range. */
  allowed?: string;
}

/** Something to look at that does not stop the row: an implausible date, a missing answer. */
export type RowWarning = RowError;

/** One distinct value of a choice column and where it goes. */
export interface RecodeValue {
  value: string;
  /** Rows with this value (for multiple choice: rows naming it). */
  count: number;
  /** The option it is read as with the current mapping; null when unanswered or no option. */
  option: string | null;
  /**
   * exact: names an option already; recoded: by the mapping's recode; other: by "map the rest";
   * missing: recoded as unanswered; none: no option (an error in the row).
   */
  how: "exact" | "recoded" | "other" | "missing" | "none";
  /** A variant spelling of this option (case, spaces, punctuation, abbreviation). */
  suggestion: string | null;
}

export interface RecodeColumn {
  key: string;
  column: string;
  values: RecodeValue[];
  /** More distinct values than listed. */
  truncated: boolean;
}

/** One option's share in the whole file and among the rows an import would keep. */
export interface BiasShare {
  option: string;
  label: string;
  fileCount: number;
  importedCount: number;
  /** Shares from 0 to 1; null when no row answered. */
  fileShare: number | null;
  importedShare: number | null;
}

export interface BiasColumn {
  key: string;
  text: string;
  /** Rows answering the question: in the file, and among the rows without problems. */
  fileN: number;
  importedN: number;
  shares: BiasShare[];
  /** Answers that name no option (their rows have problems), counted in the file's n. */
  unmatchedCount: number;
  /** The largest change of a share, in percentage points. */
  largestShift: number;
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

/** Every problem and warning over all rows (a row can have several), listed or not. */
export interface ProblemTotals {
  errors: number;
  warnings: number;
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
    /** It has an "Other (please specify)" option whose text can come from its own column. */
    otherText: boolean;
  }[];
  /** Headers no mapping uses. */
  unusedColumns: string[];
  rows: PreviewRow[];
  /** The first problems and warnings (at most maxListedErrors each); `totals` counts them all. */
  errors: RowError[];
  warnings: RowWarning[];
  totals: ProblemTotals;
  counts: ImportCounts;
  options: TImportOptions;
  /** Per choice question read from one column: its distinct values and where they go. */
  recoding: RecodeColumn[];
  /** Per choice question: how leaving out the rows with problems changes each option's share. */
  bias: BiasColumn[];
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
  totals: ProblemTotals;
  counts: ImportCounts;
  /** As in the preview: how leaving out the rows with problems changed each option's share. */
  bias: BiasColumn[];
}

export const importStatuses = ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"] as const;
export type ImportStatus = (typeof importStatuses)[number];

/** A committed import as its page follows it: waiting, running (with progress) or finished. */
export interface ResponseImportJobView {
  importId: string;
  status: ImportStatus;
  /** While running: "checking" the rows, then "writing" them in one transaction. */
  phase: "checking" | "writing" | null;
  rowsDone: number;
  rowsTotal: number;
  /** While waiting: imports that will run before this one (0: it starts next). */
  ahead: number | null;
  cancelRequested: boolean;
  /** Finished: what was imported, or (all-or-nothing) every problem that stopped it. */
  report: ResponseImportReport | null;
  /** Failed: why, in words for the researcher. */
  error: string | null;
}
