// A read-only value (a link) with a Copy button; falls back to selecting the text where the
// clipboard is blocked, and says what happened.
"use client";
import { useState } from "react";

export function CopyField({
  id,
  label,
  value,
  hint,
}: {
  id: string;
  label: string;
  value: string;
  hint?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "select">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      setState("select");
    }
  }

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} readOnly value={value} onFocus={(e) => e.target.select()} />
        <button type="button" className="button secondary" onClick={() => void copy()}>
          Copy<span className="visually-hidden"> {label.toLowerCase()}</span>
        </button>
      </div>
      <span className="hint" role="status">
        {state === "copied"
          ? "Copied to the clipboard."
          : state === "select"
            ? "The clipboard is blocked here: the link is selected, press Ctrl+C (⌘C) to copy."
            : hint}
      </span>
    </div>
  );
}
