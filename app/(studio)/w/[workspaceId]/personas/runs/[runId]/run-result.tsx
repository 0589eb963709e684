// A finished run: how it was run, what to read first (run-summary.tsx), how k was chosen (chart
// and table), persona sizes with 95 % intervals and n, stability, and a card per persona
// (run-personas.tsx).
"use client";
import { KCurveChart } from "~/app/_components/charts/k-curve-chart";
import "~/app/_components/charts/charts.css";
import { MIN_GROUP_N, TRAIT_FAMILY_TEXT } from "~/server/analysis/evidence-rules";
import type { AnalysisResult } from "~/server/analysis/result";
import { analysisSamples, sampleNote } from "~/server/analysis/sample-disclosure";
import { formatShare } from "~/server/analysis/trait-text";
import type { StoredParameters } from "~/app/(studio)/w/[workspaceId]/personas/run-format";
import { Glossary } from "~/app/_components/glossary";
import { PersonaCards, PersonaSizes } from "./run-personas";
import { fixed, RunSummary } from "./run-summary";

export function RunResult({
  result,
  parameters,
  personaBase,
}: {
  result: AnalysisResult;
  parameters: StoredParameters;
  personaBase: string;
}) {
  const m = result.metrics;
  const n = result.encoding.clustered;
  const samples = analysisSamples(result);
  const silhouetteNote = sampleNote(samples.silhouette, n);
  const curveNote = sampleNote(samples.curve, n);
  const curveCaption =
    curveNote || silhouetteNote
      ? [
          curveNote && `The curve (inertia, smallest persona) is ${curveNote}.`,
          silhouetteNote && `Silhouettes are ${silhouetteNote}.`,
        ]
          .filter(Boolean)
          .join(" ")
      : null;

  return (
    <>
      <RunSummary result={result} parameters={parameters} />

      <section className="panel" aria-labelledby="k-title">
        <h2 id="k-title">How many personas</h2>
        <p>{m.explanation}</p>
        <KCurveChart
          points={m.curve}
          chosenK={m.chosenK}
          label={`Line chart of silhouette by number of personas, k ${m.curve[0]?.k ?? ""} to ${
            m.curve[m.curve.length - 1]?.k ?? ""
          }; chosen k = ${m.chosenK} with silhouette ${fixed(m.silhouette)}. The table below has the same numbers.`}
          caption={curveCaption}
        />
        <div className="pa-table-scroll">
          <table className="table pa-compact">
            <caption className="visually-hidden">
              Silhouette by number of personas (n = {samples.silhouette ?? n}
              {samples.silhouette !== null && `, a sample of the ${n} clustered respondents`})
            </caption>
            <thead>
              <tr>
                <th scope="col">k</th>
                <th scope="col" className="pa-num">
                  Silhouette
                  <Glossary term="silhouette" />
                </th>
                <th scope="col" className="pa-num">
                  Inertia
                </th>
                <th scope="col" className="pa-num">
                  Smallest persona
                </th>
                <th scope="col">Eligible</th>
              </tr>
            </thead>
            <tbody>
              {m.curve.map((c) => (
                <tr key={c.k} className={c.k === m.chosenK ? "pa-chosen" : undefined}>
                  <th scope="row">
                    {c.k}
                    {c.k === m.chosenK && <span className="badge pa-chosen-badge">chosen</span>}
                  </th>
                  <td className="pa-num">{fixed(c.silhouette)}</td>
                  <td className="pa-num">{c.inertia.toFixed(1)}</td>
                  <td className="pa-num">{formatShare(c.minShare)}</td>
                  <td>{c.eligible ? "yes" : "no (too small)"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <PersonaSizes result={result} personaBase={personaBase} />
      <PersonaCards result={result} personaBase={personaBase} />
      <p className="hint">
        {m.segmentTests === undefined
          ? `${m.testsRun} tests, Benjamini-Hochberg adjusted together; distinguishing = q < ${result.parameters.alpha} and at least a small effect.`
          : `The personas were formed from the ${result.encoding.segmentQuestionIds.length} segment questions, so their differences on those answers are there by construction: they are marked “${TRAIT_FAMILY_TEXT.segment}”, describe the personas and are not counted as findings. The ${m.testsRun} tests on the other questions are Benjamini-Hochberg adjusted together per run; a trait is distinguishing at q < ${result.parameters.alpha} with at least a small effect and at least ${result.parameters.minGroupN ?? MIN_GROUP_N} answers in the persona and among the others (fewer: “insufficient evidence”).`}{" "}
        Intervals are 95 %.
      </p>
    </>
  );
}
