// "Every number opens its evidence": a number shown as a button that opens a popover with how
// many answers it rests on, its interval, the test behind it and a link to the responses. The
// native popover API: keyboard and Escape work without script, the card sits in the top layer
// (never clipped by the scrolling grid) and closes when someone clicks elsewhere. Where the
// browser supports anchor positioning the card opens next to its number, otherwise centred.
"use client";
import Link from "next/link";
import { useId, type CSSProperties, type ReactNode } from "react";

export interface EvidenceFact {
  term: string;
  value: ReactNode;
}

export function EvidenceDetails({
  summary,
  label,
  facts,
  href,
  linkText = "Open the responses behind it",
  children,
}: {
  /** What the button shows: the number itself. */
  summary: ReactNode;
  /** Said before the number and used as the card's title, e.g. "Emotion of X at Purchase". */
  label: string;
  facts: EvidenceFact[];
  href?: string;
  linkText?: string;
  children?: ReactNode;
}) {
  const id = `ev-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const anchor = `--${id}`;
  return (
    <>
      <button
        type="button"
        className="ev-number"
        popoverTarget={id}
        style={{ anchorName: anchor } as CSSProperties}
      >
        <span className="visually-hidden">{label}: </span>
        {summary}
      </button>
      <div
        id={id}
        popover="auto"
        role="dialog"
        aria-label={label}
        className="ev-popover"
        style={{ positionAnchor: anchor } as CSSProperties}
      >
        <div className="ev-popover-head">
          <p className="ev-popover-title">{label}</p>
          <button
            type="button"
            className="button secondary small"
            popoverTarget={id}
            popoverTargetAction="hide"
          >
            Close
          </button>
        </div>
        <dl className="ev-facts">
          {facts.map((f) => (
            <div key={f.term}>
              <dt>{f.term}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
        {children}
        {href && (
          <p className="ev-popover-link">
            <Link href={href}>{linkText}</Link>
          </p>
        )}
      </div>
    </>
  );
}

/** Answers per level as one line: "Very negative 31 · Negative 54 · …". */
export function distributionText(levels: { label: string; count: number }[]): string {
  return levels.map((l) => `${l.label} ${l.count}`).join(" · ");
}
