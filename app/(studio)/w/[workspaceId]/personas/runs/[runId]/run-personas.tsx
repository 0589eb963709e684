// The personas of a finished run: a table of their sizes with 95 % intervals, n and stability,
// and a card per persona with its strongest distinguishing traits.
import Link from "next/link";
import { IntervalBar } from "~/app/_components/charts/interval-bar";
import { traitFamily, TRAIT_FAMILY_TEXT } from "~/server/analysis/evidence-rules";
import type { AnalysisResult, Trait } from "~/server/analysis/result";
import { formatShare, traitSummary } from "~/server/analysis/trait-text";
import { StabilityBadge } from "~/app/(studio)/w/[workspaceId]/personas/status-badge";
import { DataTable } from "~/app/_components/data-table";

interface RunPersonasProps {
  result: AnalysisResult;
  personaBase: string;
}

export function PersonaSizes({ result, personaBase }: RunPersonasProps) {
  const n = result.encoding.clustered;
  const maxUpper = Math.max(0.05, ...result.personas.map((p) => p.share.upper));
  return (
    <section className="panel" aria-labelledby="sizes-title">
      <h2 id="sizes-title">Persona sizes and stability</h2>
      <p className="muted">
        Share of the {n} clustered respondents, with 95 % Wilson intervals (bar: estimate, whisker:
        interval). Stability is the mean Jaccard similarity of each persona across{" "}
        {result.parameters.bootstrapRounds} bootstrap rounds.
      </p>
      <DataTable
        columns={[
          "Persona",
          { label: "n", className: "pa-num" },
          { label: "Share [95 % CI]", className: "pa-num" },
          { label: "Share as a bar", hidden: true, className: "pa-bar-col" },
          "Stability",
        ]}
        className="pa-compact"
        scroll="pa-table-scroll"
      >
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
      </DataTable>
    </section>
  );
}

export function PersonaCards({ result, personaBase }: RunPersonasProps) {
  return (
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
  );
}
