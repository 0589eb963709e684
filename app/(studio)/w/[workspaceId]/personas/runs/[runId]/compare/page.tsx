// Two or three personas side by side: who they are (share, stability, summary), then trait by
// trait every question that sets at least one of them apart, with each persona's value, 95 %
// interval, n and effect, strongest differences first; stage by stage on the journey maps the
// run filled (stage-comparison.tsx); then their template fields.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormAlert } from "~/app/_components/form-alert";
import { PersonaAvatar } from "~/app/_components/persona/avatar";
import { effectSymbols, TraitNotes } from "~/app/_components/persona/trait-evidence";
import { WhatTheySayBrief } from "~/app/_components/persona/what-they-say";
import { attempt, serverApi } from "~/app/_lib/server-api";
import { compareTraits } from "~/server/analysis/persona-compare";
import {
  directionLabel,
  formatInterval,
  formatQ,
  formatShare,
  formatValue,
} from "~/server/analysis/trait-text";
import { StabilityBadge } from "~/app/(studio)/w/[workspaceId]/personas/status-badge";
import { StageComparison } from "./stage-comparison";
import "../../../personas.css";
import "~/app/_components/persona/persona-review.css";
import { ComparisonTable } from "./comparison-table";

export const metadata: Metadata = { title: "Compare personas" };

const MAX = 3;

function chosenIndexes(raw: string | string[] | undefined, count: number): number[] {
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : [])
    .filter((v) => /^\d+$/.test(v))
    .map(Number)
    .filter((v) => v < count);
  const unique = [...new Set(list)].slice(0, MAX);
  if (unique.length >= 2) return unique;
  return [0, 1, 2].filter((i) => i < count).slice(0, Math.min(2, count));
}

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string; runId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { workspaceId, runId } = await params;
  const search = await searchParams;
  const api = await serverApi();
  const set = await attempt(() => api.persona.set({ workspaceId, runId }));
  if (!set.ok && set.code === "FORBIDDEN") notFound();
  const base = `/w/${workspaceId}/personas`;
  if (!set.ok) {
    return (
      <>
        <h1>Compare personas</h1>
        <FormAlert message={set.message} />
      </>
    );
  }
  const all = set.value.personas;
  const indexes = chosenIndexes(search.p, all.length);
  const chosen = indexes
    .map((i) => all.find((p) => p.index === i))
    .filter((p): p is (typeof all)[number] => p !== undefined);
  const rows = compareTraits(chosen);
  const stages = await attempt(() => api.journey.stagesForRun({ workspaceId, runId }));
  const fieldKeys = chosen[0]?.fields.filter((f) => f.key !== "name").map((f) => f.key) ?? [];

  return (
    <>
      <p className="pa-breadcrumb">
        <Link href={`${base}?run=${runId}`}>← Gallery</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>Compare personas</h1>
          <p>
            {set.value.surveyTitle}: side by side, trait by trait (n = {set.value.clustered}{" "}
            clustered respondents).
          </p>
        </div>
      </div>
      <form method="get" className="pa-compare-pick" aria-labelledby="pick-title">
        <p id="pick-title" className="label">
          Choose two or three personas
        </p>
        {all.map((p) => (
          <label key={p.index} className="pa-choice">
            <input
              type="checkbox"
              name="p"
              value={p.index}
              defaultChecked={indexes.includes(p.index)}
            />
            {p.name}
          </label>
        ))}
        <button type="submit" className="button secondary small">
          Compare
        </button>
      </form>
      {chosen.length < 2 ? (
        <p className="pa-note">This run has fewer than two personas to compare.</p>
      ) : (
        <>
          <section className="panel" aria-labelledby="who-title">
            <h2 id="who-title">Who they are</h2>
            <div className="pa-compare-heads">
              {chosen.map((p) => (
                <div key={p.index}>
                  <div className="pa-compare-head">
                    <PersonaAvatar seed={p.avatarSeed} size={56} />
                    <h3>
                      <Link href={`${base}/runs/${runId}/personas/${p.index}`}>{p.name}</Link>
                    </h3>
                  </div>
                  <p>
                    {formatShare(p.share.estimate)} (n = {p.size}), 95 % CI{" "}
                    {formatShare(p.share.lower)}–{formatShare(p.share.upper)}
                  </p>
                  <p>
                    <StabilityBadge stability={p.stability} />
                  </p>
                  <p className="pa-summary">{p.summary || "–"}</p>
                </div>
              ))}
            </div>
          </section>
          <section className="panel" aria-labelledby="traits-title">
            <h2 id="traits-title">Trait by trait</h2>
            <p className="muted">
              Every question (or option) that sets at least one of them apart (q &lt;{" "}
              {set.value.alpha}, at least a small effect), strongest first. Each cell: the
              persona&apos;s value [95 % CI], n, and its effect against everyone else; bold where it
              sets that persona apart. Questions marked “formed from these answers” are the ones the
              personas were built from: they differ by construction and describe the personas rather
              than test them.
              {set.value.minGroupN !== null &&
                ` Below ${set.value.minGroupN} answers per group a cell says “insufficient evidence”.`}
            </p>
            {rows.length === 0 ? (
              <p className="pa-note">Insufficient evidence: no trait sets any of them apart.</p>
            ) : (
              <ComparisonTable rowHeading="Trait" personas={chosen}>
                {rows.map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    {row.cells.map((cell, i) => (
                      <td key={i} className={cell?.distinguishing ? "pa-apart" : undefined}>
                        {cell ? (
                          <>
                            {formatValue(cell.trait, cell.trait.personaValue)}{" "}
                            <span className="muted">
                              [{formatInterval(cell.trait, cell.trait.personaInterval)}]
                            </span>
                            <span className="hint pa-block">
                              {directionLabel(cell.trait)} · n = {cell.trait.personaN} ·{" "}
                              {effectSymbols[cell.trait.effect.name]}{" "}
                              {cell.trait.effect.value.toFixed(2)}
                              {cell.trait.insufficient ? "" : ` · q ${formatQ(cell.trait.q)}`}
                              {cell.distinguishing ? " · sets apart" : ""}
                            </span>
                            <TraitNotes trait={cell.trait} />
                          </>
                        ) : (
                          <span className="muted">not measured</span>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </ComparisonTable>
            )}
          </section>
          {stages.ok ? (
            <StageComparison maps={stages.value} personas={chosen} workspaceId={workspaceId} />
          ) : null}
          {chosen.some((p) => p.texts.length > 0) && (
            <section className="panel" aria-labelledby="says-title">
              <h2 id="says-title">What they say</h2>
              <p className="pa-note">
                Top themes per free-text question as shares of each persona&apos;s respondents, and
                the tone of their answers (English answers only); the persona page has quotes.
              </p>
              <div className="pa-compare-heads">
                {chosen.map((p) => (
                  <div key={p.index}>
                    <h3>{p.name}</h3>
                    {p.texts.length > 0 ? (
                      <WhatTheySayBrief texts={p.texts} themesShown={3} />
                    ) : (
                      <p className="pa-note">No free-text answers.</p>
                    )}
                  </div>
                ))}
              </div>
            </section>
          )}
          <section className="panel" aria-labelledby="fields-title">
            <h2 id="fields-title">Persona fields</h2>
            <ComparisonTable rowHeading="Field" personas={chosen}>
              {fieldKeys.map((key) => (
                <tr key={key}>
                  <th scope="row">{chosen[0]?.fields.find((f) => f.key === key)?.label}</th>
                  {chosen.map((p) => {
                    const f = p.fields.find((x) => x.key === key);
                    return (
                      <td key={p.index} className="pa-field-text">
                        {f?.value || <span className="pa-note">Insufficient evidence.</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </ComparisonTable>
          </section>
        </>
      )}
    </>
  );
}
