// Two or three personas side by side, trait by trait: one row per question (and option) that sets
// at least one of them apart, with each persona's value, interval, n, effect and q, strongest
// differences first. Traits are matched by their key (the trait id without the persona prefix),
// since each persona's traits are tested against the rest separately. A two-option question has
// one trait per persona, naming the option that persona chose more often; where two personas name
// different options, the other option's numbers are its exact mirror (share 1 − p, interval and
// effect flipped, same test), so the question still reads as one row. Pure.
import { traitKey } from "./persona-match";
import type { Trait } from "./result";

export interface ComparedPersona {
  traits: readonly Trait[];
  distinguishingTraitIds: readonly string[];
}

export interface ComparisonCell {
  trait: Trait;
  distinguishing: boolean;
}

export interface ComparisonRow {
  key: string;
  label: string;
  measure: Trait["measure"];
  /** One per persona, in the order given; null where the persona has no such trait. */
  cells: (ComparisonCell | null)[];
  /** The largest effect (Cohen's d scale) among the personas that are set apart by it. */
  strength: number;
}

/** The one categorical share trait of a two-option question, or undefined when it has more. */
function pairTrait(traits: readonly Trait[], questionId: string): Trait | undefined {
  const own = traits.filter(
    (t) => t.questionId === questionId && t.measure === "share" && t.kind === "categorical",
  );
  return own.length === 1 ? own[0] : undefined;
}

/** The same comparison stated for the other option of a two-option question. */
export function mirrorOption(trait: Trait, option: string): Trait {
  const flip = (i: { lower: number; upper: number }) => ({
    lower: 1 - i.upper,
    upper: 1 - i.lower,
  });
  const direction =
    trait.direction === "higher" ? "lower" : trait.direction === "lower" ? "higher" : "equal";
  return {
    ...trait,
    id: `p${trait.persona}:${trait.questionId}=${option}`,
    label: `${trait.questionLabel}: ${option}`,
    option,
    personaValue: 1 - trait.personaValue,
    restValue: 1 - trait.restValue,
    personaInterval: flip(trait.personaInterval),
    restInterval: flip(trait.restInterval),
    effect: { ...trait.effect, value: -trait.effect.value },
    direction,
  };
}

export function compareTraits(
  personas: readonly ComparedPersona[],
  options: { onlyDistinguishing?: boolean } = {},
): ComparisonRow[] {
  const onlyDistinguishing = options.onlyDistinguishing ?? true;
  const maps = personas.map((p) => {
    const apart = new Set(p.distinguishingTraitIds);
    return new Map(
      p.traits.map((t) => [traitKey(t.id), { trait: t, distinguishing: apart.has(t.id) }]),
    );
  });
  const keys = new Set<string>();
  const pairRows = new Set<string>();
  maps.forEach((m, i) =>
    m.forEach((cell, key) => {
      if (onlyDistinguishing && !cell.distinguishing) return;
      const { trait } = cell;
      // One row per two-option question, under the first option that sets someone apart.
      if (pairTrait((personas[i] as ComparedPersona).traits, trait.questionId)) {
        if (pairRows.has(trait.questionId)) return;
        pairRows.add(trait.questionId);
      }
      keys.add(key);
    }),
  );
  const cellFor = (i: number, key: string): ComparisonCell | null => {
    const m = maps[i] as Map<string, ComparisonCell>;
    const found = m.get(key);
    if (found) return found;
    // This persona's trait names the other option of a two-option question: mirror it.
    const named = maps.map((x) => x.get(key)).find((c) => c !== undefined);
    const option = named?.trait.option;
    if (!named || option === undefined) return null;
    const own = pairTrait((personas[i] as ComparedPersona).traits, named.trait.questionId);
    if (!own) return null;
    const distinguishing = m.get(traitKey(own.id))?.distinguishing ?? false;
    return { trait: mirrorOption(own, option), distinguishing };
  };
  const rows: ComparisonRow[] = [...keys].map((key) => {
    const cells = maps.map((_, i) => cellFor(i, key));
    const first = cells.find((c): c is ComparisonCell => c !== null) as ComparisonCell;
    const strengths = cells
      .filter((c): c is ComparisonCell => c !== null && (c.distinguishing || !onlyDistinguishing))
      .map((c) => c.trait.strength);
    return {
      key,
      label: first.trait.label,
      measure: first.trait.measure,
      cells,
      strength: strengths.length > 0 ? Math.max(...strengths) : 0,
    };
  });
  return rows.sort((a, b) => b.strength - a.strength || (a.key < b.key ? -1 : 1));
}
