// The background saver of partial answers for one survey, alive while the form is mounted: it
// reports refusals to the form and flushes a pending save when the respondent leaves the page.
"use client";
import { useEffect, useRef } from "react";
import { Autosaver, postResponse, type SendOutcome } from "./send";

type Refusal = Extract<SendOutcome, { kind: "refused" }>;

export function useAutosaver(slug: string, onRefused: (refusal: Refusal) => void) {
  const autosaver = useRef<Autosaver | null>(null);
  // The latest handler, so a new render's closure is used without restarting the saver.
  const refused = useRef(onRefused);
  useEffect(() => {
    refused.current = onRefused;
  });

  useEffect(() => {
    const saver = new Autosaver(postResponse, slug, (refusal) => refused.current(refusal));
    autosaver.current = saver;
    // Leaving within the debounce must not lose the page just finished.
    const flush = () => saver.flushOnExit();
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      void saver.stop();
    };
  }, [slug]);

  return autosaver;
}
