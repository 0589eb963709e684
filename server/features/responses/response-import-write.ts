// Writes an import batch in bulk, inside the caller's transaction: one INSERT … SELECT FROM
// unnest(column arrays) per few thousand rows. Prisma's createMany builds every row in its query
// compiler: 20,000 responses with ~13 answers each took ~50 s of CPU that way, holding the event
// loop and, on PGlite, the one connection (bench/import.ts). Column arrays keep the statement
// small and its parameter count fixed whatever the number of rows.
import { randomUUID } from "node:crypto";
import type { Prisma } from "~/server/db/generated/client";

export interface ImportedResponseRow {
  id: string;
  status: "COMPLETE" | "PARTIAL";
  locale: string;
  startedAt: Date;
  completedAt: Date | null;
}

export interface ImportedAnswerRow {
  responseId: string;
  questionId: string;
  numberValue: number | null;
  textValue: string | null;
  choices: string[];
  /** The text typed for "Other (please specify)", when the answer chose it. */
  otherText: string | null;
  /** A matrix's { rowKey: point }; absent for other types. */
  rowValues?: Record<string, number>;
}

const responsesPerStatement = 5_000;
const answersPerStatement = 5_000;

/**
 * Lets the event loop run between statements. PGlite executes in this thread and resolves its
 * promises at once, so without a pause a long batch would hold every other request of the
 * server (not only its database queries) until the end.
 */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

// Timestamps travel as ISO text and are cast to timestamp(3): PostgreSQL ignores the "Z" when
// casting to a timestamp without time zone, which keeps the UTC wall time Prisma stores too.
const iso = (date: Date | null) => date?.toISOString() ?? null;

export interface BatchOptions {
  /** Responses per statement (default 5,000); their answers follow in statements of their own. */
  rowsPerStatement?: number;
  /**
   * Called after each part (responses and their answers) with the responses written so far. It
   * may throw to stop the batch, which rolls back the caller's transaction.
   */
  afterStatement?(written: number): Promise<void>;
}

export async function insertImportBatch(
  tx: Prisma.TransactionClient,
  versionId: string,
  responses: ImportedResponseRow[],
  answers: ImportedAnswerRow[],
  now: Date,
  options: BatchOptions = {},
): Promise<void> {
  const updatedAt = now.toISOString();
  const answersOf = new Map<string, ImportedAnswerRow[]>();
  for (const answer of answers) {
    const list = answersOf.get(answer.responseId);
    if (list) list.push(answer);
    else answersOf.set(answer.responseId, [answer]);
  }
  let written = 0;
  // Each part's answers right after its responses, so progress counts finished responses.
  for (const part of chunks(responses, options.rowsPerStatement ?? responsesPerStatement)) {
    await tx.$executeRaw`
      INSERT INTO "Response" ("id", "versionId", "status", "source", "locale", "startedAt",
                              "updatedAt", "completedAt")
      SELECT r.id, ${versionId}, r.status::"ResponseStatus", 'IMPORT'::"ResponseSource",
             r.locale, r.started_at::timestamp(3), ${updatedAt}::timestamp(3),
             r.completed_at::timestamp(3)
      FROM unnest(
        ${part.map((r) => r.id)}::text[],
        ${part.map((r) => r.status)}::text[],
        ${part.map((r) => r.locale)}::text[],
        ${part.map((r) => iso(r.startedAt))}::text[],
        ${part.map((r) => iso(r.completedAt))}::text[]
      ) AS r(id, status, locale, started_at, completed_at)`;
    await breathe();
    const partAnswers = part.flatMap((r) => answersOf.get(r.id) ?? []);
    for (const answerPart of chunks(partAnswers, answersPerStatement)) {
      await insertAnswers(tx, answerPart);
      await breathe();
    }
    written += part.length;
    await options.afterStatement?.(written);
  }
}

async function insertAnswers(
  tx: Prisma.TransactionClient,
  part: ImportedAnswerRow[],
): Promise<void> {
  // Multiple choices travel as JSON text: unnest would flatten a two-dimensional array.
  await tx.$executeRaw`
    INSERT INTO "Answer" ("id", "responseId", "questionId", "numberValue", "textValue", "choices", "otherText", "rowValues")
    SELECT a.id, a.response_id, a.question_id, a.number_value, a.text_value,
           ARRAY(SELECT jsonb_array_elements_text(a.choices::jsonb)), a.other_text,
           a.row_values::jsonb
    FROM unnest(
      ${part.map(() => randomUUID())}::text[],
      ${part.map((a) => a.responseId)}::text[],
      ${part.map((a) => a.questionId)}::text[],
      ${part.map((a) => a.numberValue)}::float8[],
      ${part.map((a) => a.textValue)}::text[],
      ${part.map((a) => JSON.stringify(a.choices))}::text[],
      ${part.map((a) => a.otherText)}::text[],
      ${part.map((a) => (a.rowValues ? JSON.stringify(a.rowValues) : null))}::text[]
    ) AS a(id, response_id, question_id, number_value, text_value, choices, other_text, row_values)`;
}
