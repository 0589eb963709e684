// Which persona of a new run is "the same" as one of an earlier run, and whether the evidence a
// person-written field rested on is still there. Personas are matched by their members (Jaccard
// similarity of response ids, one-to-one, best pairs first, at least 0.5 by default): persona
// numbers and placeholder names change between runs, the people behind a persona do not. A trait
// is the same across runs when its question (and option) is the same: trait ids carry the
// persona number as a prefix ("p2:wifi=Yes"), which the key drops. Pure.
import type { Trait } from "./result";

export const MATCH_THRESHOLD = 0.5;

export function jaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 0;
  const left = new Set(a);
  const right = new Set(b);
  let shared = 0;
  for (const id of left) if (right.has(id)) shared += 1;
  return shared / (left.size + right.size - shared);
}

export interface MatchablePersona {
  index: number;
  memberIds: readonly string[];
}

export interface PersonaMatch {
  previous: number;
  next: number;
  jaccard: number;
}

/** One-to-one matches with Jaccard >= threshold, the most similar pairs taken first. */
export function matchPersonas(
  previous: readonly MatchablePersona[],
  next: readonly MatchablePersona[],
  threshold = MATCH_THRESHOLD,
): PersonaMatch[] {
  const pairs: PersonaMatch[] = [];
  for (const p of previous) {
    for (const n of next) {
      const j = jaccard(p.memberIds, n.memberIds);
      if (j >= threshold) pairs.push({ previous: p.index, next: n.index, jaccard: j });
    }
  }
  pairs.sort((a, b) => b.jaccard - a.jaccard || a.previous - b.previous || a.next - b.next);
  const usedPrevious = new Set<number>();
  const usedNext = new Set<number>();
  const chosen: PersonaMatch[] = [];
  for (const pair of pairs) {
    if (usedPrevious.has(pair.previous) || usedNext.has(pair.next)) continue;
    usedPrevious.add(pair.previous);
    usedNext.add(pair.next);
    chosen.push(pair);
  }
  return chosen.sort((a, b) => a.previous - b.previous);
}

/** "p2:wifi=Yes" -> "wifi=Yes": the trait's question and option, whatever the persona number. */
export function traitKey(traitId: string): string {
  return traitId.replace(/^p\d+:/, "");
}

export interface LostEvidence {
  key: string;
  label: string;
  reason: "not-measured" | "no-longer-distinguishing" | "reversed";
}

export interface EvidenceCheck {
  /** Ids, in the new persona, of the traits that still carry the field. */
  keptTraitIds: string[];
  lost: LostEvidence[];
}

export interface PersonaEvidence {
  traits: readonly Trait[];
  distinguishingTraitIds: readonly string[];
}

/**
 * Compares the traits a field relied on (ids of the old persona) with the new persona's traits.
 * Evidence is lost when the trait is not measured any more, when it set the old persona apart
 * and no longer sets the new one apart, or when it now points the other way.
 */
export function checkEvidence(
  evidenceTraitIds: readonly string[],
  previous: PersonaEvidence,
  next: PersonaEvidence,
): EvidenceCheck {
  const oldById = new Map(previous.traits.map((t) => [t.id, t]));
  const oldDistinguishing = new Set(previous.distinguishingTraitIds);
  const newByKey = new Map(next.traits.map((t) => [traitKey(t.id), t]));
  const newDistinguishing = new Set(next.distinguishingTraitIds);
  const keptTraitIds: string[] = [];
  const lost: LostEvidence[] = [];
  for (const id of evidenceTraitIds) {
    const key = traitKey(id);
    const before = oldById.get(id);
    const after = newByKey.get(key);
    const label = before?.label ?? after?.label ?? key;
    if (!after || !before) {
      lost.push({ key, label, reason: "not-measured" });
    } else if (oldDistinguishing.has(before.id) && !newDistinguishing.has(after.id)) {
      lost.push({ key, label, reason: "no-longer-distinguishing" });
    } else if (
      before.direction !== "equal" &&
      after.direction !== "equal" &&
      before.direction !== after.direction
    ) {
      lost.push({ key, label, reason: "reversed" });
    } else {
      keptTraitIds.push(after.id);
    }
  }
  return { keptTraitIds, lost };
}

const reasonText: Record<LostEvidence["reason"], string> = {
  "not-measured": "is no longer measured",
  "no-longer-distinguishing": "no longer sets this persona apart",
  reversed: "now points the other way",
};

/** A sentence for the review flag: "Evidence changed: Wi-Fi (Yes) no longer sets …". */
export function describeLostEvidence(lost: readonly LostEvidence[]): string {
  return `Evidence changed in the new analysis: ${lost
    .map((l) => `${l.label} ${reasonText[l.reason]}`)
    .join("; ")}. Check that this text still holds.`;
}
