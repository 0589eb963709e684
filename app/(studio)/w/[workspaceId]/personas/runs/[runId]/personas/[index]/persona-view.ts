// The data one persona's review page renders (persona.get and persona.perception), and the trait
// orderings its sections share: strongest first, and the distinguishing ones among them.

import type { RouterOutputs } from "~/server/api/root";
import type { Trait } from "~/server/analysis/result";

type PersonaOutputs = RouterOutputs["persona"];
export type PersonaView = PersonaOutputs["get"];
export type PerceptionView = PersonaOutputs["perception"];
export type PersonaRecord = PersonaView["persona"];

/** A server call's value, or its refusal to explain in place (see attempt in server-api.ts). */
export type Loaded<T> = { ok: true; value: T } | { ok: false; message: string };

export interface RankedTraits {
  /** Every tested trait, strongest first. */
  ranked: Trait[];
  /** The distinguishing traits, strongest first. */
  distinguishing: Trait[];
  distinguishingSet: Set<string>;
}

export function rankTraits(p: PersonaRecord): RankedTraits {
  const distinguishingSet = new Set(p.persona.distinguishingTraitIds);
  const ranked = [...p.persona.traits].sort((a, b) => b.strength - a.strength);
  const distinguishing = ranked.filter((t) => distinguishingSet.has(t.id));
  return { ranked, distinguishing, distinguishingSet };
}

/** The quotes shown for a persona: the card's own, else the typical members' ones. */
export const personaQuotes = (p: PersonaRecord) =>
  p.persona.card.quotes.length > 0 ? p.persona.card.quotes : p.persona.quotes;
