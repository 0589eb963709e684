// A finished run: how it was run, what to read first, how k was chosen (chart and table),
// persona sizes with 95 % intervals and n, stability, and a card per persona.
"use client";
import Link from "next/link";
import { IntervalBar } from "~/app/_components/charts/interval-bar";
import { KCurveChart } from "~/app/_components/charts/k-curve-chart";
import "~/app/_components/charts/charts.css";
import type { AnalysisResult, Trait } from "~/server/analysis/result";
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

  return (
    <>
      <section className="panel" aria-labelledby="summary-title">
        <h2 id="summary-title">Summary</h2>
        <p>
          <strong>{result.personas.length} draft personas</strong> from {n} clustered respondents (n
          = {result.input.respondents} read, {excluded} excluded for missing answers). k ={" "}
          {m.chosenK} ({reasonText[m.reason]}); structure <strong>{m.structure}</strong>, silhouette{" "}
          {fixed(m.silhouette)}.
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
            <dd>{result.encoding.segmentQuestionIds.length}</dd>
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
            </dd>
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
        />
        <div className="pa-table-scroll">
          <table className="table pa-compact">
            <caption className="visually-hidden">
              Silhouette by number of personas (n = {n})
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
                    <StabilityBadge
                      label={p.stability.label}
                      jaccard={p.stability.meanJaccard}
                      rounds={p.stability.rounds}
                    />
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
              .sort((a, b) => b.strength - a.strength)
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
                  <StabilityBadge label={p.stability.label} jaccard={p.stability.meanJaccard} />
                </p>
                {p.card.tagline.sentences[0] && <p>{p.card.tagline.sentences[0].text}</p>}
                {top.length > 0 ? (
                  <ul className="pa-top-traits">
                    {top.map((t) => (
                      <li key={t.id}>
                        {traitSummary(t)} (n = {t.personaN} / {t.restN})
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
        {m.testsRun} tests, Benjamini-Hochberg adjusted together; distinguishing = q &lt;{" "}
        {result.parameters.alpha} and at least a small effect. Intervals are 95 %.
      </p>
    </>
  );
}
