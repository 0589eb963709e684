// A side panel on the native modal <dialog>: focus moves in and stays, Escape closes, focus goes
// back to the button that opened it. Used for editing a stage, its strategy or a touchpoint.
"use client";
import { useId, type ReactNode } from "react";
import { useModalDialog } from "~/app/_components/use-modal-dialog";

export function Drawer({
  open,
  title,
  description,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  description?: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialogProps = useModalDialog(open, onClose);
  const titleId = useId();

  return (
    <dialog {...dialogProps} className="jm-drawer" aria-labelledby={titleId}>
      {open && (
        <>
          <div className="jm-drawer-head">
            <div>
              <h2 id={titleId}>{title}</h2>
              {description && <p className="hint">{description}</p>}
            </div>
            <button type="button" className="button secondary small" onClick={onClose}>
              Close<span className="visually-hidden"> {title}</span>
            </button>
          </div>
          {children}
        </>
      )}
    </dialog>
  );
}
