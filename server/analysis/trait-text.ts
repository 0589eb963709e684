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

/** "4.21 vs 3.10 on 0–5" or "62 % vs 30 %". */
export function comparison(trait: Trait): string {
  const values = `${formatValue(trait, trait.personaValue)} vs ${formatValue(trait, trait.restValue)}`;
  if (trait.measure === "mean" && trait.kind === "ordinal" && trait.scale) {
    return `${values} on ${formatEnd(trait.scale.min)}–${formatEnd(trait.scale.max)}`;
  }
  return values;
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
 * Verb phrase after "they": 'rate “Seat comfort” higher than others (4.21 vs 3.10 on 0–5)' or
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

/** One line for tables and the terminal: 'Seat comfort ↑ 4.21 vs 3.10 on 0–5, δ = 0.52, q = 0.001'. */
export function traitSummary(trait: Trait): string {
  const arrow = trait.direction === "higher" ? "↑" : trait.direction === "lower" ? "↓" : "=";
  const symbol = { "cohens-h": "h", "cohens-d": "d", "cliffs-delta": "δ" }[trait.effect.name];
  return `${trait.label} ${arrow} ${comparison(trait)}, ${symbol} = ${trait.effect.value.toFixed(2)}, ${qText(trait.q)}`;
}

/** "< 0.001" or "0.012": for a table cell headed q. */
export function formatQ(q: number): string {
  return q < 0.001 ? "< 0.001" : q.toFixed(3);
}

/** "q < 0.001" or "q = 0.012": for running text. */
export function qText(q: number): string {
  return q < 0.001 ? "q < 0.001" : `q = ${q.toFixed(3)}`;
}
