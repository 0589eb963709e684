// What the preview tells about a file's choice columns before anything is stored: each column's
// distinct values, where the mapping sends them and which option a variant spelling probably
// means (the recoding step), and how leaving out the rows with problems changes each option's
// share (the bias report). Pure: plain rows in, plain figures out.
import type { TQuestionDefinition } from "~/server/domain/survey/definition";
import {
  maxRecodedValues,
  type BiasColumn,
  type RecodeColumn,
  type TImportMapping,
} from "~/server/domain/survey/response-import";
import type { ParsedCsv } from "./response-import-csv";
import { decodeCell } from "./response-import-csv";
import type { InterpretedRow } from "./response-import-rows";
import { isChoiceAnswer, resolveChoice, suggestOption } from "./response-import-values";

type Question = Pick<TQuestionDefinition, "key" | "type" | "text" | "options" | "settings">;

const isChoice = (q: Question) => q.type === "SINGLE_CHOICE" || q.type === "MULTIPLE_CHOICE";

/** Per choice question read from one column: its distinct values, most frequent first. */
export function recodingColumns(
  parsed: ParsedCsv,
  mapping: TImportMapping,
  questions: Question[],
  isMissing: (cell: string) => boolean,
): RecodeColumn[] {
  const index = new Map(parsed.headers.map((h, i) => [h, i]));
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const columns: RecodeColumn[] = [];
  for (const entry of mapping.questions) {
    const q = byKey.get(entry.key);
    if (!q || !isChoice(q) || entry.column === null || entry.optionColumns) continue;
    const at = index.get(entry.column) ?? -1;
    const counts = new Map<string, number>();
    for (const { cells } of parsed.rows) {
      const text = decodeCell(cells[at]);
      const parts = q.type === "MULTIPLE_CHOICE" ? text.split(/[;|,]/) : [text];
      for (const part of new Set(parts.map((p) => p.trim()))) {
        if (!isChoiceAnswer(q, entry, part, isMissing)) continue;
        counts.set(part, (counts.get(part) ?? 0) + 1);
      }
    }
    const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    columns.push({
      key: q.key,
      column: entry.column,
      truncated: sorted.length > maxRecodedValues,
      values: sorted.slice(0, maxRecodedValues).map(([value, count]) => {
        const resolved = resolveChoice(q, entry, value);
        return {
          value,
          count,
          option: resolved.option,
          how: resolved.how,
          suggestion: resolved.how === "exact" ? null : suggestOption(q, value),
        };
      }),
    });
  }
  return columns;
}

/**
 * The mapping with a recode entry for every value that has a suggestion and no decision yet:
 * what the first preview proposes. Nothing is stored until the import runs.
 */
export function withSuggestedRecodes(
  mapping: TImportMapping,
  columns: RecodeColumn[],
): TImportMapping {
  return {
    ...mapping,
    questions: mapping.questions.map((entry) => {
      const column = columns.find((c) => c.key === entry.key);
      const suggested = (column?.values ?? []).filter((v) => v.how === "none" && v.suggestion);
      if (suggested.length === 0) return entry;
      return {
        ...entry,
        recode: {
          ...entry.recode,
          ...Object.fromEntries(suggested.map((v) => [v.value, v.suggestion])),
        },
      };
    }),
  };
}

/**
 * For each choice question, each option's share among the rows answering it, in the whole file
 * and among the rows without problems (the rows "skip rows with problems" would keep). For
 * multiple choice a share is the fraction of respondents naming the option, so they can add up
 * to more than 100 %. Answers naming no option count in the file's n, not in any option.
 */
export function biasReport(
  rows: Pick<InterpretedRow, "choices" | "errors">[],
  mapping: TImportMapping,
  questions: Question[],
): BiasColumn[] {
  const mapped = new Set(
    mapping.questions
      .filter((m) => m.column !== null || Object.values(m.optionColumns ?? {}).some(Boolean))
      .map((m) => m.key),
  );
  return questions
    .filter((q) => isChoice(q) && mapped.has(q.key))
    .map((q) => {
      let fileN = 0;
      let importedN = 0;
      let unmatchedCount = 0;
      const fileCounts = new Map<string, number>();
      const importedCounts = new Map<string, number>();
      for (const row of rows) {
        const answer = row.choices[q.key];
        if (!answer) continue;
        const kept = row.errors.length === 0;
        fileN += 1;
        if (answer.unmatched > 0) unmatchedCount += 1;
        if (kept) importedN += 1;
        for (const option of answer.options) {
          fileCounts.set(option, (fileCounts.get(option) ?? 0) + 1);
          if (kept) importedCounts.set(option, (importedCounts.get(option) ?? 0) + 1);
        }
      }
      const shares = q.options.map((o) => {
        const fileCount = fileCounts.get(o.value) ?? 0;
        const importedCount = importedCounts.get(o.value) ?? 0;
        return {
          option: o.value,
          label: o.label.en,
          fileCount,
          importedCount,
          fileShare: fileN > 0 ? fileCount / fileN : null,
          importedShare: importedN > 0 ? importedCount / importedN : null,
        };
      });
      const largestShift = Math.max(
        0,
        ...shares.map((s) =>
          s.fileShare === null || s.importedShare === null
            ? 0
            : Math.abs(s.importedShare - s.fileShare) * 100,
        ),
      );
      return {
        key: q.key,
        text: q.text.en,
        fileN,
        importedN,
        shares,
        unmatchedCount,
        largestShift,
      };
    });
}
