// Drafts a persona card from the evidence, for a strategist to edit. The rule is that nothing is
// invented: every sentence is composed from traits and carries their ids, so each claim can be
// traced to n, interval, effect size and q. Where the evidence is thin the card says so (a note,
// not a sentence) instead of filling the gap with plausible prose. Names are placeholders from a
// fixed list (chosen by seed and persona number) and say so; quotes are real open-text answers
// of the members closest to the centroid.
import { byStrength } from "./profile";
import type { CardSection, CardSentence, PersonaCard, Quote, Trait } from "./result";
import { createRng, deriveSeed } from "./rng";
import type { QuestionDefinition, SurveyResponse } from "./survey";
import { formatInterval, formatShare, formatValue, shortTrait, traitPhrase } from "./trait-text";

/** Alliterative and deliberately neutral: a name must not claim what the data did not show. */
export const PERSONA_NAMES: readonly string[] = [
  "Agile Ada",
  "Bold Bea",
  "Calm Cleo",
  "Daring Dev",
  "Eager Eli",
  "Frank Fay",
  "Gentle Gus",
  "Hopeful Hana",
  "Inventive Ivo",
  "Jolly Jo",
  "Keen Kai",
  "Lively Lou",
  "Mindful Mo",
  "Nimble Nia",
  "Open Omar",
  "Practical Pia",
  "Quiet Quinn",
  "Resolute Rae",
  "Steady Sam",
  "Thoughtful Tess",
  "Upbeat Uma",
  "Vivid Vic",
  "Warm Wren",
  "Zesty Zoe",
];

export const DRAFT_NOTE =
  "Draft composed automatically from the statistics; a strategist should review and edit the " +
  "name, wording and messages before use. Every sentence lists the traits it was built from.";

export const INSUFFICIENT_EVIDENCE =
  "Insufficient evidence: no answer sets this persona apart from the rest (q < 0.05 with at " +
  "least a small effect), so nothing is claimed here.";

/** Job-like demographic questions, by id or label. */
const JOB_PATTERN = /\b(job|occupation|profession|role|position|title|industry|employ\w*|work)/i;

const SENTENCES_PER_SECTION = 3;

/**
 * Distinct names for the personas of one run: the list is shuffled by the seed, so a different
 * seed gives different placeholders, and the persona number picks from it (wrapping with a
 * number after the list is exhausted).
 */
export function personaName(seed: number, persona: number): string {
  const names = createRng(deriveSeed(seed, 7919)).shuffle(PERSONA_NAMES);
  const name = names[persona % names.length] as string;
  const round = Math.floor(persona / names.length);
  return round === 0 ? name : `${name} ${round + 1}`;
}

export function avatarSeed(seed: number, persona: number, name: string): string {
  return `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${seed}-${persona}`;
}

export interface CardInput {
  persona: number;
  /** Members and all clustered respondents, for the share in the pitch. */
  size: number;
  clustered: number;
  traits: readonly Trait[];
  /** Strongest first, as profilePersonas returns them. */
  distinguishingTraitIds: readonly string[];
  questions: readonly QuestionDefinition[];
  /** Members closest to the centroid first, ambiguous members left out. */
  representatives: readonly SurveyResponse[];
  seed: number;
  quotesPerPersona?: number;
}

function sentence(text: string, traits: readonly Trait[]): CardSentence {
  return { text, traitIds: traits.map((t) => t.id) };
}

function section(sentences: CardSentence[], note: string | null = null): CardSection {
  return { sentences, note };
}

function listing(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1] as string}`;
}

/**
 * Strongest first; equal strengths (the two options of a yes/no question mirror each other, up
 * to rounding) put the option chosen more often first, which reads as what they do.
 */
function byStrengthPreferringHigher(a: Trait, b: Trait): number {
  if (Math.abs(a.strength - b.strength) > 1e-9) return b.strength - a.strength;
  const up = (t: Trait): number => (t.direction === "higher" ? 0 : 1);
  return up(a) - up(b) || byStrength(a, b);
}

/** The strongest trait per question: "more Male" and "less Female" are one finding. */
function onePerQuestion(traits: readonly Trait[]): Trait[] {
  const seen = new Set<string>();
  return [...traits].sort(byStrengthPreferringHigher).filter((t) => {
    if (seen.has(t.questionId)) return false;
    seen.add(t.questionId);
    return true;
  });
}

/** What the persona typically answered: its most common option, or its mean. */
function typicalTrait(traits: readonly Trait[]): Trait | undefined {
  const shares = traits.filter((t) => t.measure === "share");
  if (shares.length > 0) {
    return [...shares].sort((a, b) => b.personaValue - a.personaValue || (a.id < b.id ? -1 : 1))[0];
  }
  return traits.find((t) => t.measure === "mean");
}

function describeTypical(trait: Trait, distinguishing: boolean): string {
  const apart = distinguishing ? "; sets them apart" : "";
  const interval = formatInterval(trait, trait.personaInterval);
  if (trait.measure === "share") {
    return `${trait.questionLabel}: most often “${trait.option ?? ""}” (${formatShare(trait.personaValue)}, 95 % CI ${interval}; others ${formatShare(trait.restValue)}${apart}).`;
  }
  return `${trait.questionLabel}: average ${formatValue(trait, trait.personaValue)} (95 % CI ${interval}; others ${formatValue(trait, trait.restValue)}${apart}).`;
}

/** One sentence per question of the role: its typical answer. */
function typicalAnswers(
  questions: readonly QuestionDefinition[],
  traits: readonly Trait[],
): CardSentence[] {
  return questions.flatMap((q) => {
    const own = traits.filter((t) => t.questionId === q.id);
    const typical = typicalTrait(own);
    if (!typical) return [];
    const apart = own.some((t) => t.distinguishing);
    return [sentence(describeTypical(typical, apart), [typical])];
  });
}

/**
 * Goals or challenges: the distinguishing traits of the role's questions, else the typical
 * answers with a note that they do not set the persona apart.
 */
function roleSection(
  role: "GOAL" | "PAIN",
  questions: readonly QuestionDefinition[],
  traits: readonly Trait[],
): CardSection {
  const asked = questions.filter((q) => q.role === role && q.kind !== "text");
  const noun = role === "GOAL" ? "goal" : "pain-point";
  if (asked.length === 0)
    return section([], `The survey has no closed ${noun} (${role}) questions.`);
  const roleTraits = traits.filter((t) => t.role === role);
  const apart = onePerQuestion(roleTraits.filter((t) => t.distinguishing)).slice(
    0,
    SENTENCES_PER_SECTION,
  );
  if (apart.length > 0) {
    return section(apart.map((t) => sentence(`They ${traitPhrase(t)}.`, [t])));
  }
  const typical = typicalAnswers(asked, roleTraits);
  return section(
    typical,
    `Insufficient evidence: no ${noun} answer sets this persona apart (q < 0.05 with at least a ` +
      `small effect); ${typical.length > 0 ? "shown are its most common answers, which it shares with others." : "there were no answers to show."}`,
  );
}

function quotesFor(input: CardInput): { quotes: Quote[]; note: string | null } {
  const thoughtQuestions = input.questions.filter((q) => q.role === "THOUGHT" && q.kind === "text");
  if (thoughtQuestions.length === 0) {
    return { quotes: [], note: "The survey has no open-text (THOUGHT) questions to quote." };
  }
  const limit = input.quotesPerPersona ?? 3;
  const quotes: Quote[] = [];
  input.representatives.forEach((response, i) => {
    if (quotes.length >= limit) return;
    // One quote per respondent, so that a single talkative member does not speak for everyone.
    for (const q of thoughtQuestions) {
      const answer = response.answers[q.id];
      if (typeof answer === "string" && answer.trim() !== "") {
        quotes.push({
          responseId: response.id,
          questionId: q.id,
          questionLabel: q.label,
          text: answer.trim(),
          closenessRank: i + 1,
        });
        return;
      }
    }
  });
  const note =
    quotes.length === 0
      ? "None of the persona's typical members answered the open-text questions."
      : null;
  return { quotes, note };
}

export function draftPersonaCard(input: CardInput): PersonaCard {
  const name = personaName(input.seed, input.persona);
  const byId = new Map(input.traits.map((t) => [t.id, t]));
  const distinguishing = input.distinguishingTraitIds
    .map((id) => byId.get(id))
    .filter((t): t is Trait => t !== undefined);
  const thin = distinguishing.length === 0;

  const demographicQuestions = input.questions.filter(
    (q) => q.role === "DEMOGRAPHIC" && q.kind !== "text",
  );
  const jobQuestions = demographicQuestions.filter(
    (q) => JOB_PATTERN.test(q.id) || JOB_PATTERN.test(q.label),
  );
  const otherDemographics = demographicQuestions.filter((q) => !jobQuestions.includes(q));
  const job = typicalAnswers(jobQuestions, input.traits);
  const demographics = typicalAnswers(otherDemographics, input.traits);

  // Values and fears: attitudes, not who they are (demographics) nor goals and pains (own sections).
  const attitudinal = onePerQuestion(
    distinguishing.filter((t) => !["DEMOGRAPHIC", "GOAL", "PAIN"].includes(t.role)),
  );
  const positives = attitudinal.filter((t) => t.direction === "higher");
  const negatives = attitudinal.filter((t) => t.direction === "lower");
  const top = onePerQuestion(distinguishing).slice(0, SENTENCES_PER_SECTION);
  const lead = positives.slice(0, 2);
  const address = negatives.slice(0, 2);

  const thinSection = (): CardSection => section([], INSUFFICIENT_EVIDENCE);
  const traitSentences = (traits: readonly Trait[], none: string): CardSection =>
    thin
      ? thinSection()
      : traits.length > 0
        ? section(
            traits
              .slice(0, SENTENCES_PER_SECTION)
              .map((t) => sentence(`They ${traitPhrase(t)}.`, [t])),
          )
        : section([], none);

  const marketing: CardSentence[] = [];
  if (lead.length > 0) {
    marketing.push(
      sentence(`Lead with what sets them apart: ${listing(lead.map(shortTrait))}.`, lead),
    );
  }
  if (address.length > 0) {
    marketing.push(
      sentence(
        `Address where they score lower than others: ${listing(address.map(shortTrait))}.`,
        address,
      ),
    );
  }
  if (marketing.length === 0 && top.length > 0) {
    marketing.push(
      sentence(`Speak to what sets them apart: ${listing(top.map(shortTrait))}.`, top),
    );
  }

  const share = formatShare(input.clustered > 0 ? input.size / input.clustered : 0);
  const pitch: CardSentence[] =
    top.length > 0
      ? [
          sentence(
            `${name} stands for ${share} of respondents (n = ${input.size}): people who ${listing(top.map(traitPhrase))}.`,
            top,
          ),
        ]
      : [];
  const tagline = top[0];
  const { quotes, note: quotesNote } = quotesFor(input);

  return {
    draft: true,
    draftNote: DRAFT_NOTE,
    name,
    nameNote:
      "Placeholder name picked from a fixed list by seed and persona number; it does not " +
      "describe the persona. Rename it.",
    avatarSeed: avatarSeed(input.seed, input.persona, name),
    evidence: thin ? "thin" : "distinguishing",
    tagline: tagline
      ? section([sentence(`Stands out because they ${traitPhrase(tagline)}.`, [tagline])])
      : thinSection(),
    job:
      job.length > 0
        ? section(job)
        : section([], "The survey has no job or occupation question among its demographics."),
    demographics:
      demographics.length > 0
        ? section(demographics)
        : section([], "The survey has no demographic questions to describe this persona."),
    goals: roleSection("GOAL", input.questions, input.traits),
    challenges: roleSection("PAIN", input.questions, input.traits),
    values: traitSentences(positives, "No attitude question is answered higher than by others."),
    fears: traitSentences(negatives, "No attitude question is answered lower than by others."),
    marketingMessage: thin ? thinSection() : section(marketing),
    elevatorPitch: thin ? thinSection() : section(pitch),
    quotes,
    quotesNote,
  };
}
