// The distinguishing traits section: a forest plot of the strongest effects on Cohen's d scale,
// the table of distinguishing traits with a link to discuss each, and every tested trait below.
import { ForestPlot } from "~/app/_components/charts/forest-plot";
import { TraitEvidenceTable } from "~/app/_components/persona/trait-evidence";
import { forestRow } from "~/server/analysis/effect-intervals";
import { qFamilyNote } from "~/server/analysis/evidence-rules";
import type { Trait } from "~/server/analysis/result";
import { DISCUSS_HASH } from "~/app/(studio)/w/[workspaceId]/personas/_review/discuss-hash";
import type { PersonaView, RankedTraits } from "./persona-view";

const FOREST_MAX = 15;

const discussLink = (t: Trait) => (
  <a href={`${DISCUSS_HASH}${encodeURIComponent(t.id)}`} className="pa-discuss">
    Discuss<span className="visually-hidden"> {t.label}</span>
  </a>
);

export function PersonaTraits({ view: v, traits }: { view: PersonaView; traits: RankedTraits }) {
  const p = v.persona;
  const { ranked, distinguishing, distinguishingSet } = traits;
  const forest = (distinguishing.length > 0 ? distinguishing : ranked)
    .slice(0, FOREST_MAX)
    .map((t) => forestRow(t, distinguishingSet.has(t.id)));
  return (
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
  );
}
