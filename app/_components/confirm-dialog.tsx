// A modal confirmation on the native <dialog>: focus moves in and is trapped, Escape cancels,
// focus returns to the button that opened it.
"use client";
import { useId, type ReactNode } from "react";
import { useModalDialog } from "./use-modal-dialog";

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** Destructive actions start with focus on Cancel and show the confirm button in red. */
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel = "Cancel",
  danger = false,
  busy = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  // While the action runs, Escape must not dismiss the dialog under it.
  const dialogProps = useModalDialog(open, () => {
    if (!busy) onCancel();
  });
  const titleId = useId();
  const bodyId = useId();

  return (
    <dialog
      {...dialogProps}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
    >
      {open && (
        <>
          <h2 id={titleId}>{title}</h2>
          <div id={bodyId} className="confirm-dialog-body">
            {children}
          </div>
          <div className="row confirm-dialog-actions">
            <button
              type="button"
              className={danger ? "button danger" : "button"}
              autoFocus={!danger}
              disabled={busy}
              onClick={onConfirm}
            >
              {confirmLabel}
            </button>
            <button
              type="button"
              className="button secondary"
              autoFocus={danger}
              disabled={busy}
              onClick={onCancel}
            >
              {cancelLabel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
