// A persona card on one A4 landscape sheet, for PDF and PNG export: avatar, name, summary, share
// with its interval, stability and review status; the template fields (person-written ones
// marked); the forest plot of its distinguishing traits with their numbers; a quote; what they
// say in free text (top two themes and the tone per question). Exactly one
// sheet: the card is scaled down to fit when its texts are long (PrintReady fitToSheet).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ForestPlot } from "~/app/_components/charts/forest-plot";
import { PersonaAvatar } from "~/app/_components/persona/avatar";
import { ReviewBadge } from "~/app/_components/persona/review-badge";
import { effectText, TraitNotes } from "~/app/_components/persona/trait-evidence";
import { WhatTheySayBrief } from "~/app/_components/persona/what-they-say";
import { forestRow } from "~/server/analysis/effect-intervals";
import { formatInterval, formatQ, formatShare, formatValue } from "~/server/analysis/trait-text";
import { StabilityBadge } from "~/app/(studio)/w/[workspaceId]/personas/status-badge";
import { PrintReady } from "~/app/(print)/print-ready";
import {
  loadPersona,
  type PersonaParams,
} from "~/app/(studio)/w/[workspaceId]/personas/runs/[runId]/personas/[index]/load-persona";
import "~/app/(studio)/w/[workspaceId]/personas/personas.css";
import "~/app/_components/persona/persona-review.css";
import "./print-persona.css";
import "~/app/_components/charts/charts.css";
import { LocalDate } from "~/app/_components/locale";

export const metadata: Metadata = { title: "Persona card" };

const TRAITS_SHOWN = 6;

export default async function PrintPersonaPage({ params }: { params: Promise<PersonaParams> }) {
  const { view } = await loadPersona(await params);
  if (!view.ok) notFound();
  const v = view.value;
  const p = v.persona;
  const apart = new Set(p.persona.distinguishingTraitIds);
  const traits = [...p.persona.traits]
    .filter((t) => apart.has(t.id))
    .sort((a, b) => b.strength - a.strength)
    .slice(0, TRAITS_SHOWN);
  const quotes = p.persona.card.quotes.slice(0, 1);
  const fields = p.fields.filter((f) => f.key !== "name" && f.key !== "summary");
  const anyPerson = p.fields.some((f) => f.personWritten);

  return (
    <article className="pa-print" data-fit-sheet>
      <header className="pa-print-head">
        <PersonaAvatar seed={p.avatarSeed} size={84} />
        <div>
          <h1>{p.name}</h1>
          {p.summary && <p className="pa-tagline">{p.summary}</p>}
          <p>
            {formatShare(p.share.estimate)} of respondents (n = {p.size} of {v.clustered}), 95 % CI{" "}
            {formatShare(p.share.lower)}–{formatShare(p.share.upper)} ·{" "}
            <StabilityBadge stability={p.stability} /> <ReviewBadge status={v.run.reviewStatus} />
          </p>
        </div>
      </header>
      <section className="pa-print-fields" aria-label="Persona">
        {fields.map((f) => (
          <div key={f.key}>
            <h2>
              {f.label}
              {f.personWritten ? " ✎" : ""}
            </h2>
            <p>{f.value || (f.draftNote ?? "Insufficient evidence.")}</p>
          </div>
        ))}
      </section>
      <section className="pa-print-evidence" aria-label="Evidence">
        {traits.length > 0 ? (
          <>
            <ForestPlot
              width={460}
              rowHeight={28}
              points={traits.map((t) => {
                const r = forestRow(t, true);
                return { label: r.label, ...r.dScale, distinguishing: true };
              })}
              label={`Effect sizes of the ${traits.length} strongest distinguishing traits, with approximate 95 % intervals.`}
            />
            <div>
              <table className="table pa-compact">
                <thead>
                  <tr>
                    <th scope="col">Trait</th>
                    <th scope="col" className="pa-num">
                      Persona [CI]
                    </th>
                    <th scope="col" className="pa-num">
                      Others
                    </th>
                    <th scope="col" className="pa-num">
                      n
                    </th>
                    <th scope="col" className="pa-num">
                      Effect [CI]
                    </th>
                    <th scope="col" className="pa-num">
                      q
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {traits.map((t) => (
                    <tr key={t.id}>
                      <th scope="row">
                        {t.label}
                        <TraitNotes trait={t} />
                      </th>
                      <td className="pa-num">
                        {formatValue(t, t.personaValue)} [{formatInterval(t, t.personaInterval)}]
                      </td>
                      <td className="pa-num">{formatValue(t, t.restValue)}</td>
                      <td className="pa-num">
                        {t.personaN}/{t.restN}
                      </td>
                      <td className="pa-num">{effectText(t)}</td>
                      <td className="pa-num">{formatQ(t.q)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {quotes.map((q) => (
                <figure key={`${q.responseId}-${q.questionId}`} className="pa-evidence-quote">
                  <blockquote>{q.text}</blockquote>
                  <figcaption>{q.questionLabel}</figcaption>
                </figure>
              ))}
            </div>
          </>
        ) : (
          <p className="pa-note">
            Insufficient evidence: no trait sets this persona apart (q &lt; {v.alpha} with at least
            a small effect).
          </p>
        )}
      </section>
      {p.persona.texts && p.persona.texts.length > 0 && (
        <section className="pa-print-says" aria-labelledby="says-title">
          <WhatTheySayBrief texts={p.persona.texts} themesShown={2} headingId="says-title" />
        </section>
      )}
      <p className="pa-print-foot">
        Persona Atlas · {v.run.surveyTitle} · analysis of{" "}
        {v.run.finishedAt ? <LocalDate value={v.run.finishedAt} time /> : "–"} · intervals 95 %, q =
        Benjamini-Hochberg over {v.testsRun} tests
        {v.segmentTests === null ? "" : " of questions the personas were not formed from"}
        {anyPerson ? " · ✎ written by a person, other fields generated from the statistics" : ""}.
      </p>
      <PrintReady fitToSheet />
    </article>
  );
}
