// The type picker: a disclosure with one button per question type and the page to add to.
"use client";
import { useState } from "react";
import {
  questionTypeLabels,
  questionTypes,
  type TQuestionType,
} from "~/server/domain/survey/definition";

const typeHints: Record<TQuestionType, string> = {
  SINGLE_CHOICE: "Pick one option.",
  MULTIPLE_CHOICE: "Pick any number of options.",
  LIKERT: "Agree or disagree on 5 or 7 points.",
  RATING: "0 to 10, optionally as Net Promoter Score.",
  EMOTION: "Very negative to very positive, with faces.",
  PAIN: "How much trouble, from none to severe.",
  NUMBER: "A number, optionally within bounds.",
  SHORT_TEXT: "One line of text.",
  LONG_TEXT: "A paragraph: thoughts, reasons, stories.",
  MATRIX: "Several statements or touchpoints rated on one scale.",
};

export function AddQuestion({
  pages,
  onAdd,
}: {
  pages: number[];
  onAdd: (type: TQuestionType, page: number) => void;
}) {
  const [open, setOpen] = useState(false);
  const last = pages.length > 0 ? Math.max(...pages) : 0;
  const [page, setPage] = useState<number | null>(null);
  const target = page ?? last;
  const newPage = pages.length > 0 ? last + 1 : 0;

  return (
    <div
      className="add-question"
      onKeyDown={(e) => {
        if (e.key === "Escape" && open) {
          setOpen(false);
          document.getElementById("add-question-toggle")?.focus();
        }
      }}
    >
      <button
        type="button"
        id="add-question-toggle"
        className="button"
        aria-expanded={open}
        aria-controls="add-question-panel"
        onClick={() => setOpen(!open)}
      >
        {open ? "Close question types" : "Add question"}
      </button>
      {open && (
        <div id="add-question-panel" className="add-question-panel">
          <div className="field">
            <label htmlFor="add-question-page">Add to</label>
            <select
              id="add-question-page"
              value={target}
              onChange={(e) => setPage(Number(e.target.value))}
            >
              {pages.map((p, i) => (
                <option key={p} value={p}>
                  Page {i + 1}
                </option>
              ))}
              {newPage <= 99 && <option value={newPage}>A new page at the end</option>}
            </select>
          </div>
          <ul className="type-grid" aria-label="Question types">
            {questionTypes.map((t) => (
              <li key={t}>
                <button
                  type="button"
                  className="type-button"
                  aria-describedby={`type-hint-${t}`}
                  onClick={() => {
                    onAdd(t, target);
                    setOpen(false);
                    setPage(null);
                  }}
                >
                  <strong>{questionTypeLabels[t]}</strong>
                  <span id={`type-hint-${t}`} className="hint">
                    {typeHints[t]}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
