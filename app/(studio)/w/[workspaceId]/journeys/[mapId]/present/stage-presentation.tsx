// One journey stage per screen, full window: → / PageDown / Space for the next, ← / PageUp for
// the previous, Home and End, Escape to leave. Focus stays on the slide region so the keys work at
// once; the buttons do the same for mouse and touch, and screen readers hear each new stage.
"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { StageSlide } from "./stage-slides";

export function StagePresentation({
  slides,
  start,
  title,
  filled,
  exitHref,
}: {
  slides: StageSlide[];
  start: number;
  title: string;
  filled: boolean;
  exitHref: string;
}) {
  const router = useRouter();
  const [current, setCurrent] = useState(start);
  const region = useRef<HTMLDivElement>(null);
  const go = useCallback(
    (to: number) => setCurrent(Math.max(0, Math.min(slides.length - 1, to))),
    [slides.length],
  );
  const exit = useCallback(() => router.push(exitHref), [router, exitHref]);

  useEffect(() => {
    region.current?.focus();
  }, []);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const next = ["ArrowRight", "PageDown", " "].includes(event.key);
      const previous = ["ArrowLeft", "PageUp"].includes(event.key);
      if (next) go(current + 1);
      else if (previous) go(current - 1);
      else if (event.key === "Home") go(0);
      else if (event.key === "End") go(slides.length - 1);
      else if (event.key === "Escape") exit();
      else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [current, go, exit, slides.length]);

  const slide = slides[current];
  if (!slide) {
    return (
      <p>
        This map has no stages to present. <a href={exitHref}>Back to the map</a>
      </p>
    );
  }
  return (
    <div
      ref={region}
      className="pa-present"
      role="region"
      aria-roledescription="presentation"
      aria-label={`Stages of ${title}`}
      tabIndex={-1}
    >
      <div className="pa-present-slide" aria-live="polite">
        <p className="jm-present-kicker">
          {title} · stage {current + 1} of {slides.length}
        </p>
        <h2 className="jm-present-title">{slide.name}</h2>
        {slide.description && <p className="pa-present-summary">{slide.description}</p>}
        <div className="pa-present-grid">
          <div>
            <h3>Goals</h3>
            {slide.goals.length > 0 ? (
              <ul>
                {slide.goals.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            ) : (
              <p>None written yet.</p>
            )}
          </div>
          {slide.layers.map((l) => (
            <div key={l.layer}>
              <h3>{l.layer}</h3>
              {l.touchpoints.length > 0 ? (
                <ul>
                  {l.touchpoints.map((t, i) => (
                    <li key={`${i}-${t}`}>{t}</li>
                  ))}
                </ul>
              ) : (
                <p>None.</p>
              )}
            </div>
          ))}
        </div>
        <h3 className="jm-present-sub">Emotion and pain · 95 % intervals</h3>
        {filled ? (
          <table className="table jm-present-table">
            <caption className="visually-hidden">
              Emotion (mean valence −2..+2) and pain severity (index 0–100) at {slide.name}
            </caption>
            <thead>
              <tr>
                <th scope="col">Who</th>
                <th scope="col">Emotion (−2..+2)</th>
                <th scope="col">Pain severity (0–100)</th>
              </tr>
            </thead>
            <tbody>
              {slide.rows.map((r) => (
                <tr key={r.key}>
                  <th scope="row">
                    <span
                      className="ev-swatch"
                      style={{ background: r.colour }}
                      aria-hidden="true"
                    />{" "}
                    {r.name}
                  </th>
                  <td>{r.emotion}</td>
                  <td>{r.pain}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>No analysis run has filled this map yet.</p>
        )}
        {slide.quote && (
          <figure className="jm-present-quote">
            <blockquote className="pa-present-quote">“{slide.quote.text}”</blockquote>
            <figcaption>— {slide.quote.who}</figcaption>
          </figure>
        )}
      </div>
      <nav className="pa-present-bar" aria-label="Presentation">
        <button
          type="button"
          className="button secondary small"
          onClick={() => go(current - 1)}
          disabled={current === 0}
        >
          ← Previous
        </button>
        <span aria-hidden="true">
          {current + 1} / {slides.length}
        </span>
        <button
          type="button"
          className="button secondary small"
          onClick={() => go(current + 1)}
          disabled={current === slides.length - 1}
        >
          Next →
        </button>
        <button type="button" className="button small" onClick={exit}>
          Exit (Esc)
        </button>
        <span className="hint">Keys: ← → PageUp PageDown Home End Esc</span>
      </nav>
    </div>
  );
}
