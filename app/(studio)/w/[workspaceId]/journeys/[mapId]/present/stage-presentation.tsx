// One journey stage per screen, full window: → / PageDown / Space for the next, ← / PageUp for
// the previous, Home and End, Escape to leave (keys and bar: app/_components/slide-deck.tsx);
// screen readers hear each new stage.
"use client";
import { SlideDeckFrame, useSlideDeck } from "~/app/_components/slide-deck";
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
  const deck = useSlideDeck(slides.length, start, exitHref);
  const { current } = deck;

  const slide = slides[current];
  if (!slide) {
    return (
      <p>
        This map has no stages to present. <a href={exitHref}>Back to the map</a>
      </p>
    );
  }
  return (
    <SlideDeckFrame deck={deck} label={`Stages of ${title}`}>
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
                  <span className="ev-swatch" style={{ background: r.colour }} aria-hidden="true" />{" "}
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
    </SlideDeckFrame>
  );
}
