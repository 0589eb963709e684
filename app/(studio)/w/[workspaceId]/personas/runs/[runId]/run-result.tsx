// A finished run: how it was run, what to read first, how k was chosen (chart and table),
// persona sizes with 95 % intervals and n, stability, and a card per persona.
"use client";
import Link from "next/link";
import { IntervalBar } from "~/app/_components/charts/interval-bar";
import { KCurveChart } from "~/app/_components/charts/k-curve-chart";
import "~/app/_components/charts/charts.css";
import { MIN_GROUP_N, traitFamily, TRAIT_FAMILY_TEXT } from "~/server/analysis/evidence-rules";
import type { AnalysisResult, Trait } from "~/server/analysis/result";
import { analysisSamples, sampleNote } from "~/server/analysis/sample-disclosure";
import { formatShare, traitSummary } from "~/server/analysis/trait-text";
import { kText, type StoredParameters } from "../../run-format";
import { StabilityBadge } from "../../status-badge";
import { Glossary } from "~/app/_components/glossary";

function fixed(value: number | null, digits = 3): string {
  return value === null ? "n/a" : value.toFixed(digits);
}

const reasonText: Record<AnalysisResult["metrics"]["reason"], string> = {
  forced: "fixed by the researcher",
  "best-silhouette": "best silhouette",
  "preferred-range": "best silhouette in the preferred range",
  "no-eligible-k": "no k met the size rule",
};

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
  const excluded = result.encoding.excludedResponseIds.length;
  const maxUpper = Math.max(0.05, ...result.personas.map((p) => p.share.upper));
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
      <section className="panel" aria-labelledby="summary-title">
        <h2 id="summary-title">Summary</h2>
        <p>
          <strong>{result.personas.length} draft personas</strong> from {n} clustered respondents (n
          = {result.input.respondents} read, {excluded} left out for skipping more than{" "}
          {Math.round(result.parameters.maxMissingShare * 100)} % of the segment questions). k ={" "}
          {m.chosenK} ({reasonText[m.reason]}); structure <strong>{m.structure}</strong>, silhouette{" "}
          {fixed(m.silhouette)}
          {silhouetteNote && ` (${silhouetteNote})`}.
        </p>
        <dl className="pa-facts">
          <div>
            <dt>Seed</dt>
            <dd>{result.parameters.seed}</dd>
          </div>
          <div>
            <dt>k</dt>
            <dd>
              {result.parameters.kMode === "auto"
                ? `auto (${result.parameters.kMin}–${result.parameters.kMax})`
                : kText(result.parameters.forcedK)}
            </dd>
          </div>
          <div>
            <dt>Survey versions</dt>
            <dd>{parameters.versionNumbers.map((v) => `v${v}`).join(", ") || "–"}</dd>
          </div>
          <div>
            <dt>Partial responses</dt>
            <dd>{parameters.includePartial ? "included" : "not included"}</dd>
          </div>
          <div>
            <dt>Respondents</dt>
            <dd>
              {result.input.respondents} read, {n} clustered, {excluded} excluded
            </dd>
          </div>
          <div>
            <dt>Segment questions</dt>
            <dd>
              {result.encoding.segmentQuestionIds.length}
              {(result.encoding.unrelated ?? []).length > 0 &&
                `; answers look like noise (unrelated to the others): ${(result.encoding.unrelated ?? []).map((u) => u.questionId).join(", ")}`}
            </dd>
          </div>
          <div>
            <dt>Bootstrap rounds</dt>
            <dd>{result.parameters.bootstrapRounds}</dd>
          </div>
          <div>
            <dt>Tests</dt>
            <dd>
              {m.testsRun} (Benjamini-Hochberg, q &lt; {result.parameters.alpha}),{" "}
              {m.distinguishingTraits} distinguishing
              {m.segmentTests !== undefined && (
                <span className="hint pa-block">
                  on questions the personas were not formed from; plus {m.segmentTests} comparisons
                  on the segment questions ({m.segmentDistinguishing ?? 0} set a persona apart by
                  construction)
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>Minimum n per group</dt>
            <dd>{result.parameters.minGroupN ?? "not applied (older run)"}</dd>
          </div>
        </dl>
      </section>

      {result.warnings.length > 0 && (
        <section className="panel pa-warnings" aria-labelledby="warnings-title">
          <h2 id="warnings-title">Read this first</h2>
          <ul>
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </section>
      )}

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

      <section className="panel" aria-labelledby="sizes-title">
        <h2 id="sizes-title">Persona sizes and stability</h2>
        <p className="muted">
          Share of the {n} clustered respondents, with 95 % Wilson intervals (bar: estimate,
          whisker: interval). Stability is the mean Jaccard similarity of each persona across{" "}
          {result.parameters.bootstrapRounds} bootstrap rounds.
        </p>
        <div className="pa-table-scroll">
          <table className="table pa-compact">
            <thead>
              <tr>
                <th scope="col">Persona</th>
                <th scope="col" className="pa-num">
                  n
                </th>
                <th scope="col" className="pa-num">
                  Share [95 % CI]
                </th>
                <th scope="col" className="pa-bar-col">
                  <span className="visually-hidden">Share as a bar</span>
                </th>
                <th scope="col">Stability</th>
              </tr>
            </thead>
            <tbody>
              {result.personas.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link href={`${personaBase}/${p.index}`}>{p.name}</Link>
                  </th>
                  <td className="pa-num">
                    {p.size} of {n}
                  </td>
                  <td className="pa-num">
                    {formatShare(p.share.estimate)}{" "}
                    <span className="muted">
                      [{formatShare(p.share.lower)}–{formatShare(p.share.upper)}]
                    </span>
                  </td>
                  <td className="pa-bar-col">
                    <IntervalBar
                      estimate={p.share.estimate}
                      lower={p.share.lower}
                      upper={p.share.upper}
                      max={maxUpper}
                    />
                  </td>
                  <td>
                    <StabilityBadge stability={p.stability} />
                    {p.stability.dissolved > 0 && (
                      <span className="hint pa-block">
                        dissolved in {p.stability.dissolved} of {p.stability.rounds} rounds
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="personas-title">
        <h2 id="personas-title">Personas</h2>
        <ul className="pa-cards">
          {result.personas.map((p) => {
            const byId = new Map(p.traits.map((t) => [t.id, t]));
            const top = p.distinguishingTraitIds
              .map((id) => byId.get(id))
              .filter((t): t is Trait => t !== undefined)
              // Findings on the other questions first, then how the persona was formed.
              .sort(
                (a, b) =>
                  Number(traitFamily(a) === "segment") - Number(traitFamily(b) === "segment") ||
                  b.strength - a.strength,
              )
              .slice(0, 3);
            return (
              <li key={p.id} className="panel pa-card">
                <h3>
                  <Link href={`${personaBase}/${p.index}`}>{p.name}</Link>{" "}
                  <span className="badge pa-draft">DRAFT</span>
                </h3>
                <p className="muted">
                  n = {p.size} · {formatShare(p.share.estimate)} [{formatShare(p.share.lower)}–
                  {formatShare(p.share.upper)}]
                </p>
                <p>
                  <StabilityBadge stability={p.stability} />
                </p>
                {p.card.tagline.sentences[0] && <p>{p.card.tagline.sentences[0].text}</p>}
                {top.length > 0 ? (
                  <ul className="pa-top-traits">
                    {top.map((t) => (
                      <li key={t.id}>
                        {traitSummary(t)} (n = {t.personaN} / {t.restN})
                        {traitFamily(t) === "segment" && (
                          <span className="hint"> · {TRAIT_FAMILY_TEXT.segment}</span>
                        )}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="pa-note">Insufficient evidence: no distinguishing traits.</p>
                )}
                <Link className="button secondary small" href={`${personaBase}/${p.index}`}>
                  Open persona<span className="visually-hidden"> {p.name}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </section>
      <p className="hint">
        {m.segmentTests === undefined
          ? `${m.testsRun} tests, Benjamini-Hochberg adjusted together; distinguishing = q < ${result.parameters.alpha} and at least a small effect.`
          : `The personas were formed from the ${result.encoding.segmentQuestionIds.length} segment questions, so their differences on those answers are there by construction: they are marked “${TRAIT_FAMILY_TEXT.segment}”, describe the personas and are not counted as findings. The ${m.testsRun} tests on the other questions are Benjamini-Hochberg adjusted together per run; a trait is distinguishing at q < ${result.parameters.alpha} with at least a small effect and at least ${result.parameters.minGroupN ?? MIN_GROUP_N} answers in the persona and among the others (fewer: “insufficient evidence”).`}{" "}
        Intervals are 95 %.
      </p>
    </>
  );
}
