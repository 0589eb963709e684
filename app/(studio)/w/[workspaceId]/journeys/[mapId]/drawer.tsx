// A side panel on the native modal <dialog>: focus moves in and stays, Escape closes, focus goes
// back to the button that opened it. Used for editing a stage, its strategy or a touchpoint.
"use client";
import { useEffect, useId, useRef, type ReactNode } from "react";

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
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const opener = document.activeElement as HTMLElement | null;
      dialog.showModal();
      return () => {
        // The opener may have been re-rendered away; then there is nothing to return to.
        if (opener?.isConnected) opener.focus();
      };
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="jm-drawer"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
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
