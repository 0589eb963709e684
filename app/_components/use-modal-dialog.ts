// Drives a native modal <dialog> from an `open` flag: showModal() moves focus in and traps it,
// Escape asks the owner to close instead of closing on its own (so React state stays the truth),
// and on close focus goes back to whatever had it before the dialog opened.
"use client";
import { useEffect, useRef, type SyntheticEvent } from "react";

export function useModalDialog(open: boolean, requestClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);

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

  // Spread onto the <dialog>: the ref plus an Escape handler that defers to the owner.
  return {
    ref,
    onCancel: (event: SyntheticEvent<HTMLDialogElement>) => {
      event.preventDefault();
      requestClose();
    },
  };
}
