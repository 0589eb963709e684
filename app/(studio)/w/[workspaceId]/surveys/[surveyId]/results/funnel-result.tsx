// How far respondents got: of everyone who started, the share who reached each page and who
// finished, as a chart and a table.
"use client";
import type { ResultsSummary } from "~/server/analysis/results-summary";
import { percent } from "./result-format";
import { ShareChart } from "./share-chart";

export function FunnelResult({ funnel }: { funnel: ResultsSummary["funnel"] }) {
  const { started } = funnel;
  const steps = [
    ...funnel.pages.map((p) => ({
      key: `page-${p.page}`,
      label: `Page ${p.page + 1}`,
      reached: p.reached,
      answered: p.answered as number | null,
    })),
    { key: "completed", label: "Finished", reached: funnel.completed, answered: null },
  ];
  const share = (x: number) => (started > 0 ? x / started : NaN);
  const finished = share(funnel.completed);
  return (
    <section className="panel result-card" aria-labelledby="funnel-title">
      <h2 id="funnel-title">How far people got</h2>
      <p className="muted">
        {started} started; {funnel.completed} finished ({percent(finished)}). A page counts as
        reached when someone answered on it or later, or finished.
      </p>
      <ShareChart
        bars={steps.map((s) => ({ label: s.label, share: share(s.reached) }))}
        label={`Bar chart of the share of ${started} respondents reaching each page; ${percent(finished)} finished. The table below has every figure.`}
      />
      <div className="table-scroll">
        <table className="table compact">
          <caption>Respondents reaching each page, of {started} who started</caption>
          <thead>
            <tr>
              <th scope="col">Step</th>
              <th scope="col">Reached</th>
              <th scope="col">Share of starters</th>
              <th scope="col">Answered something on the page</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => (
              <tr key={s.key}>
                <th scope="row">{s.label}</th>
                <td>{s.reached}</td>
                <td>{percent(share(s.reached))}</td>
                <td>{s.answered ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
