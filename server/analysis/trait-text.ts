// How a trait reads in words and numbers, shared by persona cards, the HTML report and the
// command line so the same trait is never described two ways. Phrases state only what the trait
// measured (persona vs rest, with both values); they never add motive or adjective.
import { traitOptionLabel } from "./option-labels";
import type { Trait } from "./result";

export function formatShare(share: number): string {
  return `${(share * 100).toFixed(0)} %`;
}

/** Enough digits to see a difference on a 1-5 scale without pretending precision on large ones. */
export function formatNumber(value: number): string {
  const size = Math.abs(value);
  if (size >= 100) return value.toFixed(0);
  if (size >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function formatEnd(value: number): string {
  return Number.isInteger(value) ? String(value) : formatNumber(value);
}

export function formatValue(trait: Trait, value: number): string {
  return trait.measure === "share" ? formatShare(value) : formatNumber(value);
}

export function formatInterval(trait: Trait, interval: { lower: number; upper: number }): string {
  return `${formatValue(trait, interval.lower)}–${formatValue(trait, interval.upper)}`;
}

/**
 * Whether the numbers shown compare ranks rather than means: ordinal traits and constant groups
 * are tested on ranks (Cliff's δ, Mann-Whitney), and their means can point the other way
 * ([4,4,4,1,1] has the lower mean than [3,3,3,3,3] yet the higher answer in 60 % of pairs).
 */
function comparesRanks(trait: Trait): boolean {
  return trait.measure === "mean" && trait.effect.name === "cliffs-delta";
}

/**
 * For rank-compared traits, the chance that a member of the persona answers higher (or lower)
 * than one of the others, ties counted half: (1 + δ)/2, or (1 − δ)/2 for "lower". It is what the
 * test compares, and it is at least 50 % in the direction the trait states.
 */
export function chanceOfDirection(trait: Trait): number {
  const delta = trait.effect.value;
  return trait.direction === "lower" ? (1 - delta) / 2 : (1 + delta) / 2;
}

function meansText(trait: Trait): string {
  const values = `${formatValue(trait, trait.personaValue)} vs ${formatValue(trait, trait.restValue)}`;
  if (trait.kind === "ordinal" && trait.scale) {
    return `${values} on ${formatEnd(trait.scale.min)}–${formatEnd(trait.scale.max)}`;
  }
  return values;
}

/**
 * "62 % vs 30 %", "4.21 vs 3.10" or, for ranks, "60 % chance of a higher answer; means 2.80 vs
 * 3.00 on 1–5": the statistic the test compared first, so its direction agrees with the word
 * next to it, and the means as context.
 */
export function comparison(trait: Trait): string {
  if (!comparesRanks(trait)) return meansText(trait);
  const chance = formatShare(chanceOfDirection(trait));
  const which =
    trait.direction === "equal"
      ? `${chance} chance of a higher answer`
      : `${chance} chance of a ${trait.direction} answer`;
  return `${which}; means ${meansText(trait)}`;
}

/**
 * "↑ higher", "↓ less often" or, for ranks, "↑ 60 % chance of a higher answer": the word with the
 * statistic it rests on, for tables whose columns show means.
 */
export function directionLabel(trait: Trait): string {
  if (trait.direction === "equal") return "= no difference";
  const arrow = trait.direction === "higher" ? "↑" : "↓";
  if (comparesRanks(trait)) {
    return `${arrow} ${formatShare(chanceOfDirection(trait))} chance of a ${trait.direction} answer`;
  }
  if (trait.measure === "share")
    return `${arrow} ${trait.direction === "higher" ? "more" : "less"} often`;
  return `${arrow} ${trait.direction}`;
}

/** "insufficient evidence (n = 12 / 300)" for traits below the minimum n, else null. */
export function insufficientText(trait: Trait): string | null {
  return trait.insufficient
    ? `insufficient evidence (n = ${trait.personaN} / ${trait.restN})`
    : null;
}

/** Short label with the numbers: 'Seat comfort (4.21 vs 3.10 on 0–5)'. */
export function shortTrait(trait: Trait): string {
  return `${trait.label} (${comparison(trait)})`;
}

/** An answer value as people read it: "in_person" -> "in person"; labels stay as written. */
export function readableOption(option: string): string {
  return /^[a-z0-9]+(_[a-z0-9]+)+$/.test(option) ? option.replace(/_/g, " ") : option;
}

/** A question's wording in quotes, without its closing full stop. */
function quoted(label: string): string {
  return `“${label.trim().replace(/\.$/, "")}”`;
}

/**
 * Verb phrase after "they": 'rate “Seat comfort” higher than others (60 % chance of a higher
 * answer; means 4.21 vs 3.10 on 1–5)' or
 * 'answer “in person” to “Where did you research?” more often than others (62 % vs 30 %)'.
 */
export function traitPhrase(trait: Trait): string {
  const more = trait.direction === "higher";
  const same = trait.direction === "equal";
  const question = quoted(trait.questionLabel);
  if (trait.measure === "share") {
    const how = same ? "as often as" : more ? "more often than" : "less often than";
    return `answer “${traitOptionLabel(trait)}” to ${question} ${how} others (${comparison(trait)})`;
  }
  const how = same ? "the same as" : more ? "higher than" : "lower than";
  if (trait.kind === "ordinal") {
    return `rate ${question} ${how} others (${comparison(trait)})`;
  }
  return `score ${how} others on ${question} (${comparison(trait)})`;
}

/**
 * One line for tables and the terminal: 'Seat comfort ↑ 60 % chance of a higher answer; means
 * 4.21 vs 3.10 on 1–5, δ = 0.20, q = 0.001'. A trait below the minimum n says so instead of q.
 */
export function traitSummary(trait: Trait): string {
  const arrow = trait.direction === "higher" ? "↑" : trait.direction === "lower" ? "↓" : "=";
  const symbol = { "cohens-h": "h", "cohens-d": "d", "cliffs-delta": "δ" }[trait.effect.name];
  const verdict = insufficientText(trait) ?? qText(trait.q);
  return `${trait.label} ${arrow} ${comparison(trait)}, ${symbol} = ${trait.effect.value.toFixed(2)}, ${verdict}`;
}

/** "< 0.001" or "0.012": for a table cell headed q. */
export function formatQ(q: number): string {
  return q < 0.001 ? "< 0.001" : q.toFixed(3);
}

/** "q < 0.001" or "q = 0.012": for running text. */
export function qText(q: number): string {
  return q < 0.001 ? "q < 0.001" : `q = ${q.toFixed(3)}`;
}
