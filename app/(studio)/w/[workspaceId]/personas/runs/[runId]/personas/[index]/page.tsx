// One draft persona with its evidence: share and stability, the drafted card (each sentence links
// to the traits it came from), distinguishing traits with n, intervals, effect and q, all traits,
// quotes from typical members and the responses behind the persona.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FormAlert } from "~/app/_components/form-alert";
import { attempt, serverApi } from "~/app/_lib/server-api";
import type { CardSection, Trait } from "~/server/analysis/result";
import {
  comparison,
  formatInterval,
  formatQ,
  formatShare,
  formatValue,
} from "~/server/analysis/trait-text";
import { StabilityBadge } from "../../../../status-badge";
import { OpenOnHash } from "./open-on-hash";
import "../../../../personas.css";

export const metadata: Metadata = { title: "Persona" };

const effectSymbols: Record<Trait["effect"]["name"], string> = {
  "cohens-h": "Cohen's h",
  "cohens-d": "Cohen's d",
  "cliffs-delta": "Cliff's δ",
};

const MEMBERS_SHOWN = 50;

/** Stable anchors for trait rows (trait ids hold characters that make poor fragment ids). */
function anchorFor(index: number, distinguishing: boolean): string {
  return distinguishing ? `trait-${index}` : `all-trait-${index}`;
}

export default async function PersonaPage({
  params,
}: {
  params: Promise<{ workspaceId: string; runId: string; index: string }>;
}) {
  const { workspaceId, runId, index } = await params;
  const api = await serverApi();
  const run = await attempt(() => api.analysis.get({ workspaceId, runId }));
  if (!run.ok) {
    if (run.code === "NOT_FOUND" || run.code === "FORBIDDEN") notFound();
    return <FormAlert message={run.message} />;
  }
  const runBase = `/w/${workspaceId}/personas/runs/${runId}`;
  const result = run.value.result;
  const persona = /^\d+$/.test(index)
    ? result?.personas.find((p) => p.index === Number(index))
    : undefined;
  if (!result || !persona) {
    return (
      <>
        <p className="pa-breadcrumb">
          <Link href={runBase}>← Back to the run</Link>
        </p>
        <section className="empty-state" aria-labelledby="empty-title">
          <h1 id="empty-title">No such persona</h1>
          <p>
            {result
              ? "This run has no persona with that number."
              : "This run has not finished, so it has no personas yet."}
          </p>
        </section>
      </>
    );
  }

  const p = persona;
  const card = p.card;
  const n = result.encoding.clustered;
  const ranked = [...p.traits].sort((a, b) => b.strength - a.strength);
  const distinguishingSet = new Set(p.distinguishingTraitIds);
  const distinguishing = ranked.filter((t) => distinguishingSet.has(t.id));
  // Reference labels: distinguishing traits 1, 2, …; others A1, A2, … by their row in "all traits".
  const refs = new Map<string, { label: string; href: string; trait: Trait }>();
  distinguishing.forEach((t, i) =>
    refs.set(t.id, { label: String(i + 1), href: `#${anchorFor(i, true)}`, trait: t }),
  );
  ranked.forEach((t, i) => {
    if (!refs.has(t.id))
      refs.set(t.id, { label: `A${i + 1}`, href: `#${anchorFor(i, false)}`, trait: t });
  });
  const responsesBase = `/w/${workspaceId}/surveys/${run.value.surveyId}/responses`;
  const quotes = card.quotes.length > 0 ? card.quotes : p.quotes;
  const ambiguous = new Set(p.ambiguousMemberIds);

  function section(title: string, s: CardSection, id: string) {
    return (
      <div className="pa-card-section" key={id}>
        <h3 id={id}>{title}</h3>
        {s.sentences.length > 0 && (
          <ul>
            {s.sentences.map((sentence, i) => (
              <li key={i}>
                {sentence.text}
                {sentence.traitIds.map((traitId) => {
                  const ref = refs.get(traitId);
                  if (!ref) return null;
                  return (
                    <sup key={traitId} className="pa-ref">
                      <a href={ref.href} title={`${ref.trait.label}: ${comparison(ref.trait)}`}>
                        {ref.label}
                        <span className="visually-hidden">
                          {" "}
                          (evidence: {ref.trait.label}, {comparison(ref.trait)})
                        </span>
                      </a>
                    </sup>
                  );
                })}
              </li>
            ))}
          </ul>
        )}
        {s.note && <p className="pa-note">{s.note}</p>}
        {s.sentences.length === 0 && !s.note && <p className="pa-note">Insufficient evidence.</p>}
      </div>
    );
  }

  return (
    <>
      <p className="pa-breadcrumb">
        <Link href={runBase}>← {run.value.surveyTitle}: all personas of this run</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>
            {p.name} <span className="badge pa-draft">DRAFT</span>
          </h1>
          <p>
            {p.size} of {n} respondents (n = {n}) · {formatShare(p.share.estimate)}{" "}
            <span>
              (95 % CI {formatShare(p.share.lower)}–{formatShare(p.share.upper)})
            </span>{" "}
            ·{" "}
            <StabilityBadge
              label={p.stability.label}
              jaccard={p.stability.meanJaccard}
              rounds={p.stability.rounds}
            />
          </p>
        </div>
      </div>
      <p className="pa-note">
        {card.draftNote} {card.nameNote}
      </p>
      {card.evidence === "thin" && (
        <FormAlert message="Insufficient evidence: nothing sets this persona clearly apart from the rest, so its card stays thin." />
      )}

      <section className="panel" aria-labelledby="card-title">
        <h2 id="card-title">Draft persona card</h2>
        <p className="hint">
          Superscripts name the traits each sentence was composed from; numbers point to the
          distinguishing traits below, A-numbers to the full list.
        </p>
        {card.tagline.sentences.length > 0 && (
          <p className="pa-tagline">{card.tagline.sentences.map((s) => s.text).join(" ")}</p>
        )}
        <div className="pa-card-grid">
          {section("Job", card.job, "card-job")}
          {section("Demographics", card.demographics, "card-demographics")}
          {section("Goals", card.goals, "card-goals")}
          {section("Challenges", card.challenges, "card-challenges")}
          {section("Values", card.values, "card-values")}
          {section("Fears", card.fears, "card-fears")}
          {section("Marketing message", card.marketingMessage, "card-marketing")}
          {section("Elevator pitch", card.elevatorPitch, "card-pitch")}
        </div>
      </section>

      <section className="panel" aria-labelledby="traits-title">
        <h2 id="traits-title">
          Distinguishing traits ({distinguishing.length} of {p.traits.length} tested)
        </h2>
        <p className="muted">
          Ranked by effect size. Persona vs the other {n - p.size} clustered respondents, 95 %
          intervals in brackets; q is the Benjamini-Hochberg adjusted p over all{" "}
          {result.metrics.testsRun} tests of the run.
        </p>
        {distinguishing.length > 0 ? (
          <TraitTable traits={distinguishing} distinguishing />
        ) : (
          <p className="pa-note">
            Insufficient evidence: no trait reaches q &lt; {result.parameters.alpha} with at least a
            small effect.
          </p>
        )}
        <OpenOnHash />
        <details className="pa-details">
          <summary>All traits ({ranked.length})</summary>
          <TraitTable traits={ranked} distinguishing={false} />
        </details>
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
            {card.quotesNote ?? "No quotes: members left no written answers."}
          </p>
        )}
      </section>

      <section className="panel" aria-labelledby="members-title">
        <h2 id="members-title">The responses behind it</h2>
        <p>
          {p.memberIds.length} member responses, {p.ambiguousMemberIds.length} of them ambiguous
          (almost as close to another persona). Representative members first.
        </p>
        <ol className="pa-members">
          {orderMembers(p.representativeIds, p.memberIds)
            .slice(0, MEMBERS_SHOWN)
            .map((id) => (
              <li key={id}>
                <Link href={`${responsesBase}/${id}`}>
                  <code>{id}</code>
                </Link>
                {ambiguous.has(id) && <span className="hint"> (ambiguous)</span>}
              </li>
            ))}
        </ol>
        {p.memberIds.length > MEMBERS_SHOWN && (
          <p className="hint">
            Showing {MEMBERS_SHOWN} of {p.memberIds.length}.
          </p>
        )}
      </section>
    </>
  );
}

function orderMembers(representative: string[], members: string[]): string[] {
  const seen = new Set(representative);
  return [...representative, ...members.filter((id) => !seen.has(id))];
}

function TraitTable({ traits, distinguishing }: { traits: Trait[]; distinguishing: boolean }) {
  return (
    <div className="pa-table-scroll">
      <table className="table pa-compact pa-traits">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Trait</th>
            <th scope="col" className="pa-num">
              Persona [95 % CI]
            </th>
            <th scope="col" className="pa-num">
              Rest [95 % CI]
            </th>
            <th scope="col" className="pa-num">
              n persona / rest
            </th>
            <th scope="col" className="pa-num">
              Effect
            </th>
            <th scope="col" className="pa-num">
              q
            </th>
          </tr>
        </thead>
        <tbody>
          {traits.map((t, i) => (
            <tr key={t.id} id={anchorFor(i, distinguishing)}>
              <td>{distinguishing ? i + 1 : `A${i + 1}`}</td>
              <th scope="row">
                {t.label}
                {t.direction !== "equal" && (
                  <span className="hint"> {t.direction === "higher" ? "↑ higher" : "↓ lower"}</span>
                )}
                {t.segmentInput && <span className="hint pa-block">segment input</span>}
              </th>
              <td className="pa-num">
                {formatValue(t, t.personaValue)}{" "}
                <span className="muted">[{formatInterval(t, t.personaInterval)}]</span>
              </td>
              <td className="pa-num">
                {formatValue(t, t.restValue)}{" "}
                <span className="muted">[{formatInterval(t, t.restInterval)}]</span>
              </td>
              <td className="pa-num">
                {t.personaN} / {t.restN}
              </td>
              <td className="pa-num">
                {effectSymbols[t.effect.name]} = {t.effect.value.toFixed(2)}
                <span className="hint pa-block">{t.effect.magnitude}</span>
              </td>
              <td className="pa-num">{formatQ(t.q)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
