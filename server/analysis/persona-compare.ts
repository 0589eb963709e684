// Two or three personas side by side, trait by trait: one row per question (and option) that sets
// at least one of them apart, with each persona's value, interval, n, effect and q, strongest
// differences first. Traits are matched by their key (the trait id without the persona prefix),
// since each persona's traits are tested against the rest separately. Pure.
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
  maps.forEach((m) =>
    m.forEach((cell, key) => {
      if (!onlyDistinguishing || cell.distinguishing) keys.add(key);
    }),
  );
  const rows: ComparisonRow[] = [...keys].map((key) => {
    const cells = maps.map((m) => m.get(key) ?? null);
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
