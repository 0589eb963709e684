// The body of a matrix question: a real table, one row per statement and one column per scale
// point, each row its own group of native radios (arrow keys move within a row, Tab moves to
// the next row). Every radio is named by its row and its column, so a screen reader says
// "Checkout speed, 4". On phones the stylesheet turns each row into a card with the point words
// next to the radios (see .matrix in respondent.css).
"use client";
import type { AnswerValue } from "~/server/domain/survey/answers";
import type { TLocale } from "~/server/domain/survey/definition";
import {
  defaultMatrixEnds,
  isMatrixAnswer,
  matrixPoints,
  matrixRows,
  type MatrixAnswer,
} from "~/server/domain/survey/matrix";
import { localize } from "~/app/s/[slug]/i18n";
import type { RespondentQuestion } from "./flow";

interface MatrixFieldProps {
  question: RespondentQuestion;
  locale: TLocale;
  /** The field's id prefix (`q-<key>`), shared with the fieldset around it. */
  id: string;
  value: AnswerValue | undefined;
  invalid: boolean;
  onChange: (value: MatrixAnswer) => void;
}

/** The words of each scale point: its own label, else the scale's end words on the ends. */
function pointWords(question: RespondentQuestion, locale: TLocale) {
  const points = matrixPoints(question);
  const min = question.settings.minLabel ?? defaultMatrixEnds.min;
  const max = question.settings.maxLabel ?? defaultMatrixEnds.max;
  return points.map((point, i) => {
    const own = localize(point.label, locale);
    const end =
      i === 0 ? localize(min, locale) : i === points.length - 1 ? localize(max, locale) : "";
    return { value: point.value, number: String(point.value), words: own || end };
  });
}

export function MatrixField({ question, locale, id, value, invalid, onChange }: MatrixFieldProps) {
  const answer: MatrixAnswer = isMatrixAnswer(value) ? value : {};
  const points = pointWords(question, locale);
  return (
    <table className="matrix">
      <thead>
        <tr>
          <td />
          {points.map((p) => (
            <th scope="col" id={`${id}-point-${p.value}`} key={p.value}>
              <span className="matrix-number">{p.number}</span>
              {p.words && <span className="matrix-words">{p.words}</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {matrixRows(question).map((row) => {
          const rowId = `${id}-row-${row.key}`;
          return (
            <tr key={row.key}>
              <th scope="row" id={rowId}>
                {localize(row.label, locale)}
              </th>
              {points.map((p) => (
                <td key={p.value}>
                  <label className="matrix-cell">
                    <input
                      type="radio"
                      name={`${id}-${row.key}`}
                      value={String(p.value)}
                      checked={answer[row.key] === p.value}
                      onChange={() => onChange({ ...answer, [row.key]: p.value })}
                      aria-labelledby={`${rowId} ${id}-point-${p.value}`}
                      aria-invalid={invalid && answer[row.key] === undefined ? true : undefined}
                    />
                    <span className="matrix-cell-words" aria-hidden="true">
                      {p.number}
                      {p.words ? ` · ${p.words}` : ""}
                    </span>
                  </label>
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
