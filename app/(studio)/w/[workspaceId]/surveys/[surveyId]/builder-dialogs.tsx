// The survey builder's confirmations and its problem list: publish a version, close the survey,
// delete the survey with all its responses (and the panel that offers it), delete a question
// (and the logic that depends on it), and what kept a save from going through.
"use client";
import { ConfirmDialog } from "~/app/_components/confirm-dialog";
import { FormAlert } from "~/app/_components/form-alert";
import { plural } from "~/app/_lib/format";
import type { DraftQuestion, SurveyData } from "./builder-state";
import type { DraftErrors } from "./draft-errors";
import { dependants } from "./question-list-edits";

export function DraftErrorAlert({ errors }: { errors: DraftErrors }) {
  if (errors.count === 0 && errors.general.length === 0) return null;
  return (
    <div className="alert error" role="alert">
      <p>
        {errors.count > 0
          ? `Nothing was saved: ${errors.count} ${errors.count === 1 ? "problem needs" : "problems need"} fixing. They are marked below.`
          : "Nothing was saved."}
      </p>
      {errors.general.length > 0 && (
        <ul>
          {errors.general.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface DialogProps {
  open: boolean;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function PublishDialog({
  editingNumber,
  dirty,
  questionCount,
  ...dialog
}: DialogProps & { editingNumber: number; dirty: boolean; questionCount: number }) {
  return (
    <ConfirmDialog
      {...dialog}
      title={`Publish version ${editingNumber}?`}
      confirmLabel={dialog.busy ? "Publishing…" : dirty ? "Save and publish" : "Publish"}
    >
      <p>
        Respondents will see{" "}
        {questionCount === 1 ? "this question" : `these ${questionCount} questions`} at the public
        link. A published version never changes: edits afterwards prepare version{" "}
        {editingNumber + 1}, and responses stay with the version they answered.
      </p>
    </ConfirmDialog>
  );
}

export function CloseSurveyDialog(dialog: DialogProps) {
  return (
    <ConfirmDialog {...dialog} title="Close this survey?" confirmLabel="Close survey" danger>
      <p>The public link stops taking answers until you reopen the survey. Responses are kept.</p>
    </ConfirmDialog>
  );
}

export function DeleteSurveyDialog({ survey, ...dialog }: DialogProps & { survey: SurveyData }) {
  return (
    <ConfirmDialog
      {...dialog}
      title={`Delete “${survey.meta.title}”?`}
      confirmLabel={dialog.busy ? "Deleting…" : "Delete survey"}
      danger
    >
      <p>
        {survey.versions.length === 1
          ? "Its only version"
          : `All ${survey.versions.length} versions`}{" "}
        and{" "}
        {plural(
          survey.versions.reduce((n, v) => n + v.responseCount, 0),
          "response",
        )}{" "}
        will be deleted.
      </p>
    </ConfirmDialog>
  );
}

interface DeleteQuestionDialogProps {
  pending: DraftQuestion | null;
  questions: DraftQuestion[];
  onConfirm: () => void;
  onCancel: () => void;
}

export function DeleteQuestionDialog({
  pending,
  questions,
  ...actions
}: DeleteQuestionDialogProps) {
  const dependent = pending ? dependants(questions, pending.key).length : 0;
  return (
    <ConfirmDialog
      {...actions}
      open={pending !== null}
      title="Delete this question?"
      confirmLabel="Delete question"
      danger
    >
      <p>
        “{pending?.text.en || pending?.key}” is removed from the draft; published versions keep it.
        {dependent > 0
          ? ` The display logic of ${plural(dependent, "question")} depends on it and is removed too.`
          : ""}
      </p>
    </ConfirmDialog>
  );
}

export function DeleteSurveyPanel({ error, onDelete }: { error?: string; onDelete: () => void }) {
  return (
    <section className="panel danger-zone" aria-labelledby="danger-title">
      <h2 id="danger-title">Delete survey</h2>
      <p className="muted">
        Deletes the survey, all its versions and all responses. This cannot be undone.
      </p>
      <button type="button" className="button danger" onClick={onDelete}>
        Delete survey…
      </button>
      <FormAlert message={error} />
    </section>
  );
}
