// Exports a survey's responses as a table: one row per response, one column per question key
// (multiple choice: one 0/1 column per option, "<key>__<option>"; matrix: one column per row
// with its scale point, "<key>__<row>"), plus the response's id,
// version, status, timestamps and language. Columns are the union over all published versions,
// matched by question key, so answers to "the same" question line up across versions.
// CSV cells that a spreadsheet would run as a formula are neutralised; JSON keeps typed values.
import { otherTextKey } from "~/server/domain/survey/answers";
import Papa from "papaparse";
import type { Db } from "~/server/db/client";
import type { Prisma } from "~/server/db/generated/client";
import { fail } from "~/server/domain/errors";
import type { TQuestionType } from "~/server/domain/survey/definition";
import { isMatrixAnswer, matrixColumn, type MatrixAnswer } from "~/server/domain/survey/matrix";
import { requireRole, type MembershipView } from "../workspaces/access";
import { answerValueColumns } from "./response-answer-rows";

/** Row keys of a stored matrix question's settings (a loose read: settings are JSON). */
function storedMatrixRowKeys(settings: Prisma.JsonValue): string[] {
  const matrix = (settings as { matrix?: { rows?: { key?: unknown }[] } } | null)?.matrix;
  return (matrix?.rows ?? []).map((r) => r.key).filter((k): k is string => typeof k === "string");
}

export type ExportCell = string | number | null;
export type ExportRow = Record<string, ExportCell>;

export interface ResponseExport {
  surveyTitle: string;
  columns: string[];
  rows: ExportRow[];
}

export interface ExportFilter {
  versionNumber?: number;
  status?: "PARTIAL" | "COMPLETE";
}

export const metaColumns = [
  "response_id",
  "version",
  "status",
  "started_at",
  "completed_at",
  "locale",
] as const;

interface ColumnPlan {
  key: string;
  /** The type in the newest version that has the key; it decides the column layout. */
  type: TQuestionType;
  /** Multiple choice: every option value any version offered, newest version's order first. */
  options: string[];
  /** Some version offers "Other (please specify)": its text gets a column `<key>-Comment`. */
  otherText: boolean;
  /** Matrix: every row key any version had, newest version's order first. */
  rows: string[];
}

const anyMember = ["OWNER", "RESEARCHER", "STRATEGIST"] as const;

export async function exportResponses(
  db: Db,
  actor: MembershipView,
  surveyId: string,
  filter: ExportFilter = {},
): Promise<ResponseExport> {
  requireRole(actor, anyMember);
  const survey = await db.survey.findFirst({
    where: { id: surveyId, workspaceId: actor.workspaceId },
    include: {
      versions: {
        where: { publishedAt: { not: null } },
        orderBy: { number: "desc" },
        include: {
          questions: {
            orderBy: { position: "asc" },
            select: { id: true, key: true, type: true, options: true, settings: true },
          },
        },
      },
    },
  });
  if (!survey) return fail("NOT_FOUND", "That survey does not exist in this workspace.");

  const plans = new Map<string, ColumnPlan>();
  const keyOfQuestion = new Map<string, string>();
  for (const version of survey.versions) {
    for (const q of version.questions) {
      keyOfQuestion.set(q.id, q.key);
      const plan = plans.get(q.key) ?? {
        key: q.key,
        type: q.type,
        options: [],
        otherText: false,
        rows: [],
      };
      const settings = q.settings as { otherTextFor?: unknown } | null;
      if (settings?.otherTextFor) plan.otherText = true;
      for (const row of storedMatrixRowKeys(q.settings)) {
        if (!plan.rows.includes(row)) plan.rows.push(row);
      }
      const values = Array.isArray(q.options)
        ? (q.options as { value?: unknown }[]).map((o) => String(o?.value ?? ""))
        : [];
      for (const value of values)
        if (value && !plan.options.includes(value)) plan.options.push(value);
      plans.set(q.key, plan);
    }
  }
  const columns: string[] = [...metaColumns];
  for (const plan of plans.values()) {
    if (plan.type === "MULTIPLE_CHOICE") {
      columns.push(...plan.options.map((option) => `${plan.key}__${option}`));
    } else if (plan.type === "MATRIX") {
      columns.push(...plan.rows.map((row) => matrixColumn(plan.key, row)));
    } else columns.push(plan.key);
    if (plan.otherText) columns.push(otherTextKey(plan.key));
  }

  const where: Prisma.ResponseWhereInput = {
    version: {
      surveyId: survey.id,
      publishedAt: { not: null },
      ...(filter.versionNumber ? { number: filter.versionNumber } : {}),
    },
    ...(filter.status ? { status: filter.status } : {}),
  };
  const responses = await db.response.findMany({
    where,
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    include: {
      version: { select: { number: true } },
      answers: {
        select: {
          questionId: true,
          ...answerValueColumns,
        },
      },
    },
  });

  const rows = responses.map((response) => {
    const row: ExportRow = {
      response_id: response.id,
      version: response.version.number,
      status: response.status,
      started_at: response.startedAt.toISOString(),
      completed_at: response.completedAt?.toISOString() ?? null,
      locale: response.locale,
    };
    const answers = new Map(
      response.answers.map((a) => [keyOfQuestion.get(a.questionId) ?? "", a] as const),
    );
    for (const plan of plans.values()) {
      const answer = answers.get(plan.key);
      if (plan.type === "MULTIPLE_CHOICE") {
        // Unanswered stays empty rather than 0: "not asked or skipped" is not "not chosen".
        const chosen = answer
          ? answer.choices.length > 0
            ? answer.choices
            : [answer.textValue ?? ""]
          : null;
        for (const option of plan.options) {
          row[`${plan.key}__${option}`] = chosen ? (chosen.includes(option) ? 1 : 0) : null;
        }
      } else if (plan.type === "MATRIX") {
        const points = isMatrixAnswer(answer?.rowValues) ? (answer.rowValues as MatrixAnswer) : {};
        for (const rowKey of plan.rows)
          row[matrixColumn(plan.key, rowKey)] = points[rowKey] ?? null;
      } else if (!answer) {
        row[plan.key] = null;
      } else {
        row[plan.key] =
          answer.numberValue ??
          answer.textValue ??
          (answer.choices.length > 0 ? answer.choices.join(";") : null);
      }
      if (plan.otherText) row[otherTextKey(plan.key)] = answer?.otherText ?? null;
    }
    return row;
  });
  return { surveyTitle: survey.title, columns, rows };
}

const formulaStart = /^[=+\-@\t\r]/;

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return before one) as a
 * formula. Text cells starting so get a leading apostrophe; numbers are never touched, so a
 * numeric answer of -2 stays -2.
 */
export function neutralizeCell(value: ExportCell): ExportCell {
  return typeof value === "string" && formulaStart.test(value) ? `'${value}` : value;
}

export function toCsv(data: ResponseExport): string {
  return Papa.unparse(
    {
      fields: data.columns,
      data: data.rows.map((row) =>
        data.columns.map((column) => neutralizeCell(row[column] ?? null)),
      ),
    },
    { newline: "\r\n" },
  );
}

export function toJson(data: ResponseExport): string {
  return JSON.stringify(
    data.rows.map((row) => Object.fromEntries(data.columns.map((c) => [c, row[c] ?? null]))),
    null,
    2,
  );
}

/** A file name from the survey title: lowercase ASCII words joined by dashes. */
export function exportFileName(title: string, format: "csv" | "json"): string {
  const slug =
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/ß/g, "ss")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "survey";
  return `${slug}-responses.${format}`;
}
