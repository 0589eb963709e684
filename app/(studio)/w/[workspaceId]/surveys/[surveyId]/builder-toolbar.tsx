// The builder's sticky toolbar: whether everything is saved, Save, and Publish.
"use client";

interface BuilderToolbarProps {
  dirty: boolean;
  saving: boolean;
  publishing: boolean;
  editingNumber: number;
  unpublished: boolean;
  hasQuestions: boolean;
  onSave: () => void;
  onPublish: () => void;
}

export function BuilderToolbar(props: BuilderToolbarProps) {
  const { dirty, saving, publishing } = props;
  const state = saving
    ? "Saving…"
    : dirty
      ? "Unsaved changes"
      : props.unpublished
        ? `All changes saved · draft of version ${props.editingNumber}`
        : "All changes saved · no unpublished changes";
  return (
    <div className="builder-toolbar" role="region" aria-label="Save and publish">
      <p className={`save-state${dirty ? " dirty" : ""}`} role="status">
        <span className="dot" aria-hidden="true" />
        {state}
      </p>
      <div className="row">
        <button
          type="button"
          className="button secondary"
          disabled={!dirty || saving || publishing}
          onClick={props.onSave}
        >
          {saving ? "Saving…" : "Save draft"}
        </button>
        <button
          type="button"
          className="button"
          disabled={!props.unpublished || !props.hasQuestions || saving || publishing}
          title={props.hasQuestions ? undefined : "Add a question first"}
          onClick={props.onPublish}
        >
          {publishing ? "Publishing…" : `Publish version ${props.editingNumber}`}
        </button>
      </div>
    </div>
  );
}
