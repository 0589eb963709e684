// "What they say": a persona's free-text answers summarised per question (the run's
// personas[].texts, server/analysis/persona-texts.ts): themes with the share of respondents and
// its 95 % interval, two or three quotes each, and the tone as shares with intervals. Renders
// nothing for runs stored before texts existed or surveys without free text.
import Link from "next/link";
import type { PersonaTexts, TextQuestionSummary } from "~/server/analysis/result";
import { formatShare } from "~/server/analysis/trait-text";
import { okabeIto } from "../charts/palette";

const THEMES_SHOWN = 5;
const QUOTES_SHOWN = 2;
const TONES = [
  { key: "negative", colour: okabeIto.vermillion },
  { key: "neutral", colour: "#b8bfca" },
  { key: "positive", colour: okabeIto.bluishGreen },
] as const;

function interval(s: { share: number; lower: number; upper: number }): string {
  return `${formatShare(s.share)} (95 % CI ${formatShare(s.lower)}–${formatShare(s.upper)})`;
}

function Tone({ q }: { q: TextQuestionSummary }) {
  const tone = q.tone;
  if (!tone) return <p className="pa-note">{q.toneNote ?? "No tone shown."}</p>;
  return (
    <>
      <p>
        <strong>Tone</strong> (n = {tone.n},{" "}
        {tone.lean === "neutral" ? "no clear lean" : `leans ${tone.lean}`}):{" "}
        {TONES.map((t) => `${t.key} ${interval(tone[t.key])}`).join(" · ")}
      </p>
      <span className="pa-tone-bar" aria-hidden="true">
        {TONES.map((t) => (
          <span
            key={t.key}
            style={{ width: `${(tone[t.key].share * 100).toFixed(2)}%`, background: t.colour }}
          />
        ))}
      </span>
      {q.toneNote && <p className="pa-note">{q.toneNote}</p>}
    </>
  );
}

function Question({ q, responsesBase }: { q: TextQuestionSummary; responsesBase: string }) {
  if (q.insufficient) {
    return (
      <>
        <h3>{q.questionLabel}</h3>
        <p className="pa-note">{q.note ?? `Insufficient evidence (n = ${q.n}).`}</p>
      </>
    );
  }
  return (
    <>
      <h3>
        {q.questionLabel} <span className="hint">(n = {q.n} respondents)</span>
      </h3>
      <Tone q={q} />
      {q.themes.length > 0 ? (
        <ol className="pa-says">
          {q.themes.slice(0, THEMES_SHOWN).map((t, i) => (
            <li key={`${i}:${t.label}`}>
              <strong>{t.label}</strong>: {t.n} of {q.n}, {interval(t)}
              {t.quotes.slice(0, QUOTES_SHOWN).map((quote) => (
                <figure key={quote.responseId} className="pa-quote">
                  <blockquote>{quote.text}</blockquote>
                  <figcaption>
                    response{" "}
                    <Link href={`${responsesBase}/${quote.responseId}`}>
                      <code>{quote.responseId}</code>
                    </Link>
                  </figcaption>
                </figure>
              ))}
            </li>
          ))}
        </ol>
      ) : (
        <p className="pa-note">{q.note ?? "No theme is shared by enough respondents."}</p>
      )}
    </>
  );
}

export function WhatTheySay({
  texts,
  responsesBase,
}: {
  texts: PersonaTexts | undefined;
  responsesBase: string;
}) {
  if (!texts || texts.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="says-title">
      <h2 id="says-title">What they say</h2>
      <p className="pa-note">
        Themes are shares of this persona&apos;s respondents who wrote about them (one may write
        about several); tone is the share whose answer reads negative, neutral or positive, English
        answers only.
      </p>
      {texts.map((q) => (
        <Question key={q.questionId} q={q} responsesBase={responsesBase} />
      ))}
    </section>
  );
}
