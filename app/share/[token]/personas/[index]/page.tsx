// One persona of a shared, approved set, read-only: the template fields with the evidence each
// rests on, the forest plot and table of its distinguishing traits, and quotes.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ForestPlot } from "~/app/_components/charts/forest-plot";
import { PersonaAvatar } from "~/app/_components/persona/avatar";
import { TraitEvidenceTable } from "~/app/_components/persona/trait-evidence";
import { WhatTheySay } from "~/app/_components/persona/what-they-say";
import { forestRow } from "~/server/analysis/effect-intervals";
import type { Trait } from "~/server/analysis/result";
import { qFamilyNote } from "~/server/analysis/evidence-rules";
import { formatShare } from "~/server/analysis/trait-text";
import { StabilityBadge } from "~/app/(studio)/w/[workspaceId]/personas/status-badge";
import { loadShared } from "~/app/share/share-data";

export default async function SharedPersonaPage({
  params,
}: {
  params: Promise<{ token: string; index: string }>;
}) {
  const { token, index } = await params;
  const shared = await loadShared(token);
  // Unknown, revoked or paused: a 404 (share/not-found.tsx), so the link reads as gone to
  // crawlers and scripts as well as to people.
  if (!shared.ok) notFound();
  const set = shared.value;
  const p = /^\d+$/.test(index) ? set.personas.find((x) => x.index === Number(index)) : undefined;
  if (!p) notFound();
  const byId = new Map(p.traits.map((t) => [t.id, t]));
  const apart = new Set(p.distinguishingTraitIds);
  const distinguishing = p.traits
    .filter((t) => apart.has(t.id))
    .sort((a, b) => b.strength - a.strength);
  const fields = p.fields.filter((f) => f.key !== "name" && f.key !== "summary");
  return (
    <>
      <p className="pa-breadcrumb">
        <Link href={`/share/${token}`}>← All personas of {set.surveyTitle}</Link>
      </p>
      <div className="page-header pa-persona-header">
        <PersonaAvatar seed={p.avatarSeed} size={96} />
        <div>
          <h1>{p.name}</h1>
          {p.summary && <p className="pa-tagline">{p.summary}</p>}
          <p>
            {formatShare(p.share.estimate)} of respondents (n = {p.size} of {set.clustered}), 95 %
            CI {formatShare(p.share.lower)}–{formatShare(p.share.upper)} ·{" "}
            <StabilityBadge stability={p.stability} />
          </p>
        </div>
      </div>
      <section className="panel" aria-labelledby="persona-title">
        <h2 id="persona-title">Persona</h2>
        <div className="pa-field-grid">
          {fields.map((f) => {
            const evidence = f.evidenceTraitIds
              .map((id) => byId.get(id))
              .filter((t): t is Trait => t !== undefined);
            return (
              <article key={f.key} className="pa-field" aria-labelledby={`f-${f.key}`}>
                <header className="pa-field-head">
                  <h3 id={`f-${f.key}`} className="pa-share-field-title">
                    {f.label}
                  </h3>
                  <span className={`badge ${f.personWritten ? "pa-person" : "pa-draft"}`}>
                    {f.personWritten ? "Written by a person" : "Generated from the data"}
                  </span>
                </header>
                <p className="pa-field-text">{f.value || "Insufficient evidence."}</p>
                {evidence.length > 0 && (
                  <details className="pa-evidence-details">
                    <summary>
                      Evidence: {evidence.length} trait{evidence.length === 1 ? "" : "s"}
                      <span className="visually-hidden"> for {f.label.toLowerCase()}</span>
                    </summary>
                    <TraitEvidenceTable traits={evidence} caption={`Evidence for ${f.label}`} />
                  </details>
                )}
              </article>
            );
          })}
        </div>
      </section>
      <section className="panel" aria-labelledby="traits-title">
        <h2 id="traits-title">What sets {p.name} apart</h2>
        {distinguishing.length > 0 ? (
          <>
            <ForestPlot
              points={distinguishing.slice(0, 15).map((t) => {
                const r = forestRow(t, true);
                return { label: r.label, ...r.dScale, distinguishing: true };
              })}
              label={`Forest plot of the distinguishing traits of ${p.name}; the table below has every number.`}
            />
            <TraitEvidenceTable
              traits={distinguishing}
              caption={`Distinguishing traits of ${p.name}`}
            />
          </>
        ) : (
          <p className="pa-note">Insufficient evidence: no trait sets this persona apart.</p>
        )}
        <p className="hint">Intervals 95 %; {qFamilyNote(set.testsRun, set.segmentTests)}</p>
      </section>
      {p.quotes.length > 0 && (
        <section className="panel" aria-labelledby="quotes-title">
          <h2 id="quotes-title">In their words</h2>
          {p.quotes.map((q, i) => (
            <figure key={i} className="pa-quote">
              <blockquote>{q.text}</blockquote>
              <figcaption>{q.questionLabel}</figcaption>
            </figure>
          ))}
        </section>
      )}
      <WhatTheySay texts={p.texts} />
    </>
  );
}
