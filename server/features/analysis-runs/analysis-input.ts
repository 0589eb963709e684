// Turns stored survey questions and answers into the persona engine's input: one analysis
// question per question key (the newest chosen version's wording wins), answers read from the
// typed Answer columns, loaded in keyset pages (one row per response, its answers as JSON the
// database builds) straight through the driver, so large surveys neither build one huge query nor
// materialise every response and answer as a Prisma object.
import type { Db } from "~/server/db/client";
import { directSql, directSqlParallel } from "~/server/db/direct-sql";
import type { QuestionDefinition, SurveyResponse } from "~/server/analysis/survey";
import type { TQuestionDefinition } from "~/server/domain/survey/definition";
import { isMatrixAnswer, matrixItemAnswers, matrixRowItems } from "~/server/domain/survey/matrix";
import { numericRange } from "~/server/domain/survey/scales";
import { rowToQuestion } from "../surveys/survey-rows";

export function toAnalysisQuestion(q: TQuestionDefinition): QuestionDefinition {
  const base = {
    id: q.key,
    label: q.text.en,
    role: q.role,
    ...(q.persona ? { persona: q.persona } : {}),
  };
  const choices = {
    options: q.options.map((o) => o.value),
    optionLabels: Object.fromEntries(q.options.map((o) => [o.value, o.label.en])),
  };
  switch (q.type) {
    case "SINGLE_CHOICE":
      return { ...base, kind: "categorical", ...choices };
    case "MULTIPLE_CHOICE":
      return { ...base, kind: "multi", ...choices };
    case "SHORT_TEXT":
    case "LONG_TEXT":
      return { ...base, kind: "text" };
    case "NUMBER": {
      const range = numericRange(q);
      return {
        ...base,
        kind: "numeric",
        ...(range && Number.isFinite(range.min) ? { min: range.min } : {}),
        ...(range && Number.isFinite(range.max) ? { max: range.max } : {}),
      };
    }
    default: {
      const range = numericRange(q);
      return { ...base, kind: "ordinal", min: range?.min, max: range?.max };
    }
  }
}

/**
 * The analysis questions of one question: a matrix gives one ordinal item per row, with the
 * row's own meaning (and, in journeys, stage); every other type gives itself.
 */
export function toAnalysisQuestions(q: TQuestionDefinition): QuestionDefinition[] {
  if (q.type !== "MATRIX") return [toAnalysisQuestion(q)];
  return matrixRowItems(q).map((item) => ({
    id: item.key,
    label: item.label.en,
    role: item.role,
    kind: "ordinal",
    min: item.min,
    max: item.max,
  }));
}

export interface AnalysisSelection {
  surveyId: string;
  versionIds: string[];
  includePartial: boolean;
}

/**
 * Responses per keyset page: bounded memory per round trip, few round trips. Measured with
 * bench/analysis-app.ts (100,000 responses of 13 answers on PostgreSQL); see loadAnalysisInput.
 */
export const defaultPageSize = 5000;

/**
 * Responses per page on a database with one connection (PGlite): every other request waits for
 * the page's statement, which runs on this process's thread, and a request of several statements
 * waits for a page before each. Measured with bench/analysis-app.ts --engines pglite (100,000
 * responses, 10 clients): others' p99 during the run 167 ms at 250 responses a page (run 12.3 s),
 * 201 ms at 500 (10.0 s), 260 ms at 1,000 (9.5 s), 335-455 ms at 5,000.
 */
export const oneConnectionPageSize = 250;

/**
 * Responses turned into analysis input per turn of the event loop: a whole page in one go held
 * the web process (and every request waiting on it) for 150-400 ms on a busy machine.
 */
const rowsPerTurn = 1000;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

interface ResponseRow {
  id: string;
  /** JSON text: [questionId, numberValue, textValue, choices, rowValues] per answer, or null. */
  answers: string | null;
}

type StoredAnswer = [string, number | null, string | null, string[] | null, unknown];

/**
 * One keyset page: the next responses after `$3` (by id), each as ONE row carrying all its
 * answers as a JSON array built by the database. A page of 5,000 responses is 5,000 rows and one
 * JSON.parse each instead of 65,000 rows the driver turns into objects column by column, which is
 * where the read spent its time in the web process. A response without answers has null answers.
 * Sent through the driver directly (direct-sql.ts), not Prisma's raw query path.
 */
const answerPageSql = `
  SELECT r.id,
    (SELECT json_agg(json_build_array(a."questionId", a."numberValue", a."textValue", a.choices, a."rowValues"))
     FROM "Answer" a WHERE a."responseId" = r.id)::text AS answers
  FROM "Response" r
  WHERE r."versionId" = ANY($1::text[])
    AND ($2::boolean OR r.status = 'COMPLETE')
    AND r.id > $3
  ORDER BY r.id
  LIMIT $4::int`;

export interface LoadAnalysisInputOptions {
  /** Responses per round trip (tests use small pages to cross page boundaries). */
  pageSize?: number;
}

/**
 * The analysis input of a selection: questions (newest chosen version's wording per key) and every
 * selected response with its answers, read page by page in id order. The answers are read once
 * per run: executeRun hands them to the journey fill too (analysis-runs.ts).
 */
export async function loadAnalysisInput(
  db: Db,
  selection: AnalysisSelection,
  options: LoadAnalysisInputOptions = {},
): Promise<{ questions: QuestionDefinition[]; responses: SurveyResponse[] }> {
  const oneConnection = directSqlParallel(db) === 1;
  const pageSize = options.pageSize ?? (oneConnection ? oneConnectionPageSize : defaultPageSize);
  const rows = await db.question.findMany({
    where: { versionId: { in: selection.versionIds } },
    include: { version: { select: { number: true } } },
    orderBy: [{ version: { number: "desc" } }, { position: "asc" }],
  });
  // Newest version first: the first row seen for a key is the wording the analysis shows.
  const byKey = new Map<string, TQuestionDefinition>();
  const keyOfQuestionId = new Map<string, string>();
  for (const row of rows) {
    const question = rowToQuestion(row);
    if (!byKey.has(question.key)) byKey.set(question.key, question);
    keyOfQuestionId.set(row.id, question.key);
  }

  const sql = directSql(db);
  const readPage = (after: string) => {
    const page = sql<ResponseRow>(answerPageSql, [
      selection.versionIds,
      selection.includePartial,
      after,
      pageSize,
    ]);
    // Awaited below; this only keeps a failure while a page is being turned into responses from
    // counting as unhandled.
    page.catch(() => undefined);
    return page;
  };
  const responses: SurveyResponse[] = [];
  // Ids are compared as the database orders them, so "" precedes every id.
  let next = readPage("");
  for (;;) {
    const page = await next;
    const last = page[page.length - 1];
    const more = page.length === pageSize && last !== undefined;
    // On a pool the next page is asked for before this one is turned into responses, so the
    // database works while this process does, and the turns given to other requests below cost
    // the read no waiting. On one connection it is asked for after them: asked for at once, it
    // took the connection again before any waiting request could (others waited out the whole
    // read, 3 s for 100,000 responses).
    if (more && !oneConnection) next = readPage(last.id);
    for (let i = 0; i < page.length; i += 1) {
      if (i > 0 && i % rowsPerTurn === 0) await nextTurn();
      const row = page[i]!;
      const answers: Record<string, string | number | string[]> = {};
      const stored = row.answers === null ? [] : (JSON.parse(row.answers) as StoredAnswer[]);
      for (const [questionId, numberValue, textValue, choices, rowValues] of stored) {
        const key = keyOfQuestionId.get(questionId);
        if (!key) continue;
        // A matrix answer is one item per row, as its questions are.
        if (isMatrixAnswer(rowValues)) Object.assign(answers, matrixItemAnswers(key, rowValues));
        else answers[key] = numberValue ?? textValue ?? choices ?? [];
      }
      responses.push({ id: row.id, answers });
    }
    if (!more) break;
    if (oneConnection) {
      await nextTurn();
      next = readPage(last.id);
    }
  }
  return { questions: [...byKey.values()].flatMap(toAnalysisQuestions), responses };
}
