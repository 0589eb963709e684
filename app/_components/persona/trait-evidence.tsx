// The evidence behind a persona field or card: its traits with persona and rest values and 95 %
// intervals, n per group, the effect with its approximate 95 % interval, and q. Used in the
// studio, on share pages and in print, so a claim always reads with the same numbers. Traits on
// the segment questions carry "formed from these answers" (they describe how the personas were
// made, not findings); traits below the minimum n say "insufficient evidence (n = …)" instead of
// a verdict (server/analysis/evidence-rules.ts).
import type { ReactNode } from "react";
import { effectInterval } from "~/server/analysis/effect-intervals";
import { traitFamily, TRAIT_FAMILY_TEXT } from "~/server/analysis/evidence-rules";
import type { Trait } from "~/server/analysis/result";
import {
  directionLabel,
  formatInterval,
  formatQ,
  formatValue,
  insufficientText,
} from "~/server/analysis/trait-text";
import { Glossary } from "~/app/_components/glossary";

export const effectSymbols: Record<Trait["effect"]["name"], string> = {
  "cohens-h": "Cohen's h",
  "cohens-d": "Cohen's d",
  "cliffs-delta": "Cliff's δ",
};

export function effectText(t: Trait): string {
  const ci = effectInterval(t.effect.name, t.effect.value, t.personaN, t.restN);
  return `${effectSymbols[t.effect.name]} = ${t.effect.value.toFixed(2)} [${ci.lower.toFixed(2)}, ${ci.upper.toFixed(2)}]`;
}

/** The verdict under a trait's name: formed by construction, too few answers, or not apart. */
export function TraitNotes({ trait }: { trait: Trait }) {
  const insufficient = insufficientText(trait);
  return (
    <>
      {traitFamily(trait) === "segment" && (
        <span className="badge pa-segment-badge">{TRAIT_FAMILY_TEXT.segment}</span>
      )}
      {insufficient ? (
        <span className="hint pa-block">{insufficient}</span>
      ) : (
        !trait.distinguishing && <span className="hint pa-block">does not set them apart</span>
      )}
    </>
  );
}

export function TraitEvidenceTable({
  traits,
  caption,
  actions,
  className,
}: {
  traits: readonly Trait[];
  caption: string;
  /** Optional actions shown under each trait's name (e.g. a link to discuss it). */
  actions?: (trait: Trait) => ReactNode;
  className?: string;
}) {
  return (
    <div className="pa-table-scroll">
      <table className={`table pa-compact pa-evidence${className ? ` ${className}` : ""}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Trait</th>
            <th scope="col" className="pa-num">
              Persona [95 % CI]
              <Glossary term="ci" />
            </th>
            <th scope="col" className="pa-num">
              Others [95 % CI]
            </th>
            <th scope="col" className="pa-num">
              n persona / others
              <Glossary term="n" />
            </th>
            <th scope="col" className="pa-num">
              Effect [95 % CI]
              <Glossary term="effect" />
            </th>
            <th scope="col" className="pa-num">
              q
              <Glossary term="q" />
            </th>
          </tr>
        </thead>
        <tbody>
          {traits.map((t) => (
            <tr key={t.id}>
              <th scope="row">
                {t.label}
                {t.direction !== "equal" && <span className="hint"> {directionLabel(t)}</span>}{" "}
                <TraitNotes trait={t} />
                {actions && <span className="pa-block">{actions(t)}</span>}
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
                {effectText(t)}
                <span className="hint pa-block">{t.effect.magnitude}</span>
              </td>
              <td className="pa-num">{t.insufficient ? "–" : formatQ(t.q)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
