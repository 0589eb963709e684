// The question list's edits as handlers, with what keyboard users need around them: focus stays
// on the control that was used (or moves somewhere sensible) and each move is announced.
"use client";
import { useEffect, useRef, useState } from "react";
import type { TQuestionType } from "~/server/domain/survey/definition";
import { newQuestion, pagesOf, type Draft, type DraftQuestion } from "./builder-state";
import type { DraftErrors } from "./draft-errors";
import {
  duplicateQuestion,
  insertQuestion,
  moveQuestion,
  moveToPage,
  removeQuestion,
  updateQuestion,
} from "./question-list-edits";

interface Options {
  draft: Draft;
  setDraft: (draft: Draft) => void;
  announce: (text: string) => void;
  /** Called on every edit (clears a stale server refusal). */
  edit: () => void;
}

let sequence = 0;
const localUid = () => `new${Date.now().toString(36)}${(sequence += 1)}`;

export function useQuestionActions({ draft, setDraft, announce, edit }: Options) {
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [pendingDelete, setPendingDelete] = useState<DraftQuestion | null>(null);
  const focusNext = useRef<string[] | null>(null);

  // After the list re-renders, focus the first of the requested elements that can take it.
  useEffect(() => {
    const ids = focusNext.current;
    if (!ids) return;
    focusNext.current = null;
    for (const id of ids) {
      const el = document.getElementById(id) as HTMLButtonElement | null;
      if (el && !el.disabled) {
        el.focus();
        return;
      }
    }
  });

  const questions = draft.questions;
  const apply = (next: DraftQuestion[], focus?: string[]) => {
    edit();
    focusNext.current = focus ?? null;
    setDraft({ ...draft, questions: next });
  };
  const where = (list: DraftQuestion[], uid: string) => {
    const index = list.findIndex((q) => q.uid === uid);
    const q = list[index];
    const page = q ? pagesOf(list).indexOf(q.page) + 1 : 0;
    return `position ${index + 1} of ${list.length}, page ${page}`;
  };

  const handlers = {
    onToggle(uid: string) {
      const next = new Set(expanded);
      if (next.has(uid)) next.delete(uid);
      else {
        next.add(uid);
        focusNext.current = [`q-${uid}-text-en`];
      }
      setExpanded(next);
    },
    onChange(q: DraftQuestion) {
      apply(updateQuestion(questions, q));
    },
    onMove(uid: string, delta: -1 | 1) {
      const next = moveQuestion(questions, uid, delta);
      const dir = delta < 0 ? "up" : "down";
      apply(next, [`q-${uid}-${dir}`, `q-${uid}-${dir === "up" ? "down" : "up"}`]);
      announce(`Moved ${dir} to ${where(next, uid)}.`);
    },
    onMoveToPage(uid: string, page: number) {
      const next = moveToPage(questions, uid, page);
      apply(next, [`q-${uid}-page`]);
      announce(`Moved to ${where(next, uid)}.`);
    },
    onDuplicate(uid: string) {
      const copy = localUid();
      apply(duplicateQuestion(questions, uid, copy), [`q-${copy}-edit`]);
      announce("Duplicated; the copy follows the original.");
    },
    onDelete(uid: string) {
      setPendingDelete(questions.find((q) => q.uid === uid) ?? null);
    },
    onAdd(type: TQuestionType, page: number) {
      const q = newQuestion(
        type,
        page,
        questions.map((x) => x.key),
        localUid(),
      );
      setExpanded(new Set(expanded).add(q.uid));
      const next = insertQuestion(questions, q);
      apply(next, [`q-${q.uid}-text-en`]);
      announce(`Question added at ${where(next, q.uid)}.`);
    },
  };

  return {
    expanded,
    pendingDelete,
    handlers,
    confirmDelete() {
      if (!pendingDelete) return;
      const index = questions.findIndex((q) => q.uid === pendingDelete.uid);
      const next = removeQuestion(questions, pendingDelete.uid);
      const neighbour = next[index] ?? next[index - 1];
      setPendingDelete(null);
      // The dialog hands focus back to the Delete button, which is gone: go to a neighbour.
      requestAnimationFrame(() =>
        document
          .getElementById(neighbour ? `q-${neighbour.uid}-edit` : "add-question-toggle")
          ?.focus(),
      );
      apply(next);
      announce("Question deleted.");
    },
    cancelDelete() {
      setPendingDelete(null);
    },
    expandWithErrors(errors: DraftErrors) {
      const withErrors = Object.keys(errors.questions);
      if (withErrors.length === 0) return;
      setExpanded(new Set([...expanded, ...withErrors]));
      focusNext.current = [`q-${withErrors[0]}-edit`];
    },
  };
}
