// A small "?" button next to a statistic that opens its plain-words meaning from the one
// dictionary (glossary-terms.ts). The native popover API: the button is a real <button> in the
// tab order, Enter or Space opens it, Escape or a click elsewhere closes it, and the card sits in
// the top layer. The button's accessible name says which term it explains.
"use client";
import { useId, type CSSProperties } from "react";
import { glossary, type GlossaryKey } from "./glossary-terms";

export function Glossary({ term }: { term: GlossaryKey }) {
  const entry = glossary[term];
  const id = `gl-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const anchor = `--${id}`;
  return (
    <>
      <button
        type="button"
        className="glossary-button"
        popoverTarget={id}
        aria-label={`What is ${entry.name}?`}
        style={{ anchorName: anchor } as CSSProperties}
      >
        ?
      </button>
      <span
        id={id}
        popover="auto"
        className="glossary-popover"
        style={{ positionAnchor: anchor } as CSSProperties}
      >
        <strong>{entry.name}</strong> {entry.text}
      </span>
    </>
  );
}
