// Thought themes with quotes for one cell: each theme's label, how many answers share it, and its
// most representative answers, every quote the respondent's exact words linked to their response.
// Beside it (SentimentCell) the text's tone next to the answered emotion, and where they disagree
// the sentence that says so.
import Link from "next/link";
import type { TFillQuote, TThoughtsCell } from "~/server/analysis/journey/result";
import { DiscussLink } from "./cell-comments";
import { EvidenceDetails } from "./evidence-details";
import { emotionWord, intervalText, percent, valence } from "./fill-data";
import type { GridContext } from "./grid-context";
import { Insufficient } from "./insufficient";

function Quote({ ctx, quote }: { ctx: GridContext; quote: TFillQuote }) {
  return (
    <li className="ev-quote">
      <blockquote>“{quote.text}”</blockquote>
      <Link href={ctx.responseHref(quote.responseId)} className="ev-quote-link">
        Response<span className="visually-hidden"> {quote.responseId}</span>
        {quote.answeredEmotion !== null && ` · felt ${emotionWord(quote.answeredEmotion)}`}
        {quote.disagrees && " · words and rating disagree"}
      </Link>
    </li>
  );
}

export function ThoughtsCell({
  ctx,
  personaIndex,
  stageId,
  thoughts,
}: {
  ctx: GridContext;
  personaIndex: number | null;
  stageId: string;
  thoughts: TThoughtsCell | undefined;
}) {
  if (!thoughts) return <span className="jm-none">Not in this fill</span>;
  const label = `Thoughts of ${ctx.personaName(personaIndex)} at ${ctx.stageName(stageId)}`;
  const discuss = <DiscussLink ctx={ctx} {...{ personaIndex, stageId, label }} aspect="thoughts" />;
  if (thoughts.status !== "ok") {
    return (
      <div className="ev-value">
        <Insufficient n={thoughts.n} reason={thoughts.reason} />
        {discuss}
      </div>
    );
  }
  // The cell's most representative answers first; each theme's own quotes one click away.
  const shown = thoughts.quotes.slice(0, 2);
  const themesWithQuotes = thoughts.themes.filter((t) => t.quotes.length > 0);
  return (
    <div className="ev-thoughts">
      <p className="ev-sub">
        {thoughts.n} answers from {thoughts.respondents} respondents
      </p>
      {thoughts.themes.length === 0 ? (
        <p className="jm-none">No shared themes.</p>
      ) : (
        <ul className="ev-themes" aria-label="Themes">
          {thoughts.themes.map((t) => (
            <li key={t.term} className="ev-theme">
              {t.label}{" "}
              <span className="ev-count">
                {t.count} · {percent(t.share)}
              </span>
            </li>
          ))}
          {thoughts.unthemed > 0 && (
            <li className="ev-count">{thoughts.unthemed} answers in no theme</li>
          )}
        </ul>
      )}
      <ul className="ev-quotes" aria-label="Representative quotes">
        {shown.map((q) => (
          <Quote key={`${q.responseId}-${q.questionId}`} ctx={ctx} quote={q} />
        ))}
      </ul>
      {themesWithQuotes.length > 0 && (
        <details className="ev-more no-print">
          <summary>Quotes by theme</summary>
          {themesWithQuotes.map((t) => (
            <div key={t.term} className="ev-theme-quotes">
              <p className="ev-theme">{t.label}</p>
              <ul className="ev-quotes">
                {t.quotes.map((q) => (
                  <Quote key={`${q.responseId}-${q.questionId}`} ctx={ctx} quote={q} />
                ))}
              </ul>
            </div>
          ))}
        </details>
      )}
      {discuss}
    </div>
  );
}

export function SentimentCell({
  ctx,
  personaIndex,
  stageId,
  thoughts,
}: {
  ctx: GridContext;
  personaIndex: number | null;
  stageId: string;
  thoughts: TThoughtsCell | undefined;
}) {
  if (!thoughts) return <span className="jm-none">Not in this fill</span>;
  if (thoughts.status !== "ok") return <Insufficient n={thoughts.n} reason={thoughts.reason} />;
  const s = thoughts.sentiment;
  return (
    <div className="ev-value">
      {s.status === "ok" ? (
        <EvidenceDetails
          label={`Text sentiment of ${ctx.personaName(personaIndex)} at ${ctx.stageName(stageId)}`}
          summary={
            <>
              Words: <strong>{s.tone}</strong>{" "}
              <span className="ev-ci">
                {valence(s.mean)} [{intervalText(s.interval, valence)}]
              </span>
            </>
          }
          facts={[
            { term: "Mean sentiment", value: `${valence(s.mean)} on −1..+1` },
            { term: "95 % interval", value: intervalText(s.interval, valence) },
            { term: "n", value: `${s.n} answers` },
            { term: "Model", value: ctx.fill.scales.sentiment.model },
            {
              term: "Answers whose words and rating disagree",
              value: String(thoughts.disagreeingAnswers),
            },
          ]}
          href={ctx.rowHref(personaIndex)}
        />
      ) : (
        <Insufficient n={s.n} reason={s.reason} />
      )}
      <span className="ev-sub">
        Rating: {thoughts.emotionTone ?? "not enough answered emotion"}
      </span>
      {thoughts.disagreement && thoughts.disagreementNote && (
        <p className="ev-disagree">{thoughts.disagreementNote}</p>
      )}
    </div>
  );
}
