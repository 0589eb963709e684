// The answers of one row of a response CSV: each mapped question's cells read as the public submit
// would take them (missing-value words as no answer, 1/0 flags per option, a matrix row's point
// by its number or the original survey's value, choices recoded as the mapping says, decimal
// commas in numbers), the choices the cells stand for, and, once the answers are checked, errors
// that quote the cell and say what the question allows. Pure: no database, no clock.
import {
  choseOther,
  otherTextKey,
  otherTextMax,
  type AnswerCheck,
  type AnswerMap,
  type AnswerValue,
} from "~/server/domain/survey/answers";
import type { TImportMapping } from "~/server/domain/survey/response-import";
import { numericRange } from "~/server/domain/survey/scales";
import type { ImportQuestion, RowReader } from "./response-import-row-reader";
import {
  decimalCommaAsPoint,
  describeAllowed,
  isAmbiguousComma,
  isChoiceAnswer,
  normal,
  resolveChoice,
} from "./response-import-values";

type MappingEntry = TImportMapping["questions"][number];

/** The public page's message for an answer to a question its display logic hides. */
const hiddenMessage = "This question does not apply to your earlier answers.";

const truthy = new Set(["1", "true", "yes", "x", "ja", "wahr"]);
const falsy = new Set(["0", "false", "no", "nein", "falsch"]);

/**
 * Per choice question answered in the file: the options the cells stand for and the values
 * that name none (before checking, so that rows with problems count too).
 */
export type ChoiceCounts = Record<string, { options: string[]; unmatched: number }>;

/** The cell behind each answer, for messages that quote it. */
export type GivenCells = Record<
  string,
  { column: string | null; text: string; unmatched: string[] }
>;

export interface RowAnswers {
  answers: AnswerMap;
  choices: ChoiceCounts;
  given: GivenCells;
}

export function readAnswers(
  reader: RowReader,
  mapping: TImportMapping,
  byKey: Map<string, ImportQuestion>,
): RowAnswers {
  const read: RowAnswers = { answers: {}, choices: {}, given: {} };
  for (const m of mapping.questions) {
    const q = byKey.get(m.key);
    if (!q) continue;
    readOtherText(reader, q, m, read);
    if (q.type === "MULTIPLE_CHOICE" && m.optionColumns) {
      readOptionFlags(reader, q, m.optionColumns, read);
    } else if (q.type === "MATRIX") {
      readMatrix(reader, q, m, read);
    } else {
      readCell(reader, q, m, read);
    }
  }
  return read;
}

/** The text typed for "Other", in its own column. */
function readOtherText(
  reader: RowReader,
  q: ImportQuestion,
  m: MappingEntry,
  { answers, given }: RowAnswers,
): void {
  if (!q.settings.otherTextFor || !m.otherColumn) return;
  const text = reader.cell(m.otherColumn);
  if (text) {
    answers[otherTextKey(q.key)] = text;
    given[otherTextKey(q.key)] = { column: m.otherColumn, text, unmatched: [] };
  }
}

/** A multiple choice with a column per option holding 1 (chosen) or 0 (not chosen). */
function readOptionFlags(
  reader: RowReader,
  q: ImportQuestion,
  optionColumns: Record<string, string | null>,
  { answers, choices }: RowAnswers,
): void {
  const { cell, problem } = reader;
  const chosen: string[] = [];
  let answered = false;
  for (const [option, column] of Object.entries(optionColumns)) {
    const flag = normal(cell(column));
    if (!flag) continue;
    answered = true;
    if (truthy.has(flag)) chosen.push(option);
    else if (!falsy.has(flag)) {
      problem(column, q.key, `"${cell(column)}" should be 1 (chosen) or 0 (not chosen).`, {
        value: cell(column),
        allowed: "1 (chosen) or 0 (not chosen)",
      });
    }
  }
  if (answered && chosen.length > 0) {
    answers[q.key] = chosen;
    choices[q.key] = { options: chosen, unmatched: 0 };
  }
}

/** A matrix: row columns hold a point, its number or the column value of the original survey. */
function readMatrix(
  reader: RowReader,
  q: ImportQuestion,
  m: MappingEntry,
  { answers, given }: RowAnswers,
): void {
  const points = q.settings.matrix?.points ?? [];
  const answer: Record<string, number | string> = {};
  const cells: string[] = [];
  let firstColumn: string | null = null;
  for (const [rowKey, column] of Object.entries(m.optionColumns ?? {})) {
    const text = reader.raw(column);
    if (reader.rules.isMissing(text)) continue;
    firstColumn ??= column;
    cells.push(`${rowKey}=${text}`);
    const point = points.find((p) => p.source !== undefined && String(p.source) === text.trim());
    answer[rowKey] = point ? point.value : text.trim();
  }
  if (cells.length > 0) {
    answers[q.key] = answer as unknown as AnswerMap[string];
    given[q.key] = { column: firstColumn, text: cells.join("; "), unmatched: [] };
  }
}

/** One cell: text or a number as typed, or choices (several split by ; | or ,) resolved to options. */
function readCell(
  reader: RowReader,
  q: ImportQuestion,
  m: MappingEntry,
  { answers, choices, given }: RowAnswers,
): void {
  const { isMissing } = reader.rules;
  const text = reader.raw(m.column);
  const isChoice = q.type === "SINGLE_CHOICE" || q.type === "MULTIPLE_CHOICE";
  const kept = (part: string) => isChoiceAnswer(q, m, part, isMissing);
  if (!isChoice) {
    if (!isMissing(text)) {
      // A decimal comma is read as a point for number questions only; text stays as typed.
      answers[q.key] = numericRange(q) ? decimalCommaAsPoint(text) : text;
      given[q.key] = { column: m.column, text, unmatched: [] };
    }
    return;
  }
  const parts = (q.type === "MULTIPLE_CHOICE" ? text.split(/[;|,]/) : [text])
    .map((v) => v.trim())
    .filter(kept);
  const options: string[] = [];
  const unmatched: string[] = [];
  for (const part of parts) {
    const resolved = resolveChoice(q, m, part);
    if (resolved.option !== null) options.push(resolved.option);
    else if (resolved.how === "none") unmatched.push(part);
  }
  if (options.length === 0 && unmatched.length === 0) return;
  choices[q.key] = { options: [...new Set(options)], unmatched: unmatched.length };
  given[q.key] = { column: m.column, text, unmatched };
  const values = [...options, ...unmatched];
  answers[q.key] = q.type === "MULTIPLE_CHOICE" ? values : (values[0] ?? "");
}

/** The checker's complaints about a row's answers, as errors and warnings that quote the file. */
export function reportCheckErrors(
  reader: RowReader,
  mapping: TImportMapping,
  byKey: Map<string, ImportQuestion>,
  checked: AnswerCheck,
  given: GivenCells,
): void {
  const { problem, warn } = reader;
  for (const [key, message] of Object.entries(checked.errors)) {
    const otherOf = mapping.questions.find((x) => otherTextKey(x.key) === key);
    if (otherOf) {
      otherTextProblem(
        reader,
        byKey,
        checked.values,
        otherOf.key,
        otherOf.otherColumn ?? null,
        given[key]?.text ?? "",
      );
      continue;
    }
    const q = byKey.get(key);
    const m = mapping.questions.find((x) => x.key === key);
    const column = m?.column ?? null;
    const input = given[key];
    if (!q || !input) {
      // Nothing in the file for it: a required question left unanswered. Data made elsewhere
      // often has gaps the original survey allowed; the row keeps its other answers.
      warn(column, key, "No answer to a required question: imported as unanswered.");
      continue;
    }
    problem(column, key, explain(q, input.text, input.unmatched, message), {
      value: input.text,
      allowed: describeAllowed(q),
    });
  }
}

/** The "Other" text of a row that the answer does not bear out, or one too long to store. */
function otherTextProblem(
  { problem, warn }: RowReader,
  byKey: Map<string, ImportQuestion>,
  values: Record<string, AnswerValue>,
  key: string,
  column: string | null,
  text: string,
): void {
  if (!text) {
    // Data made elsewhere often lacks the text even when "Other" was chosen.
    warn(column, key, 'No text for the chosen "Other": imported without it.');
  } else if (!choseOther(byKey.get(key) ?? { settings: {} }, values[key])) {
    warn(
      column,
      key,
      `"${text}" is a text for "Other", but the row did not choose "Other": the text is left out.`,
      text,
    );
  } else {
    problem(
      column,
      key,
      `The text for "Other" has ${text.length.toLocaleString("en")} characters.`,
      {
        value: text,
        allowed: `at most ${otherTextMax} characters`,
      },
    );
  }
}

/** A row error that quotes the cell and says what the question accepts. */
function explain(
  q: ImportQuestion,
  text: string,
  unmatched: string[],
  checkMessage: string,
): string {
  const allowed = describeAllowed(q);
  if (checkMessage === hiddenMessage) {
    return `"${text}" answers a question this row should not have seen: its display condition does not hold for the row's earlier answers. Allowed: no answer.`;
  }
  if (unmatched.length > 0) {
    const quoted = unmatched.map((u) => `"${u}"`).join(", ");
    return `${quoted} ${unmatched.length === 1 ? "is not an option" : "are not options"}. Allowed: ${allowed}. Recode ${unmatched.length === 1 ? "it" : "them"} in the mapping, or map the rest to an option.`;
  }
  if (q.type === "SHORT_TEXT" || q.type === "LONG_TEXT") {
    return `The text has ${text.trim().length.toLocaleString("en")} characters. Allowed: ${allowed}.`;
  }
  const range = numericRange(q);
  if (range && isAmbiguousComma(text)) {
    return `"${text}" could be a number with a thousands separator or with a decimal comma. Allowed: ${allowed}. Write it without the comma, or with a decimal point.`;
  }
  if (range && !Number.isFinite(Number(decimalCommaAsPoint(text))))
    return `"${text}" is not a number. Allowed: ${allowed}.`;
  return `"${text}" is out of range. Allowed: ${allowed}.`;
}
