// One question in the builder's list: a summary (text, type, role, stage, logic) with the
// actions researchers need (edit, move up and down, duplicate, delete), all plain buttons so the
// keyboard reaches everything; strategists see the summary only.
"use client";
import {
  questionRoleLabels,
  questionTypeLabels,
  type TQuestionDefinition,
} from "~/server/domain/survey/definition";
import type { DraftQuestion } from "./builder-state";
import { QuestionEditor, type QuestionEditorProps } from "./question-editor";
import { logicSummary, scaleSummary } from "./question-labels";

interface QuestionCardProps extends Omit<QuestionEditorProps, "question"> {
  question: DraftQuestion;
  number: number;
  total: number;
  all: TQuestionDefinition[];
  canEdit: boolean;
  expanded: boolean;
  isFirst: boolean;
  isLast: boolean;
  onToggle: () => void;
  onMove: (delta: -1 | 1) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

export function QuestionCard(props: QuestionCardProps) {
  const { question: q, canEdit, expanded, errors } = props;
  const id = `q-${q.uid}`;
  const title = q.text.en.trim() || "Untitled question";
  const stage = props.stages.find((s) => s.id === q.stageId);
  const logic = logicSummary(q.logic, props.all);
  const errorCount = Object.values(errors).flat().length;
  const scale = scaleSummary(q);

  return (
    <li
      className={`question-card${expanded ? " expanded" : ""}${errorCount ? " has-errors" : ""}`}
      aria-labelledby={`${id}-title`}
    >
      <div className="question-head">
        <span className="question-number" aria-hidden="true">
          {props.number}
        </span>
        <div className="question-summary">
          <h4 id={`${id}-title`} className="question-title">
            <span className="visually-hidden">Question {props.number}: </span>
            {title}
            {q.required && (
              <span className="required-mark" title="Required">
                *<span className="visually-hidden"> (required)</span>
              </span>
            )}
          </h4>
          {!canEdit && q.text.de && (
            <p className="muted question-de" lang="de">
              {q.text.de}
            </p>
          )}
          <p className="question-meta">
            <span className="badge badge-muted">{questionTypeLabels[q.type]}</span>
            <span className="badge">{questionRoleLabels[q.role]}</span>
            {stage && <span className="badge badge-stage">Stage: {stage.name}</span>}
            <code className="key">{q.key}</code>
          </p>
          {logic && <p className="hint logic-summary">{logic}</p>}
          {!canEdit && (scale || q.options.length > 0) && (
            <p className="hint">
              {q.options.length > 0 ? q.options.map((o) => o.label.en).join(" · ") : scale}
            </p>
          )}
          {errorCount > 0 && !expanded && (
            <p className="field-error">
              {errorCount === 1 ? "1 problem" : `${errorCount} problems`}: open the question to fix.
            </p>
          )}
          {errors[""] && <p className="field-error">{errors[""].join(" ")}</p>}
        </div>
        {canEdit && (
          <div className="question-actions" role="group" aria-label={`Question ${props.number}`}>
            <button
              type="button"
              id={`${id}-edit`}
              className="button secondary small"
              aria-expanded={expanded}
              aria-controls={`${id}-editor`}
              onClick={props.onToggle}
            >
              {expanded ? "Done" : "Edit"}
              <span className="visually-hidden"> question {props.number}</span>
            </button>
            <button
              type="button"
              id={`${id}-up`}
              className="button secondary small icon"
              aria-label={`Move question ${props.number} up`}
              disabled={props.isFirst}
              onClick={() => props.onMove(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              id={`${id}-down`}
              className="button secondary small icon"
              aria-label={`Move question ${props.number} down`}
              disabled={props.isLast}
              onClick={() => props.onMove(1)}
            >
              ↓
            </button>
            <button
              type="button"
              id={`${id}-duplicate`}
              className="button secondary small"
              onClick={props.onDuplicate}
            >
              Duplicate<span className="visually-hidden"> question {props.number}</span>
            </button>
            <button
              type="button"
              id={`${id}-delete`}
              className="button danger small"
              onClick={props.onDelete}
            >
              Delete<span className="visually-hidden"> question {props.number}</span>
            </button>
          </div>
        )}
      </div>
      {canEdit && expanded && <QuestionEditor {...props} />}
    </li>
  );
}
