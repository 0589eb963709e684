// One question's results: a chart and the same figures as a table (counts, shares and 95 %
// intervals; mean and median with intervals; NPS), with a button per row to narrow the whole
// summary to the people who gave that answer. Text questions get their own view (text-result.tsx).
"use client";
import type {
  ChoiceSummary,
  NumericSummary,
  QuestionSummary,
} from "~/server/analysis/results-summary";
import type { CountRow } from "~/server/analysis/results-figures";
import { percent } from "./result-format";
import { ShareChart } from "./share-chart";
import { ShareTable } from "./share-table";
import { TextResult } from "./text-result";

export interface AnswerChoice {
  questionKey: string;
  value: string;
  label: string;
  question: string;
}

const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));

interface Props {
  question: QuestionSummary;
  stageName?: string;
  onChoose: (choice: AnswerChoice) => void;
}

export function QuestionResult({ question: q, stageName, onChoose }: Props) {
  const titleId = `q-${q.key}-title`;
  return (
    <section className="panel result-card" aria-labelledby={titleId}>
      <h3 id={titleId}>{q.label}</h3>
      <p className="muted">
        {q.n} answered
        {q.unanswered > 0 && ` · ${q.unanswered} did not answer (skipped, hidden or not reached)`}
        {` · page ${q.page + 1}`}
        {stageName && ` · stage: ${stageName}`}
      </p>
      {q.n === 0 ? (
        <p className="muted">Nobody in this selection answered this question.</p>
      ) : q.kind === "choice" ? (
        <ChoiceResult q={q} onChoose={onChoose} />
      ) : q.kind === "numeric" ? (
        <NumericResult q={q} onChoose={onChoose} />
      ) : (
        <TextResult q={q} />
      )}
    </section>
  );
}

function CountTable({
  q,
  rows,
  caption,
  onChoose,
}: {
  q: QuestionSummary;
  rows: CountRow[];
  caption: string;
  onChoose: Props["onChoose"];
}) {
  // Numeric rows can be bins ("10–20"); only a single value can narrow the summary.
  const canChoose = (r: CountRow) =>
    r.count > 0 && (q.kind !== "numeric" || /^-?\d+(\.\d+)?$/.test(r.value));
  return (
    <ShareTable
      caption={caption}
      labelHeading="Answer"
      actionHeading="Filter"
      rows={rows.map((r) => ({
        key: r.value,
        label: r.label,
        count: r.count,
        share: r.share,
        interval: r.interval,
        action: canChoose(r) && (
          <button
            type="button"
            className="button secondary small"
            onClick={() =>
              onChoose({ questionKey: q.key, value: r.value, label: r.label, question: q.label })
            }
          >
            Only these
            <span className="visually-hidden"> respondents ({r.label})</span>
          </button>
        ),
      }))}
    />
  );
}

function ChoiceResult({ q, onChoose }: { q: ChoiceSummary; onChoose: Props["onChoose"] }) {
  const top = [...q.rows].sort((a, b) => b.count - a.count)[0];
  const chartLabel = `Bar chart of the share of ${q.n} respondents choosing each answer${
    top ? `; most chosen: ${top.label}, ${percent(top.share)}` : ""
  }. The table below has every figure.`;
  return (
    <>
      {q.multiple && (
        <p className="hint">
          People could choose more than one answer, so shares add up to more than 100 %.
        </p>
      )}
      <ShareChart bars={q.rows} label={chartLabel} />
      <CountTable
        q={q}
        rows={q.rows}
        caption={`Answers of ${q.n} respondents, with 95 % Wilson intervals`}
        onChoose={onChoose}
      />
    </>
  );
}

function NumericResult({ q, onChoose }: { q: NumericSummary; onChoose: Props["onChoose"] }) {
  const f = q.figures;
  const chartLabel = `Bar chart of how ${q.n} respondents answered${
    f ? `: mean ${num(f.mean)}, median ${num(f.median)}` : ""
  }. The table below has every figure.`;
  return (
    <>
      {f && (
        <dl className="facts result-figures">
          <dt>Mean</dt>
          <dd>
            {num(f.mean)}
            {f.meanInterval && (
              <span className="muted">
                {" "}
                (95 % interval {num(f.meanInterval.lower)} to {num(f.meanInterval.upper)})
              </span>
            )}
          </dd>
          <dt>Median</dt>
          <dd>
            {num(f.median)}
            {f.medianInterval ? (
              <span className="muted">
                {" "}
                (95 % interval {num(f.medianInterval.lower)} to {num(f.medianInterval.upper)})
              </span>
            ) : (
              <span className="muted"> (too few answers for an interval)</span>
            )}
          </dd>
          <dt>Range</dt>
          <dd>
            {num(f.min)} to {num(f.max)}
            {f.sd !== null && <span className="muted"> · standard deviation {num(f.sd)}</span>}
          </dd>
          {q.nps && (
            <>
              <dt>Net Promoter Score</dt>
              <dd>
                <strong>{Math.round(q.nps.score)}</strong>
                {q.nps.interval && (
                  <span className="muted">
                    {" "}
                    (95 % interval {Math.round(q.nps.interval.lower)} to{" "}
                    {Math.round(q.nps.interval.upper)})
                  </span>
                )}
                <br />
                <span className="muted">
                  {q.nps.promoters} promoters (9–10), {q.nps.passives} passives (7–8),{" "}
                  {q.nps.detractors} detractors (0–6) of {q.nps.n}
                </span>
              </dd>
            </>
          )}
        </dl>
      )}
      <ShareChart bars={q.distribution} label={chartLabel} />
      <CountTable
        q={q}
        rows={q.distribution}
        caption={`Distribution of ${q.n} answers, with 95 % Wilson intervals`}
        onChoose={onChoose}
      />
    </>
  );
}
