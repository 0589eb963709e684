// One persona per screen, full window: → / PageDown / Space for the next, ← / PageUp for the
// previous, Home and End, Escape to leave. Focus stays on the slide region so the keys work at
// once; the buttons do the same for mouse and touch, and screen readers hear each new slide.
"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatShare } from "~/server/analysis/trait-text";

export interface Slide {
  index: number;
  name: string;
  summary: string;
  avatar: string;
  share: { estimate: number; lower: number; upper: number };
  size: number;
  stability: { label: string; meanJaccard: number | null };
  fields: { key: string; label: string; value: string }[];
  traits: string[];
  quote: string | null;
}

export function Presentation({
  slides,
  start,
  clustered,
  exitHref,
  title,
}: {
  slides: Slide[];
  start: number;
  clustered: number;
  exitHref: string;
  title: string;
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
        No personas to present. <a href={exitHref}>Back</a>
      </p>
    );
  }
  return (
    <div
      ref={region}
      className="pa-present"
      role="region"
      aria-roledescription="presentation"
      aria-label={`Personas of ${title}`}
      tabIndex={-1}
    >
      <div className="pa-present-slide" aria-live="polite">
        <p className="visually-hidden">
          Persona {current + 1} of {slides.length}
        </p>
        <div className="pa-present-head">
          {/* A server-made data URI; decorative, the name is the heading. */}
          <img src={slide.avatar} alt="" width={140} height={140} className="pa-avatar" />
          <div>
            <h2>{slide.name}</h2>
            {slide.summary && <p className="pa-present-summary">{slide.summary}</p>}
            <p>
              {formatShare(slide.share.estimate)} of respondents (n = {slide.size} of {clustered}),
              95 % CI {formatShare(slide.share.lower)}–{formatShare(slide.share.upper)} ·{" "}
              {slide.stability.label}
              {slide.stability.meanJaccard !== null
                ? ` (Jaccard ${slide.stability.meanJaccard.toFixed(2)})`
                : ""}
            </p>
          </div>
        </div>
        <div className="pa-present-grid">
          {slide.fields.map((f) => (
            <div key={f.key}>
              <h3>{f.label}</h3>
              <p className="pa-field-text">{f.value}</p>
            </div>
          ))}
          {slide.traits.length > 0 && (
            <div>
              <h3>What sets them apart</h3>
              <ul>
                {slide.traits.map((t) => (
                  <li key={t}>{t}</li>
                ))}
              </ul>
            </div>
          )}
          {slide.quote && (
            <div>
              <h3>In their words</h3>
              <blockquote className="pa-present-quote">“{slide.quote}”</blockquote>
            </div>
          )}
        </div>
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
