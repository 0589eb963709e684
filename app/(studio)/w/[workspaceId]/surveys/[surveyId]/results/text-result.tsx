// A text question's answers: the themes found in them (people and share with 95 % intervals),
// answers given word for word by several people, and every answer in a list that can be searched
// or narrowed to one theme. Shows the first answers and more on request, so long lists stay quick.
"use client";
import { useId, useMemo, useState } from "react";
import type { TextSummary } from "~/server/analysis/results-summary";
import { ShareTable } from "./share-table";

const PAGE = 25;

export function TextResult({ q }: { q: TextSummary }) {
  const searchId = useId();
  const [search, setSearch] = useState("");
  const [theme, setTheme] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE);
  const chosenTheme = q.themes.find((t) => t.label === theme);
  const matches = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const inTheme = chosenTheme ? new Set(chosenTheme.responseIds) : null;
    return q.answers.filter(
      (a) =>
        (!inTheme || inTheme.has(a.responseId)) &&
        (needle === "" || a.text.toLowerCase().includes(needle)),
    );
  }, [q.answers, search, chosenTheme]);

  return (
    <>
      {q.themes.length > 0 && (
        <ShareTable
          caption={`Themes in ${q.n} answers (an answer can be in several themes)`}
          labelHeading="Theme"
          actionHeading="Show answers"
          rows={q.themes.map((t) => ({
            key: t.label,
            label: t.label,
            count: t.count,
            share: t.share,
            interval: t.interval,
            action: (
              <button
                type="button"
                className="button secondary small"
                aria-pressed={theme === t.label}
                onClick={() => {
                  setTheme(theme === t.label ? null : t.label);
                  setShown(PAGE);
                }}
              >
                {theme === t.label ? "Show all answers" : "Show these answers"}
                <span className="visually-hidden"> ({t.label})</span>
              </button>
            ),
          }))}
        />
      )}
      {q.repeated.length > 0 && (
        <details className="result-repeats">
          <summary>Answers given by more than one person ({q.repeated.length})</summary>
          <ul>
            {q.repeated.slice(0, 20).map((r) => (
              <li key={r.text}>
                “{r.text}” · {r.count} people
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="field result-search">
        <label htmlFor={searchId}>Search the answers</label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setShown(PAGE);
          }}
        />
      </div>
      <p className="muted" role="status">
        {matches.length} of {q.n} answers
        {chosenTheme ? ` in the theme “${chosenTheme.label}”` : ""}
        {search.trim() ? ` containing “${search.trim()}”` : ""}
      </p>
      <ul className="result-answers">
        {matches.slice(0, shown).map((a) => (
          <li key={a.responseId}>{a.text}</li>
        ))}
      </ul>
      {matches.length > shown && (
        <button
          type="button"
          className="button secondary small"
          onClick={() => setShown(shown + PAGE * 4)}
        >
          Show more answers ({matches.length - shown} more)
        </button>
      )}
    </>
  );
}
