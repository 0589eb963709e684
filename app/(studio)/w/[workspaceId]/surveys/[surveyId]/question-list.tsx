// The questions grouped by page, in survey order, with the type picker at the end.
"use client";
import type { TQuestionType } from "~/server/domain/survey/definition";
import { pagesOf, type DraftQuestion } from "./builder-state";
import { AddQuestion } from "./add-question";
import { QuestionCard } from "./question-card";

interface QuestionListProps {
  questions: DraftQuestion[];
  canEdit: boolean;
  german: boolean;
  stages: { id: string; name: string }[];
  hasJourney: boolean;
  expanded: Set<string>;
  errors: Record<string, Record<string, string[]>>;
  onToggle: (uid: string) => void;
  onChange: (q: DraftQuestion) => void;
  onMove: (uid: string, delta: -1 | 1) => void;
  onMoveToPage: (uid: string, page: number) => void;
  onDuplicate: (uid: string) => void;
  onDelete: (uid: string) => void;
  onAdd: (type: TQuestionType, page: number) => void;
}

export function QuestionList(props: QuestionListProps) {
  const { questions } = props;
  const pages = pagesOf(questions);
  const noErrors: Record<string, string[]> = {};

  return (
    <section className="panel" aria-labelledby="questions-title">
      <div className="panel-head">
        <h2 id="questions-title">Questions</h2>
        <span className="muted">
          {questions.length} {questions.length === 1 ? "question" : "questions"} on {pages.length}{" "}
          {pages.length === 1 ? "page" : "pages"}
        </span>
      </div>
      {questions.length === 0 && (
        <p className="muted">
          No questions yet.{" "}
          {props.canEdit ? "Add the first one below." : "Researchers have not added any yet."}
        </p>
      )}
      {pages.map((page, pageIndex) => {
        const onPage = questions.filter((q) => q.page === page);
        return (
          <section key={page} className="page-group" aria-labelledby={`page-${page}-title`}>
            <h3 id={`page-${page}-title`} className="page-title">
              Page {pageIndex + 1}
            </h3>
            <ol className="question-list">
              {onPage.map((q) => {
                const index = questions.indexOf(q);
                return (
                  <QuestionCard
                    key={q.uid}
                    question={q}
                    number={index + 1}
                    total={questions.length}
                    all={questions}
                    earlier={questions.slice(0, index)}
                    canEdit={props.canEdit}
                    german={props.german}
                    stages={props.stages}
                    hasJourney={props.hasJourney}
                    pages={pages}
                    expanded={props.expanded.has(q.uid)}
                    errors={props.errors[q.uid] ?? noErrors}
                    isFirst={index === 0}
                    isLast={index === questions.length - 1}
                    onToggle={() => props.onToggle(q.uid)}
                    onChange={props.onChange}
                    onMove={(delta) => props.onMove(q.uid, delta)}
                    onMoveToPage={(p) => props.onMoveToPage(q.uid, p)}
                    onDuplicate={() => props.onDuplicate(q.uid)}
                    onDelete={() => props.onDelete(q.uid)}
                  />
                );
              })}
            </ol>
          </section>
        );
      })}
      {props.canEdit && <AddQuestion pages={pages} onAdd={props.onAdd} />}
    </section>
  );
}
