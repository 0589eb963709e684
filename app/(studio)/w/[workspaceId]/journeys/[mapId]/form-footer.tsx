// The foot of the map editor's side-panel forms (stage, touchpoint): Save and Cancel, and, for
// something that exists, a delete that asks inline first and goes back to asking when the
// server refuses.
"use client";
import { useState, type ReactNode } from "react";

interface Deletion {
  /** The first button, e.g. "Delete this stage". */
  openLabel: string;
  /** The accessible name of the confirmation group. */
  groupLabel: string;
  /** The button that really deletes. */
  confirmLabel: ReactNode;
  /** What will be lost, shown above the buttons; without it the buttons stand alone. */
  prompt?: ReactNode;
  /** Deletes; true when it went through. */
  run: () => Promise<boolean>;
}

interface FormFooterProps {
  busy: boolean;
  saveLabel: string;
  onDone: () => void;
  deletion?: Deletion;
}

export function FormFooter({ busy, saveLabel, onDone, deletion }: FormFooterProps) {
  return (
    <>
      <div className="row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Saving…" : saveLabel}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
      {deletion && <DeleteConfirm busy={busy} onDone={onDone} {...deletion} />}
    </>
  );
}

function DeleteConfirm({
  busy,
  onDone,
  openLabel,
  groupLabel,
  confirmLabel,
  prompt,
  run,
}: Deletion & { busy: boolean; onDone: () => void }) {
  const [confirming, setConfirming] = useState(false);
  async function remove() {
    if (await run()) onDone();
    else setConfirming(false);
  }
  const buttons = (
    <>
      <button type="button" className="button danger" disabled={busy} onClick={() => void remove()}>
        {confirmLabel}
      </button>
      <button
        type="button"
        className="button secondary"
        autoFocus
        onClick={() => setConfirming(false)}
      >
        Keep it
      </button>
    </>
  );
  return (
    <div className="jm-danger">
      {!confirming ? (
        <button type="button" className="button danger small" onClick={() => setConfirming(true)}>
          {openLabel}
        </button>
      ) : prompt ? (
        <div role="group" aria-label={groupLabel} className="form">
          {prompt}
          <div className="row">{buttons}</div>
        </div>
      ) : (
        <div role="group" aria-label={groupLabel} className="row">
          {buttons}
        </div>
      )}
    </div>
  );
}
