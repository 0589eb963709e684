// The column mapping proposed for a response CSV on its first look: which column holds the
// response id, status, dates and language, and which holds each question's answer (by our
// export's column names, then by the original SurveyJS names, then by question text), with a
// column per matrix row, per option of a multiple choice and for the text typed for "Other".
import { otherTextKey } from "~/server/domain/survey/answers";
import type { TQuestionDefinition } from "~/server/domain/survey/definition";
import type { TImportMapping } from "~/server/domain/survey/response-import";
import { normal } from "./response-import-values";

type Question = Pick<TQuestionDefinition, "key" | "type" | "text" | "options" | "settings">;

export function proposeMapping(headers: string[], questions: Question[]): TImportMapping {
  const find = (...names: (string | undefined)[]) => {
    const wanted = names.filter((n): n is string => Boolean(n?.trim())).map(normal);
    return headers.find((h) => wanted.includes(normal(h))) ?? null;
  };
  return {
    responseId: find("response_id", "responseid", "response id", "id"),
    status: find("status"),
    startedAt: find("started_at", "started", "start date", "startdate"),
    completedAt: find("completed_at", "completed", "submitted_at", "end date", "enddate"),
    locale: find("locale", "language", "lang"),
    questions: questions.map((q) => {
      // A survey imported from SurveyJS also finds the columns of data collected with the original.
      const column = find(q.key, q.settings.surveyJs?.name, q.text.en, q.text.de);
      if (q.type === "MATRIX") {
        // One column per row: our export's "<key>__<row>", or the original survey's names.
        const name = q.settings.surveyJs?.name ?? q.key;
        const rowColumns = Object.fromEntries(
          (q.settings.matrix?.rows ?? []).map((r) => {
            const original = r.source ?? r.key;
            return [
              r.key,
              find(
                `${q.key}__${r.key}`,
                `${name}__${original}`,
                `${name}.${original}`,
                `${name}_${original}`,
              ),
            ];
          }),
        );
        return { key: q.key, column: null, optionColumns: rowColumns };
      }
      // The text typed for "Other": our export's `<key>-Comment`, or the original survey's.
      const other = q.settings.otherTextFor
        ? {
            otherColumn: find(
              otherTextKey(q.key),
              q.settings.surveyJs?.name && otherTextKey(q.settings.surveyJs.name),
            ),
          }
        : {};
      if (q.type !== "MULTIPLE_CHOICE") return { key: q.key, column, ...other };
      const optionColumns = Object.fromEntries(
        q.options.map((o) => [o.value, find(`${q.key}__${o.value}`)]),
      );
      return Object.values(optionColumns).some(Boolean)
        ? { key: q.key, column: null, optionColumns, ...other }
        : { key: q.key, column, ...other };
    }),
  };
}

/** Every column a mapping reads: the response's own fields, then each question's columns. */
export function mappedColumns(mapping: TImportMapping): string[] {
  return [
    mapping.responseId,
    mapping.status,
    mapping.startedAt,
    mapping.completedAt,
    mapping.locale,
    ...mapping.questions.flatMap((m) => [
      m.column,
      m.otherColumn ?? null,
      ...Object.values(m.optionColumns ?? {}),
    ]),
  ].filter((c): c is string => c !== null && c !== undefined);
}
