// The filled journey grid: the map's stages as columns (its current order), the emotion curve
// spanning them, then rows of numbers for the rows the view shows: emotion, pain severity as a
// heat row, and for one persona (or all respondents) its thought themes with quotes, what its
// words say next to what it rated, and its goals. Columns have fixed widths so the curve's points
// sit over their stage columns. On paper (print) the grid takes the sheet's whole width, the
// emotion table is written out instead of hidden behind a toggle, and each group of rows is its
// own table body that a page break does not split.
"use client";
import type { ReactNode } from "react";
import { EmotionCell } from "./emotion-cell";
import { EmotionChart, type CurveSeries } from "./emotion-chart";
import { EmotionTable } from "./emotion-table";
import { seriesFor, seriesOf, type Column, type Series, type View } from "./fill-data";
import { GoalsCell } from "./goals-cell";
import type { GridContext } from "./grid-context";
import { PainCell } from "./pain-cell";
import { PainLegend } from "./pain-legend";
import { SentimentCell, ThoughtsCell } from "./thoughts-cell";
import { Glossary } from "~/app/_components/glossary";

const LABEL_WIDTH = 150;
const STAGE_WIDTH = 180;

function SeriesLabel({ series, what }: { series: Series; what: string }) {
  return (
    <>
      <span className="ev-series">
        <span className="ev-swatch" style={{ background: series.colour }} aria-hidden="true" />
        {series.name}
      </span>
      <span className="hint">
        {what} · n = {series.n}
      </span>
    </>
  );
}

export function EvidenceGrid({
  ctx,
  columns,
  view,
  print = false,
}: {
  ctx: GridContext;
  columns: Column[];
  view: View;
  /** Laid out for paper: full width, no toggles. */
  print?: boolean;
}) {
  const { fill } = ctx;
  const shown = seriesFor(fill, view);
  const single = view.kind !== "overlay";
  // One persona: compare with all respondents; overlay and all respondents show what they show.
  const everyone = seriesOf(fill).filter((s) => s.personaIndex === null);
  const rows = view.kind === "persona" ? [...shown, ...everyone] : shown;
  const focus = shown[0];
  const curve: CurveSeries[] = rows.map((s) => ({
    key: s.key,
    name: s.name,
    colour: s.colour,
    dashed: s.personaIndex === null && rows.length > 1,
    band: single && s === focus,
    points: columns.map((c) => {
      const e = ctx.cell(s.personaIndex, c.stageId)?.emotion;
      return e?.status === "ok" ? { mean: e.mean, ...e.interval } : null;
    }),
  }));
  const width = LABEL_WIDTH + columns.length * STAGE_WIDTH;

  const row = (key: string, label: ReactNode, cell: (c: Column) => ReactNode, cls?: string) => (
    <tr key={key} className={cls}>
      <th scope="row">{label}</th>
      {columns.map((c) => (
        <td key={c.stageId}>
          {c.inFill ? cell(c) : <span className="jm-none">Not in this fill</span>}
        </td>
      ))}
    </tr>
  );
  const group = (key: string, title: string) => (
    <tr key={key} className="ev-group-row">
      <th scope="colgroup" colSpan={columns.length + 1}>
        {title}
      </th>
    </tr>
  );
  const curveLabel =
    `Emotion curve across ${columns.map((c) => c.name).join(", ")}: ` +
    `${rows.map((s) => s.name).join(", ")}` +
    (single && focus ? `, with the 95 % interval band of ${focus.name}` : "") +
    ". The numbers are in the emotion rows below.";

  return (
    <>
      {!print && (
        <p className="hint ev-grid-key">
          Each number: mean or index with its 95 % interval
          <Glossary term="ci" /> in brackets, resting on n respondents
          <Glossary term="n" />; open a number for its evidence.
        </p>
      )}
      <div
        className="jm-scroll"
        role="region"
        aria-label="Evidence grid, scrolls sideways"
        tabIndex={0}
      >
        <table className="ev-grid" style={{ width: print ? "100%" : width }}>
          <caption className="visually-hidden">
            Evidence per stage for {rows.map((s) => s.name).join(", ")}: emotion, pain severity
            {single ? ", thoughts, text sentiment and goals" : ""}.
          </caption>
          <colgroup>
            <col style={{ width: LABEL_WIDTH }} />
            {columns.map((c) => (
              <col key={c.stageId} style={print ? undefined : { width: STAGE_WIDTH }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <td className="ev-corner" />
              {columns.map((c, i) => (
                <th key={c.stageId} scope="col" className="ev-stage">
                  <span className="jm-stage-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="ev-chart-row">
              <td colSpan={columns.length + 1}>
                <EmotionChart
                  columns={columns}
                  series={curve}
                  labelWidth={LABEL_WIDTH}
                  label={curveLabel}
                />
              </td>
            </tr>
          </tbody>
          <tbody className="ev-row-group">
            {group("g-emotion", "Emotion · mean valence −2..+2 [95 % interval]")}
            {rows.map((s) =>
              row(`e-${s.key}`, <SeriesLabel series={s} what="emotion" />, (c) => (
                <EmotionCell
                  ctx={ctx}
                  personaIndex={s.personaIndex}
                  stageId={c.stageId}
                  emotion={ctx.cell(s.personaIndex, c.stageId)?.emotion}
                />
              )),
            )}
          </tbody>
          <tbody className="ev-row-group">
            {group("g-pain", "Pain severity · index 0–100 [95 % interval]")}
            {rows.map((s) =>
              row(
                `p-${s.key}`,
                <SeriesLabel series={s} what="pain" />,
                (c) => (
                  <PainCell
                    ctx={ctx}
                    personaIndex={s.personaIndex}
                    stageId={c.stageId}
                    pain={ctx.cell(s.personaIndex, c.stageId)?.pain}
                  />
                ),
                "ev-heat-row",
              ),
            )}
          </tbody>
          <tbody className="ev-row-group">
            {single && focus ? (
              <>
                {group("g-voice", `In their words · ${focus.name}`)}
                {row("thoughts", "Thought themes and quotes", (c) => (
                  <ThoughtsCell
                    ctx={ctx}
                    personaIndex={focus.personaIndex}
                    stageId={c.stageId}
                    thoughts={ctx.cell(focus.personaIndex, c.stageId)?.thoughts}
                  />
                ))}
                {row("sentiment", "Words vs. rating", (c) => (
                  <SentimentCell
                    ctx={ctx}
                    personaIndex={focus.personaIndex}
                    stageId={c.stageId}
                    thoughts={ctx.cell(focus.personaIndex, c.stageId)?.thoughts}
                  />
                ))}
                {row("goals", "Goals", (c) => (
                  <GoalsCell
                    ctx={ctx}
                    personaIndex={focus.personaIndex}
                    goals={ctx.cell(focus.personaIndex, c.stageId)?.goals}
                  />
                ))}
              </>
            ) : (
              <tr>
                <th scope="row">Thoughts and goals</th>
                <td colSpan={columns.length} className="ev-hint-cell">
                  Choose one persona, or all respondents, to read thought themes with quotes, the
                  tone of their words next to their ratings, and their goals.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <PainLegend />
      <EmotionTable ctx={ctx} columns={columns} rows={rows} expanded={print} />
    </>
  );
}
