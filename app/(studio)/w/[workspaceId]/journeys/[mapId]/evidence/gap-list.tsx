// The gap list: every stage where a persona suffers significantly more than the others, highest
// priority first, with the parts of the priority written out (severity × persona share / effort
// weight), the team responsible and the effort to close it, so the team sees what to fix first.
import type { TGapItem } from "~/server/analysis/journey/result";
import { effortLabels } from "~/server/domain/journey";
import { EvidenceDetails } from "./evidence-details";
import { intervalText, percent, personaColour, qText, wholeIndex } from "./fill-data";
import type { GridContext } from "./grid-context";

export function GapList({ ctx, gaps }: { ctx: GridContext; gaps: TGapItem[] }) {
  return (
    <section className="ev-panel" aria-labelledby="gaps-title">
      <h3 id="gaps-title">Gaps to close, most urgent first</h3>
      <p className="hint">
        Priority = severity index × persona share ÷ effort weight (small{" "}
        {ctx.fill.parameters.effortWeights.SMALL}, medium {ctx.fill.parameters.effortWeights.MEDIUM}
        , large {ctx.fill.parameters.effortWeights.LARGE}). Effort is the stage&apos;s hardest
        touchpoint; teams are those responsible for its touchpoints.
      </p>
      {gaps.length === 0 ? (
        <p className="muted">
          No gaps: no persona suffers significantly more than the others at any stage.
        </p>
      ) : (
        <div className="ev-table-scroll">
          <table className="table ev-compact ev-gaps">
            <caption className="visually-hidden">Gaps in priority order</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Persona at stage</th>
                <th scope="col">Severity [95 %]</th>
                <th scope="col">Share</th>
                <th scope="col">Effort</th>
                <th scope="col">Teams</th>
                <th scope="col">Priority</th>
              </tr>
            </thead>
            <tbody>
              {gaps.map((g, i) => (
                <tr key={`${g.personaIndex}-${g.stageId}`}>
                  <td>{i + 1}</td>
                  <th scope="row">
                    <span
                      className="ev-swatch"
                      style={{ background: personaColour(g.personaIndex) }}
                      aria-hidden="true"
                    />
                    {g.personaName} <span className="muted">at</span> {ctx.stageName(g.stageId)}
                  </th>
                  <td>
                    <EvidenceDetails
                      label={`Pain severity of ${g.personaName} at ${g.stageName}`}
                      summary={
                        <>
                          {wholeIndex(g.severity)}{" "}
                          <span className="ev-ci">
                            [{intervalText(g.severityInterval, wholeIndex)}]
                          </span>
                        </>
                      }
                      facts={[
                        { term: "Severity index", value: `${wholeIndex(g.severity)} of 100` },
                        {
                          term: "95 % interval",
                          value: intervalText(g.severityInterval, wholeIndex),
                        },
                        { term: "Benjamini-Hochberg", value: qText(g.q) },
                      ]}
                      href={ctx.rowHref(g.personaIndex)}
                    />
                  </td>
                  <td>{percent(g.share)}</td>
                  <td>
                    {effortLabels[g.effort]}
                    {g.effortAssumed && <span className="hint"> (assumed: not set)</span>}
                  </td>
                  <td>
                    {g.teams.length > 0 ? (
                      g.teams.join(", ")
                    ) : (
                      <span className="jm-none">Not set</span>
                    )}
                  </td>
                  <td>
                    <strong>{g.priority.toFixed(1)}</strong>{" "}
                    <span className="hint">
                      = {wholeIndex(g.severity)} × {g.share.toFixed(2)} ÷ {g.effortWeight}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
