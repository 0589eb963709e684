// "What they say": a persona's free-text answers summarised per question (the run's
// personas[].texts, server/analysis/persona-texts.ts): themes with the share of respondents and
// its 95 % interval, two or three quotes each, and the tone as shares with intervals. Renders
// nothing for runs stored before texts existed or surveys without free text. The full section is
// on the persona page and the public share page (quotes without response links there); the brief
// one (top themes and tone in a line or two per question) is on the one-page print card and in
// the persona comparison.
import Link from "next/link";
import type { TextQuestionSummary } from "~/server/analysis/result";
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

/** A question's summary as the persona page (quotes with response ids) or a share page has it. */
type SaysQuestion = Omit<TextQuestionSummary, "themes"> & {
  themes: (Omit<TextQuestionSummary["themes"][number], "quotes"> & {
    quotes: { responseId?: string; text: string }[];
  })[];
};

function Tone({ q }: { q: SaysQuestion }) {
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

function Question({ q, responsesBase }: { q: SaysQuestion; responsesBase?: string }) {
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
              {t.quotes.slice(0, QUOTES_SHOWN).map((quote, k) => (
                <figure key={quote.responseId ?? k} className="pa-quote">
                  <blockquote>{quote.text}</blockquote>
                  {responsesBase && quote.responseId && (
                    <figcaption>
                      response{" "}
                      <Link href={`${responsesBase}/${quote.responseId}`}>
                        <code>{quote.responseId}</code>
                      </Link>
                    </figcaption>
                  )}
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
  texts: readonly SaysQuestion[] | undefined;
  /** Where a quote's response opens; left out (share pages), quotes carry no link. */
  responsesBase?: string;
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

/** Tone in one phrase: "leans negative: 62 % negative (95 % CI 48 %–74 %), n = 40". */
function briefTone(q: SaysQuestion): string {
  const tone = q.tone;
  if (!tone) return q.toneNote ?? "no tone shown";
  const lean = tone.lean === "neutral" ? "neutral" : tone.lean;
  const head = tone.lean === "neutral" ? "no clear lean" : `leans ${tone.lean}`;
  return `${head}: ${interval(tone[lean])} ${lean} (n = ${tone.n})`;
}

/**
 * "What they say" in a line or two per question, for the one-page print card and the
 * comparison: the top `themesShown` themes with their shares and intervals, and the tone's lean.
 */
export function WhatTheySayBrief({
  texts,
  themesShown = 2,
  headingId,
  heading = "What they say",
}: {
  texts: readonly SaysQuestion[] | undefined;
  themesShown?: number;
  /** Give an id to render the section heading; left out, the caller heads it. */
  headingId?: string;
  heading?: string;
}) {
  if (!texts || texts.length === 0) return null;
  return (
    <div className="pa-says-brief">
      {headingId && <h2 id={headingId}>{heading}</h2>}
      {texts.map((q) => (
        <p key={q.questionId}>
          <strong>{q.questionLabel}</strong>{" "}
          {q.insufficient ? (
            <span className="pa-note">{q.note ?? `insufficient evidence (n = ${q.n})`}</span>
          ) : (
            <>
              (n = {q.n}):{" "}
              {q.themes.length > 0
                ? q.themes
                    .slice(0, themesShown)
                    .map((t) => `“${t.label}” ${t.n} of ${q.n}, ${interval(t)}`)
                    .join("; ")
                : (q.note ?? "no theme shared by enough respondents")}
              . Tone {briefTone(q)}.
            </>
          )}
        </p>
      ))}
    </div>
  );
}
