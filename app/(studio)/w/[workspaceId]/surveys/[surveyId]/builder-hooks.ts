// Small browser behaviours of the survey builder: a polite live region that reads out what an
// action did, and the browser's warning before leaving with unsaved changes.
"use client";
import { useEffect, useRef, type RefObject } from "react";

/** A ref for a live region and a function that says something through it. */
export function useAnnouncer(): [RefObject<HTMLParagraphElement | null>, (text: string) => void] {
  const announcer = useRef<HTMLParagraphElement>(null);
  const announce = (text: string) => {
    // Cleared first so that the same words twice are read twice.
    if (announcer.current) announcer.current.textContent = "";
    requestAnimationFrame(() => announcer.current && (announcer.current.textContent = text));
  };
  return [announcer, announce];
}

/** While `dirty`, leaving or reloading the page asks first. */
export function useLeaveWarning(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
}
