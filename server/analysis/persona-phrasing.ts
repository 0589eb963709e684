// Plain-word claims about one trait for persona cards: "Hunts for the best price far more than
// other customers." Wording comes from the researcher's persona phrasing on the question when
// given, else from the question and option labels; number questions read as comparisons
// ("Somewhat younger than other customers."), with defaults for age, income and spend. No numbers
// appear here: they belong to the evidence each sentence links to (n, interval, effect size, q).
import { traitOptionLabel } from "./option-labels";
import type { Trait } from "./result";
import type { PersonaPhrase, QuestionDefinition } from "./survey";

export type PhrasedQuestion = Pick<QuestionDefinition, "id" | "label" | "kind" | "persona">;

function quoted(label: string): string {
  return `“${label.trim().replace(/\.$/, "")}”`;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function given(phrase: PersonaPhrase | undefined): PersonaPhrase | undefined {
  return phrase && (phrase.phrase.trim() || phrase.title.trim())
    ? { phrase: phrase.phrase.trim(), title: phrase.title.trim() }
    : undefined;
}

/** The researcher's wording for the side of the question a trait is about. */
function ownPhrases(trait: Trait, question: PhrasedQuestion | undefined) {
  const persona = question?.persona;
  if (trait.measure === "share") {
    return { option: given(persona?.options?.[trait.option ?? ""]) };
  }
  return { high: given(persona?.high), low: given(persona?.low) };
}

/** "far", "", "somewhat": how much the persona differs, from the effect's magnitude. */
function degree(trait: Trait): string {
  if (trait.effect.magnitude === "large") return "far ";
  if (trait.effect.magnitude === "medium") return "";
  return "somewhat ";
}

/** "much ", "", "somewhat ": the degree in front of a comparative ("somewhat younger"). */
function comparativeDegree(trait: Trait): string {
  if (trait.effect.magnitude === "large") return "much ";
  if (trait.effect.magnitude === "medium") return "";
  return "somewhat ";
}

/**
 * How a number question reads on a card: a sentence for each side ("Somewhat older than other
 * customers."), a clause after "someone who" ("is older") and a sentence for no difference.
 */
interface NumberWording {
  claim: (degree: string, up: boolean) => string;
  clause: (up: boolean) => string;
  same: string;
}

const COMPARED = "than other customers.";

/** Defaults for the number questions a persona survey nearly always has: age, income, spend. */
const NUMBER_DEFAULTS: { pattern: RegExp; wording: NumberWording }[] = [
  {
    // "Age", "How old are you?", "Your age in years"; not "year of birth", which runs the other way.
    pattern: /\bage\b|\bhow old\b/i,
    wording: {
      claim: (d, up) => capitalise(`${d}${up ? "older" : "younger"} ${COMPARED}`),
      clause: (up) => `is ${up ? "older" : "younger"}`,
      same: "About the same age as other customers.",
    },
  },
  {
    pattern: /\b(income|salary|earn(s|ings)?|wages?)\b/i,
    wording: {
      claim: (d, up) => `Earns ${d}${up ? "more" : "less"} ${COMPARED}`,
      clause: (up) => `earns ${up ? "more" : "less"}`,
      same: "Earns about as much as other customers.",
    },
  },
  {
    pattern: /\b(spend|spent|spending|budget)\b/i,
    wording: {
      claim: (d, up) => `Spends ${d}${up ? "more" : "less"} ${COMPARED}`,
      clause: (up) => `spends ${up ? "more" : "less"}`,
      same: "Spends about as much as other customers.",
    },
  },
];

/** "older", "more often", "less", "fewer trips": researcher wording that is already a comparative. */
function isComparative(phrase: string): boolean {
  return /^(more|less|fewer)\b/i.test(phrase) || /^[a-z]+er$/i.test(phrase);
}

/**
 * The wording of a number trait: the researcher's end labels when they read as comparatives
 * ("older" / "younger"), else a default for age, income and spend, else null (the generic
 * wording, or the researcher's verb phrases, apply).
 */
function numberWording(trait: Trait, question: PhrasedQuestion | undefined): NumberWording | null {
  if (trait.kind !== "numeric" || trait.measure !== "mean") return null;
  const own = ownPhrases(trait, question);
  const high = own.high?.phrase;
  const low = own.low?.phrase;
  if (high || low) {
    // One end given as "more …" or "less …": the other end is its opposite.
    const opposite = (p: string | undefined): string | undefined =>
      p === undefined
        ? undefined
        : /^more\s/i.test(p)
          ? p.replace(/^more/i, "less")
          : /^(less|fewer)\s/i.test(p)
            ? p.replace(/^(less|fewer)/i, "more")
            : undefined;
    const higher = high ?? opposite(low);
    const lower = low ?? opposite(high);
    if (!higher || !lower || !isComparative(higher) || !isComparative(lower)) return null;
    return {
      claim: (d, up) => capitalise(`${d}${up ? higher : lower} ${COMPARED}`),
      clause: (up) => `is ${up ? higher : lower}`,
      same: `Much like other customers on ${quoted(trait.questionLabel)}.`,
    };
  }
  const text = `${trait.questionLabel} ${question?.id ?? ""}`;
  return NUMBER_DEFAULTS.find((d) => d.pattern.test(text))?.wording ?? null;
}

function defaultOptionPhrase(trait: Trait): string {
  return `answers “${traitOptionLabel(trait)}” to ${quoted(trait.questionLabel)}`;
}

/**
 * A full sentence comparing the persona with everyone else, e.g. "Pays for convenience more
 * often than other customers." or "Rates “Seat comfort” far higher than other customers."
 */
export function traitClaim(trait: Trait, question: PhrasedQuestion | undefined): string {
  const up = trait.direction !== "lower";
  const how = degree(trait);
  const number = numberWording(trait, question);
  if (number) {
    return trait.direction === "equal" ? number.same : number.claim(comparativeDegree(trait), up);
  }
  if (trait.direction === "equal") {
    if (trait.kind === "numeric" && trait.measure === "mean") {
      return `Gives much the same numbers for ${quoted(trait.questionLabel)} as other customers.`;
    }
    return `${capitalise(traitClause(trait, question))}, much like other customers.`;
  }
  const own = ownPhrases(trait, question);
  if (trait.measure === "share") {
    const phrase = own.option?.phrase || defaultOptionPhrase(trait);
    return `${capitalise(phrase)} ${how}${up ? "more" : "less"} often than other customers.`;
  }
  const same = up ? own.high?.phrase : own.low?.phrase;
  if (same) return `${capitalise(same)} ${how}more than other customers.`;
  const opposite = up ? own.low?.phrase : own.high?.phrase;
  if (opposite) return `${capitalise(opposite)} ${how}less than other customers.`;
  const comparative = up ? "higher" : "lower";
  const label = quoted(trait.questionLabel);
  if (trait.kind === "ordinal") {
    return `Rates ${label} ${how.replace("somewhat", "slightly")}${comparative} than other customers.`;
  }
  return `Gives ${how.replace("somewhat", "slightly")}${comparative} numbers for ${label} than other customers.`;
}

/**
 * What such a person does, read after "someone who": "hunts for the best price", "seldom pays
 * for convenience", "rates “Seat comfort” high".
 */
export function traitClause(trait: Trait, question: PhrasedQuestion | undefined): string {
  const up = trait.direction !== "lower";
  const own = ownPhrases(trait, question);
  if (trait.measure === "share") {
    const phrase = own.option?.phrase || defaultOptionPhrase(trait);
    return up ? phrase : `seldom ${phrase}`;
  }
  const number = numberWording(trait, question);
  if (number) return number.clause(up);
  const same = up ? own.high?.phrase : own.low?.phrase;
  if (same) return same;
  const opposite = up ? own.low?.phrase : own.high?.phrase;
  if (opposite) return `seldom ${opposite}`;
  const label = quoted(trait.questionLabel);
  return trait.kind === "ordinal"
    ? `rates ${label} ${up ? "high" : "low"}`
    : `gives ${up ? "high" : "low"} numbers for ${label}`;
}

/** The researcher's archetype noun for the side a trait is on ("Price Hunter"), if any. */
export function researcherTitle(
  trait: Trait,
  question: PhrasedQuestion | undefined,
): string | null {
  const own = ownPhrases(trait, question);
  if (trait.measure === "share") {
    return trait.direction === "higher" && own.option?.title ? own.option.title : null;
  }
  const side = trait.direction === "lower" ? own.low : own.high;
  return side?.title || null;
}

function shortLabel(label: string): string {
  const words = label
    .trim()
    .replace(/[.?!:]$/, "")
    .split(/\s+/);
  return words.length <= 6 ? words.join(" ") : `${words.slice(0, 6).join(" ")}…`;
}

/** A title from the labels when no researcher wrote one: 'The “In person” group'. */
export function defaultTitle(trait: Trait): string {
  if (trait.measure === "share") {
    return trait.direction === "lower"
      ? `The group that seldom picks “${traitOptionLabel(trait)}”`
      : `The “${traitOptionLabel(trait)}” group`;
  }
  return `The ${trait.direction === "lower" ? "low" : "high"} scorers on “${shortLabel(trait.questionLabel)}”`;
}

/** "The Price Hunter" from a title noun; leaves "The …" titles as written. */
export function withArticle(title: string): string {
  return /^the\s/i.test(title) ? title : `The ${title}`;
}
