// Thought themes with quotes for one cell: each theme's label, how many respondents wrote about it
// (share with its 95 % interval), and its most representative answers, every quote the
// respondent's exact words linked to their response. Beside it (SentimentCell) the words' tone as
// shares of respondents negative / neutral / positive next to the answered emotion, and where they
// disagree the sentence that says so. Fills stored before respondents became the unit (no
// `answers`, no `tone`) show what they hold: counts of answers and a mean sentiment.
import Link from "next/link";
import type { ReactNode } from "react";
import type {
  TFillQuote,
  TThoughtsCell,
  TToneShare,
  TToneShares,
} from "~/server/analysis/journey/result";
import { DiscussLink } from "./cell-comments";
import { CellAnswers } from "./cell-answers";
import { EvidenceDetails } from "./evidence-details";
import { emotionWord, intervalText, percent, valence } from "./fill-data";
import type { GridContext } from "./grid-context";
import { Insufficient } from "./insufficient";
import { plural } from "~/app/_lib/format";

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

/** Both thoughts columns (themes and tone) read the same cell of the fill. */
interface ThoughtsCellProps {
  ctx: GridContext;
  personaIndex: number | null;
  stageId: string;
  thoughts: TThoughtsCell | undefined;
}

export function ThoughtsCell({ ctx, personaIndex, stageId, thoughts }: ThoughtsCellProps) {
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
  // Older fills counted answers; current ones count respondents and say how many answers.
  const byPeople = thoughts.answers !== undefined;
  const unit = byPeople ? "respondents" : "answers";
  const total = byPeople ? thoughts.respondents : thoughts.n;
  return (
    <div className="ev-thoughts">
      <p className="ev-sub">
        {byPeople
          ? `${plural(thoughts.respondents, "respondent")} wrote ${plural(thoughts.answers ?? 0, "answer")}`
          : `${plural(thoughts.n, "answer")} from ${plural(thoughts.respondents, "respondent")}`}
      </p>
      {thoughts.topic && thoughts.topic.length > 0 && (
        <p className="ev-sub">
          Most write about{" "}
          {thoughts.topic.map((t) => `${t.label} (${percent(t.share)})`).join(", ")}
        </p>
      )}
      {thoughts.themes.length === 0 ? (
        <p className="jm-none">No shared themes.</p>
      ) : (
        <ul className="ev-themes" aria-label="Themes">
          {thoughts.themes.map((t) => (
            <li key={t.term} className="ev-theme">
              {t.label}{" "}
              <span className="ev-count">
                {t.count} of {total} {unit} · {percent(t.share)}
                {t.interval && ` [${intervalText(t.interval, percent)}]`}
              </span>
              {t.phrases && t.phrases.length > 0 && (
                <span className="ev-sub"> {t.phrases.join(", ")}</span>
              )}
            </li>
          ))}
          {thoughts.unthemed > 0 && (
            <li className="ev-count">
              {thoughts.unthemed} {unit} in no theme
            </li>
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

function shareLine(name: string, s: TToneShare): string {
  return `${percent(s.share)} ${name} [${intervalText(s.interval, percent)}]`;
}

function ToneShares({
  ctx,
  label,
  href,
  tone,
  disagreeing,
  children,
}: {
  ctx: GridContext;
  label: string;
  href: string;
  tone: TToneShares;
  disagreeing: number;
  /** The respondents' own answers, shown when the details open. */
  children: ReactNode;
}) {
  if (tone.status !== "ok") return <Insufficient n={tone.n} reason={tone.reason} />;
  return (
    <EvidenceDetails
      label={label}
      summary={
        <>
          Words: <strong>{tone.lean === "neutral" ? "mixed or neutral" : tone.lean}</strong>{" "}
          <span className="ev-ci">
            {percent(tone.negative.share)} neg · {percent(tone.neutral.share)} neutral ·{" "}
            {percent(tone.positive.share)} pos (n = {tone.n})
          </span>
        </>
      }
      facts={[
        { term: "Negative", value: shareLine("of respondents", tone.negative) },
        { term: "Neutral", value: shareLine("of respondents", tone.neutral) },
        { term: "Positive", value: shareLine("of respondents", tone.positive) },
        {
          term: "n",
          value: `${plural(tone.n, "respondent")} (one tone each: the mean of their answers)`,
        },
        ...(tone.otherLanguage
          ? [
              {
                term: "Not scored",
                value: `${plural(tone.otherLanguage, "respondent")} wrote in German or another language; tone is shown for English only`,
              },
            ]
          : []),
        { term: "Model", value: ctx.fill.scales.sentiment.model },
        { term: "Answers whose words and rating disagree", value: String(disagreeing) },
      ]}
      href={href}
    >
      {children}
    </EvidenceDetails>
  );
}

export function SentimentCell({ ctx, personaIndex, stageId, thoughts }: ThoughtsCellProps) {
  if (!thoughts) return <span className="jm-none">Not in this fill</span>;
  if (thoughts.status !== "ok") return <Insufficient n={thoughts.n} reason={thoughts.reason} />;
  const s = thoughts.sentiment;
  const label = `Tone of the words of ${ctx.personaName(personaIndex)} at ${ctx.stageName(stageId)}`;
  const href = ctx.rowHref(personaIndex);
  const answers = (
    <CellAnswers
      ctx={ctx}
      personaIndex={personaIndex}
      stageId={stageId}
      aspect="thoughts"
      label={label}
    />
  );
  return (
    <div className="ev-value">
      {thoughts.tone ? (
        <ToneShares
          ctx={ctx}
          label={label}
          href={href}
          tone={thoughts.tone}
          disagreeing={thoughts.disagreeingAnswers}
        >
          {answers}
        </ToneShares>
      ) : s.status === "ok" ? (
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
            { term: "n", value: plural(s.n, "answer") },
            { term: "Model", value: ctx.fill.scales.sentiment.model },
            {
              term: "Answers whose words and rating disagree",
              value: String(thoughts.disagreeingAnswers),
            },
          ]}
          href={href}
        >
          {answers}
        </EvidenceDetails>
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
