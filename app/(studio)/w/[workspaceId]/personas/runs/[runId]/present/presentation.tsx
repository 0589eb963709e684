// One persona per screen, full window: → / PageDown / Space for the next, ← / PageUp for the
// previous, Home and End, Escape to leave (the keys and the bar: app/_components/slide-deck.tsx);
// screen readers hear each new slide.
"use client";
import { SlideDeckFrame, useSlideDeck } from "~/app/_components/slide-deck";
import { formatShare } from "~/server/analysis/trait-text";
import {
  stabilityText,
  type StabilityFigures,
} from "~/app/(studio)/w/[workspaceId]/personas/run-format";

export interface Slide {
  index: number;
  name: string;
  summary: string;
  avatar: string;
  share: { estimate: number; lower: number; upper: number };
  size: number;
  stability: StabilityFigures;
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
  const deck = useSlideDeck(slides.length, start, exitHref);
  const { current } = deck;

  const slide = slides[current];
  if (!slide) {
    return (
      <p>
        No personas to present. <a href={exitHref}>Back</a>
      </p>
    );
  }
  return (
    <SlideDeckFrame deck={deck} label={`Personas of ${title}`}>
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
            {formatShare(slide.share.estimate)} of respondents (n = {slide.size} of {clustered}), 95
            % CI {formatShare(slide.share.lower)}–{formatShare(slide.share.upper)} ·{" "}
            {stabilityText(slide.stability)}
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
    </SlideDeckFrame>
  );
}
