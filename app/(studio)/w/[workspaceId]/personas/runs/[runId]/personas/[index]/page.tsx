// One persona for review: the persona template (name, summary, job, demographics, goals and
// challenges, values and fears, marketing message, elevator pitch), each field with the evidence
// it rests on and, for strategists and owners, an editor; a forest plot and table of its traits;
// the discussion; the perception check; the history of edits; quotes, what the persona says in
// free text (themes and tone) and the responses behind it.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RenderDownload } from "~/app/_components/render-download";
import { ForestPlot } from "~/app/_components/charts/forest-plot";
import { FormAlert } from "~/app/_components/form-alert";
import { PlaceholderNameHint } from "~/app/_components/persona/placeholder-name-hint";
import { PersonaAvatar } from "~/app/_components/persona/avatar";
import { ReviewBadge } from "~/app/_components/persona/review-badge";
import { TraitEvidenceTable } from "~/app/_components/persona/trait-evidence";
import { WhatTheySay } from "~/app/_components/persona/what-they-say";
import { attempt, serverApi } from "~/app/_lib/server-api";
import { forestRow } from "~/server/analysis/effect-intervals";
import { qFamilyNote } from "~/server/analysis/evidence-rules";
import type { Trait } from "~/server/analysis/result";
import { formatShare } from "~/server/analysis/trait-text";
import { constructLabels } from "~/server/domain/perception";
import { StabilityBadge } from "../../../../status-badge";
import { DISCUSS_HASH } from "../../../../_review/discuss-hash";
import { ClaimAnswersTable } from "~/app/_components/persona/claim-answers-table";
import { Discussion } from "../../../../_review/discussion";
import { FieldEditor } from "../../../../_review/field-editor";
import { PerceptionForm } from "../../../../_review/perception-form";
import "../../../../personas.css";
import "~/app/_components/persona/persona-review.css";
import "~/app/_components/charts/charts.css";
import { plural } from "~/app/_lib/format";
import { Glossary } from "~/app/_components/glossary";
import { LocalDate } from "~/app/_components/locale";

export const metadata: Metadata = { title: "Persona" };

const MEMBERS_SHOWN = 25;
const FOREST_MAX = 15;
/** Fields whose evidence also includes the typical members' own words. */
const voicedFields = new Set(["summary", "marketingMessage", "elevatorPitch"]);
const groups = ["Who", "Goals and challenges", "Values and fears", "Messages"] as const;
const kindLabels = {
  EDIT: "Edited",
  REVERT: "Back to the draft",
  CARRY_FORWARD: "Kept from the last run",
};

export default async function PersonaPage({
  params,
}: {
  params: Promise<{ workspaceId: string; runId: string; index: string }>;
}) {
  const { workspaceId, runId, index } = await params;
  if (!/^\d+$/.test(index)) notFound();
  const api = await serverApi();
  const view = await attempt(() => api.persona.get({ workspaceId, runId, index: Number(index) }));
  const base = `/w/${workspaceId}/personas`;
  if (!view.ok) {
    if (view.code === "FORBIDDEN") notFound();
    return (
      <>
        <p className="pa-breadcrumb">
          <Link href={`${base}/runs/${runId}`}>← Back to the run</Link>
        </p>
        <section className="empty-state" aria-labelledby="empty-title">
          <h1 id="empty-title">No such persona</h1>
          <p>{view.message}</p>
        </section>
      </>
    );
  }
  const v = view.value;
  const p = v.persona;
  const [threads, perception, behind] = await Promise.all([
    attempt(() => api.comment.listForPersona({ workspaceId, personaId: p.id })),
    attempt(() => api.persona.perception({ workspaceId, personaId: p.id })),
    attempt(() =>
      api.persona.claimAnswers({ workspaceId, runId, index: p.index, limit: MEMBERS_SHOWN }),
    ),
  ]);
  const traitsById = new Map(p.persona.traits.map((t) => [t.id, t]));
  const distinguishingSet = new Set(p.persona.distinguishingTraitIds);
  const ranked = [...p.persona.traits].sort((a, b) => b.strength - a.strength);
  const distinguishing = ranked.filter((t) => distinguishingSet.has(t.id));
  const forest = (distinguishing.length > 0 ? distinguishing : ranked)
    .slice(0, FOREST_MAX)
    .map((t) => forestRow(t, distinguishingSet.has(t.id)));
  const quotes = p.persona.card.quotes.length > 0 ? p.persona.card.quotes : p.persona.quotes;
  const responsesBase = `/w/${workspaceId}/surveys/${v.run.surveyId}/responses`;
  const position = v.siblings.findIndex((s) => s.index === p.index);
  const previous = v.siblings[position - 1];
  const next = v.siblings[position + 1];
  const compareWith = next ?? previous;
  const editNote = !v.editable
    ? "This persona set is approved, so its fields are locked; reopen the review in the gallery to change them."
    : v.canEdit
      ? null
      : "Strategists and owners edit these fields; you can read them, see their evidence and comment.";
  const apiBase = `/api/v1/workspaces/${workspaceId}/runs/${runId}/personas/${p.index}`;
  const discussLink = (t: Trait) => (
    <a href={`${DISCUSS_HASH}${encodeURIComponent(t.id)}`} className="pa-discuss">
      Discuss<span className="visually-hidden"> {t.label}</span>
    </a>
  );

  return (
    <>
      <nav className="pa-breadcrumb pa-persona-nav" aria-label="Personas of this run">
        <Link href={`${base}?run=${runId}`}>← Gallery</Link>
        {previous && (
          <Link href={`${base}/runs/${runId}/personas/${previous.index}`}>‹ {previous.name}</Link>
        )}
        {next && <Link href={`${base}/runs/${runId}/personas/${next.index}`}>{next.name} ›</Link>}
      </nav>
      <div className="page-header pa-persona-header">
        <PersonaAvatar seed={p.avatarSeed} size={96} />
        <div>
          <h1>{p.name}</h1>
          {p.placeholderName && (
            <PlaceholderNameHint href={v.canEdit ? "#field-name-title" : undefined} />
          )}
          {p.title && <p className="pa-archetype">{p.title}</p>}
          {p.summary && <p className="pa-tagline">{p.summary}</p>}
          <p>
            {formatShare(p.share.estimate)} of respondents (n = {p.size} of {v.clustered}
            <Glossary term="n" />
            ), 95 % CI
            <Glossary term="ci" /> {formatShare(p.share.lower)}–{formatShare(p.share.upper)} ·{" "}
            <StabilityBadge stability={p.stability} />
            <Glossary term="jaccard" /> <ReviewBadge status={v.run.reviewStatus} />
          </p>
          <p className="row pa-actions">
            <RenderDownload href={`${apiBase}/pdf`} label="Download PDF" what="PDF" />
            <RenderDownload href={`${apiBase}/png`} label="Download PNG" what="PNG" />
            <Link
              className="button secondary small"
              href={`${base}/runs/${runId}/present?i=${p.index}`}
            >
              Present
            </Link>
            {compareWith && (
              <Link
                className="button secondary small"
                href={`${base}/runs/${runId}/compare?p=${p.index}&p=${compareWith.index}`}
              >
                Compare
              </Link>
            )}
          </p>
        </div>
      </div>
      {p.evidence === "thin" && (
        <FormAlert message="Insufficient evidence: nothing sets this persona clearly apart from the rest, so its draft stays thin." />
      )}
      {p.flaggedCount > 0 && (
        <div className="alert pa-flag" role="note">
          {p.flaggedCount} person-written field{p.flaggedCount === 1 ? "" : "s"} kept from the last
          run rest on evidence that changed: check {p.flaggedCount === 1 ? "it" : "them"} below.
        </div>
      )}

      <section className="panel" aria-labelledby="template-title">
        <h2 id="template-title">Persona</h2>
        <p className="hint">
          Generated drafts are composed only from the statistics; edits are kept with their history
          and the draft is never lost. Open “Evidence” under a field to see what it rests on.
        </p>
        {editNote && (
          <p className="alert pa-flag" role="note">
            {editNote}
          </p>
        )}
        {groups.map((group) => (
          <div key={group} className="pa-field-group">
            <h3>{group}</h3>
            <div className="pa-field-grid">
              {p.fields
                .filter((f) => f.group === group)
                .map((f) => {
                  const evidence = f.evidenceTraitIds
                    .map((id) => traitsById.get(id))
                    .filter((t): t is Trait => t !== undefined);
                  const withQuotes = voicedFields.has(f.key) && quotes.length > 0;
                  return (
                    <FieldEditor
                      key={f.key}
                      workspaceId={workspaceId}
                      personaId={p.id}
                      field={f}
                      canEdit={v.canEdit}
                    >
                      <details className="pa-evidence-details">
                        <summary>
                          Evidence: {evidence.length} trait{evidence.length === 1 ? "" : "s"}
                          {withQuotes ? `, ${plural(quotes.length, "quote")}` : ""}
                          <span className="visually-hidden"> for {f.label.toLowerCase()}</span>
                        </summary>
                        {evidence.length > 0 ? (
                          <TraitEvidenceTable
                            traits={evidence}
                            caption={`Evidence for ${f.label}`}
                          />
                        ) : (
                          <p className="pa-note">
                            {f.key === "name"
                              ? "A name is not evidence: it is a label people choose."
                              : (f.draftNote ?? "No trait evidence.")}
                          </p>
                        )}
                        {withQuotes &&
                          quotes.map((q) => (
                            <figure
                              key={`${q.responseId}-${q.questionId}`}
                              className="pa-evidence-quote"
                            >
                              <blockquote>{q.text}</blockquote>
                              <figcaption>{q.questionLabel}</figcaption>
                            </figure>
                          ))}
                        {f.personWritten && (
                          <div className="pa-draft-copy">
                            <p className="label">The generated draft</p>
                            <p className="pa-field-text">{f.draft || (f.draftNote ?? "–")}</p>
                          </div>
                        )}
                      </details>
                    </FieldEditor>
                  );
                })}
            </div>
          </div>
        ))}
      </section>

      <section className="panel" aria-labelledby="traits-title">
        <h2 id="traits-title">
          Distinguishing traits ({distinguishing.length} of {p.persona.traits.length} tested)
        </h2>
        <p className="muted">
          Persona vs the other {v.clustered - p.size} clustered respondents. Effect sizes with
          approximate 95 % intervals, on Cohen&apos;s d scale in the plot (0 = no difference);{" "}
          {qFamilyNote(v.testsRun, v.segmentTests)} Traits marked “formed from these answers” are on
          the segment questions: they describe the persona, they are not findings.
          {v.minGroupN !== null &&
            ` A trait needs at least ${v.minGroupN} answers in the persona and among the others; below that it shows “insufficient evidence”.`}
        </p>
        {forest.length > 0 && (
          <ForestPlot
            points={forest.map((r) => ({
              label: r.label,
              value: r.dScale.value,
              lower: r.dScale.lower,
              upper: r.dScale.upper,
              distinguishing: r.distinguishing,
            }))}
            label={`Forest plot of ${forest.length} ${distinguishing.length > 0 ? "distinguishing" : "strongest"} traits of ${p.name}: ${forest
              .slice(0, 3)
              .map((r) => `${r.label} ${r.dScale.value.toFixed(2)}`)
              .join("; ")}${forest.length > 3 ? "; …" : ""}. The table below has every number.`}
          />
        )}
        {distinguishing.length > 0 ? (
          <TraitEvidenceTable
            traits={distinguishing}
            caption={`Distinguishing traits of ${p.name}`}
            actions={discussLink}
            className="pa-traits"
          />
        ) : (
          <p className="pa-note">
            Insufficient evidence: no trait reaches q &lt; {v.alpha} with at least a small effect.
          </p>
        )}
        <details className="pa-details">
          <summary>All traits ({ranked.length})</summary>
          <TraitEvidenceTable
            traits={ranked}
            caption={`All traits of ${p.name}`}
            actions={discussLink}
          />
        </details>
      </section>

      {threads.ok ? (
        <Discussion
          workspaceId={workspaceId}
          runId={runId}
          personaId={p.id}
          personaName={p.name}
          traits={[...distinguishing, ...ranked.filter((t) => !distinguishingSet.has(t.id))].map(
            (t) => ({ id: t.id, label: t.label }),
          )}
          threads={threads.value}
          locked={!v.editable}
        />
      ) : (
        <FormAlert message={threads.message} />
      )}

      <section className="panel" aria-labelledby="perception-title">
        <h2 id="perception-title">Perception check</h2>
        <p className="muted">
          How reviewers perceive this persona, on the eight constructs of the Persona Perception
          Scale (Salminen et al., 2020), with statements in our own words, 1 to 7.
        </p>
        {perception.ok ? (
          <>
            <div className="pa-table-scroll">
              <table className="table pa-compact">
                <caption className="visually-hidden">
                  Mean perception per construct ({plural(perception.value.reviewers, "reviewer")})
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Construct</th>
                    <th scope="col" className="pa-num">
                      Mean (1–7)
                    </th>
                    <th scope="col" className="pa-num">
                      Range
                    </th>
                    <th scope="col" className="pa-num">
                      Reviewers
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {perception.value.constructs.map((c) => (
                    <tr key={c.construct}>
                      <th scope="row">{constructLabels[c.construct]}</th>
                      <td className="pa-num">{c.mean === null ? "–" : c.mean.toFixed(1)}</td>
                      <td className="pa-num">
                        {c.min === null || c.max === null
                          ? "–"
                          : `${c.min.toFixed(1)}–${c.max.toFixed(1)}`}
                      </td>
                      <td className="pa-num">{c.n}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {perception.value.canRate ? (
              <details className="pa-details">
                <summary>
                  {perception.value.mine ? "Change my rating" : "Rate this persona"}
                </summary>
                <PerceptionForm
                  workspaceId={workspaceId}
                  personaId={p.id}
                  mine={perception.value.mine}
                />
              </details>
            ) : perception.value.locked ? (
              <p className="pa-note" role="note">
                This persona set is approved, so its ratings are locked. Reopen the review in the
                gallery to rate it again.
              </p>
            ) : (
              <p className="hint">Strategists and owners rate personas.</p>
            )}
          </>
        ) : (
          <FormAlert message={perception.message} />
        )}
      </section>

      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">History of edits</h2>
        {v.history.length === 0 ? (
          <p className="muted">No person has changed this persona yet: every field is the draft.</p>
        ) : (
          <div className="pa-table-scroll">
            <table className="table pa-compact pa-history">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Field</th>
                  <th scope="col">Change</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                  <th scope="col">Who</th>
                </tr>
              </thead>
              <tbody>
                {v.history.map((h) => (
                  <tr key={h.id}>
                    <td>
                      <LocalDate value={h.createdAt} time />
                    </td>
                    <th scope="row">{h.fieldLabel}</th>
                    <td>
                      {kindLabels[h.kind]}
                      {h.note && <span className="hint pa-block">{h.note}</span>}
                    </td>
                    <td className="pa-history-text">{h.before || "–"}</td>
                    <td className="pa-history-text">{h.after || "–"}</td>
                    <td>
                      {h.actorName ??
                        (h.kind === "CARRY_FORWARD" ? "Persona Atlas" : "A former member")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="quotes-title">
        <h2 id="quotes-title">Quotes from typical members</h2>
        {quotes.length > 0 ? (
          quotes.map((q) => (
            <figure key={`${q.responseId}-${q.questionId}`} className="pa-quote">
              <blockquote>{q.text}</blockquote>
              <figcaption>
                {q.questionLabel} · response{" "}
                <Link href={`${responsesBase}/${q.responseId}`}>
                  <code>{q.responseId}</code>
                </Link>{" "}
                · closeness rank {q.closenessRank}
              </figcaption>
            </figure>
          ))
        ) : (
          <p className="pa-note">
            {p.persona.card.quotesNote ?? "No quotes: members left no written answers."}
          </p>
        )}
      </section>

      <WhatTheySay texts={p.persona.texts} responsesBase={responsesBase} />

      <section className="panel" aria-labelledby="members-title">
        <h2 id="members-title">The responses behind it</h2>
        <p>
          {p.persona.memberIds.length} member responses, {p.persona.ambiguousMemberIds.length} of
          them ambiguous (almost as close to another persona). Representative members first.
        </p>
        {behind.ok ? (
          <ClaimAnswersTable
            answers={behind.value}
            caption={`Members of ${p.name} and their answers to the questions its traits rest on`}
            responseHref={(id) => `${responsesBase}/${id}`}
          />
        ) : (
          <FormAlert message={behind.message} />
        )}
      </section>
    </>
  );
}
