// Drafts a persona card from the evidence, for a strategist to edit, in the template's order:
// name and archetype title, job, demographics, goals and challenges, values and fears, marketing
// message, elevator pitch. Sentences are plain words without numbers ("Hunts for the best price
// far more than other customers."); each keeps the ids of the traits it rests on, so the page can
// open the numbers behind it. Nothing is invented: goals, challenges, values and fears come only
// from questions tagged with that meaning, and a field with no such question says what to ask in
// the next survey. Names are neutral first names drawn by seed (no mood words that could
// contradict the data); quotes are real open answers of typical members, varied, never blanks.
import { byStrength } from "./profile";
import {
  capitalise,
  defaultTitle,
  researcherTitle,
  traitClaim,
  traitClause,
  withArticle,
} from "./persona-phrasing";
import type { CardSection, CardSentence, PersonaCard, Quote, Trait } from "./result";
import { createRng, deriveSeed } from "./rng";
import type { QuestionDefinition, QuestionRole, SurveyResponse } from "./survey";

/** Neutral first names: a placeholder must not claim a mood or trait the data did not show. */
export const PERSONA_NAMES: readonly string[] = [
  "Alex",
  "Amara",
  "Ana",
  "Elif",
  "Felix",
  "Iris",
  "Jonas",
  "Jordan",
  "Jun",
  "Kim",
  "Lena",
  "Luca",
  "Maya",
  "Mei",
  "Nico",
  "Noor",
  "Omar",
  "Ravi",
  "Robin",
  "Sam",
  "Sara",
  "Tariq",
  "Theo",
  "Zoe",
];

export const DRAFT_NOTE =
  "Draft written automatically from the statistics; a strategist should review and edit the " +
  "name, wording and messages before use. Every sentence opens the evidence it rests on.";

export const NAME_NOTE =
  "Placeholder name drawn from a neutral list of first names; it says nothing about the " +
  "people. Rename it.";

// Plain words on the card: the test behind "sets apart" (q and effect size) is on the evidence
// tables and in the glossary, not in the text a strategist reads.
export const INSUFFICIENT_EVIDENCE =
  "Insufficient evidence: no answer sets this persona clearly apart from the rest (no difference " +
  "large enough to rule out chance), so nothing is claimed here.";

/** What to ask next time, per field whose questions the survey lacks. */
export const ASK_NEXT_TIME: Record<"job" | "demographics" | "quotes" | CardRole, string> = {
  job: "Add a demographic question about job or occupation to learn what this group does for a living.",
  demographics:
    "Add questions tagged Demographic (age, household, place) to describe who this group is.",
  GOAL: "Add a question tagged Goal to learn what this group wants to achieve.",
  PAIN: "Add a question tagged Pain point to learn what stands in this group's way.",
  VALUE: "Add a question tagged Value to learn what matters most to this group.",
  FEAR: "Add a question tagged Fear to learn what worries this group.",
  quotes: "Add an open-text question tagged Thought to quote what this group says.",
};

type CardRole = Extract<QuestionRole, "GOAL" | "PAIN" | "VALUE" | "FEAR">;

const ROLE_NOUN: Record<CardRole, string> = {
  GOAL: "goal",
  PAIN: "challenge",
  VALUE: "value",
  FEAR: "fear",
};

/** Job-like demographic questions, by id or label. */
const JOB_PATTERN = /\b(job|occupation|profession|role|position|title|industry|employ\w*|work)/i;

/** Answers that only say "no answer"; they are never quoted. */
const MISSING_TOKENS = new Set([
  "",
  "na",
  "n/a",
  "n.a",
  "nan",
  "-",
  "--",
  "none",
  "null",
  "nothing",
  "no comment",
  "no answer",
  "nil",
  "undefined",
]);
const MIN_QUOTE_WORDS = 4;
/** Two quotes sharing more than this share of their words say the same thing. */
const MAX_QUOTE_OVERLAP = 0.5;

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
  /** Members and all clustered respondents, for the size of the group in words. */
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

/** The most common option of a choice question (no claim of difference), or undefined. */
function commonestOption(traits: readonly Trait[]): Trait | undefined {
  return [...traits]
    .filter((t) => t.measure === "share")
    .sort((a, b) => b.personaValue - a.personaValue || (a.id < b.id ? -1 : 1))[0];
}

export function draftPersonaCard(input: CardInput): PersonaCard {
  const name = personaName(input.seed, input.persona);
  const questionById = new Map(input.questions.map((q) => [q.id, q]));
  const claim = (t: Trait) => sentence(traitClaim(t, questionById.get(t.questionId)), [t]);
  const clause = (t: Trait) => traitClause(t, questionById.get(t.questionId));

  const byId = new Map(input.traits.map((t) => [t.id, t]));
  const distinguishing = input.distinguishingTraitIds
    .map((id) => byId.get(id))
    .filter((t): t is Trait => t !== undefined);
  const thin = distinguishing.length === 0;
  const strongest = onePerQuestion(distinguishing);

  /**
   * Per question: its strongest distinguishing trait as a claim; otherwise its most common
   * answer, said to be shared with others. Used for who they are (job, demographics).
   */
  const describeQuestions = (questions: readonly QuestionDefinition[]): CardSentence[] =>
    questions
      .flatMap((q) => {
        const own = input.traits.filter((t) => t.questionId === q.id);
        const apart = strongest.find((t) => t.questionId === q.id);
        const common = commonestOption(own);
        // "Is retired less often" says little on its own: lead with what most of them are.
        if (apart && (apart.direction === "higher" || !common || common.id === apart.id)) {
          return [{ rank: strongest.indexOf(apart), s: claim(apart) }];
        }
        if (common) {
          const typical = { ...common, direction: "higher" as const };
          const line = apart
            ? sentence(`Most often ${clause(typical)}.`, [common])
            : sentence(`Most often ${clause(typical)}, much like other customers.`, [common]);
          const rank = apart ? strongest.indexOf(apart) : Infinity;
          return [{ rank, s: line }, ...(apart ? [{ rank: rank + 0.5, s: claim(apart) }] : [])];
        }
        const mean = own.find((t) => t.measure === "mean");
        return mean
          ? [
              {
                rank: Infinity,
                s: sentence(traitClaim({ ...mean, direction: "equal" }, q), [mean]),
              },
            ]
          : [];
      })
      .sort((a, b) => a.rank - b.rank)
      .slice(0, SENTENCES_PER_SECTION)
      .map((x) => x.s);

  const demographicQuestions = input.questions.filter(
    (q) => q.role === "DEMOGRAPHIC" && q.kind !== "text",
  );
  const jobQuestions = demographicQuestions.filter(
    (q) => JOB_PATTERN.test(q.id) || JOB_PATTERN.test(q.label),
  );
  const otherDemographics = demographicQuestions.filter((q) => !jobQuestions.includes(q));

  /** Goals, challenges, values and fears: only from questions tagged with that meaning. */
  const roleSection = (role: CardRole): CardSection => {
    const asked = input.questions.filter((q) => q.role === role && q.kind !== "text");
    if (asked.length === 0) return section([], ASK_NEXT_TIME[role]);
    // Challenges and fears lead with what weighs on them more ("struggles with"), not less.
    const own = strongest.filter((t) => t.role === role);
    const heavier = own.filter((t) => t.direction === "higher");
    const apart = (
      (role === "PAIN" || role === "FEAR") && heavier.length > 0 ? heavier : own
    ).slice(0, SENTENCES_PER_SECTION);
    if (apart.length > 0) return section(apart.map(claim));
    const typical = describeQuestions(asked);
    return section(
      typical,
      `No ${ROLE_NOUN[role]} answer sets this persona apart (no difference large enough to rule ` +
        `out chance); ${typical.length > 0 ? "shown are its most common answers, which it shares with others." : "there were no answers to show."}`,
    );
  };

  // Who they are is described by demographics; what they are like by everything else.
  const attitudes = strongest.filter((t) => t.role !== "DEMOGRAPHIC");
  const top = (attitudes.length > 0 ? attitudes : strongest).slice(0, SENTENCES_PER_SECTION);
  const headline = top[0];

  const titled = top.find((t) => researcherTitle(t, questionById.get(t.questionId)) !== null);
  const title = titled
    ? withArticle(researcherTitle(titled, questionById.get(titled.questionId)) as string)
    : headline
      ? defaultTitle(headline)
      : undefined;

  const marketing: CardSentence[] = [];
  const lead = top.slice(0, 2);
  if (lead.length > 0) {
    marketing.push(sentence(`Talk to someone who ${listing(lead.map(clause))}.`, lead));
  }
  const worry = strongest.find(
    (t) =>
      (t.role === "FEAR" || t.role === "PAIN") && t.direction === "higher" && !lead.includes(t),
  );
  if (worry) {
    marketing.push(
      sentence(`Take away what holds them back: this customer ${clause(worry)}.`, [worry]),
    );
  }
  const value = strongest.find((t) => t.role === "VALUE" && !lead.includes(t));
  if (value) {
    marketing.push(
      sentence(`Show that you share what matters to them: this customer ${clause(value)}.`, [
        value,
      ]),
    );
  }

  const share = input.clustered > 0 ? input.size / input.clustered : 0;
  const groupSize = share >= 0.35 ? "a large" : share >= 0.15 ? "a sizeable" : "a small";
  const pitch: CardSentence[] =
    top.length > 0
      ? [
          sentence(
            `${name} stands for ${groupSize} group of customers: someone who ${listing(top.map(clause))}.`,
            top,
          ),
        ]
      : [];

  const { quotes, note: quotesNote } = quotesFor(input);
  const job = describeQuestions(jobQuestions);
  const demographics = describeQuestions(otherDemographics);
  const thinSection = (): CardSection => section([], INSUFFICIENT_EVIDENCE);

  return {
    draft: true,
    draftNote: DRAFT_NOTE,
    name,
    nameNote: NAME_NOTE,
    ...(title ? { title } : {}),
    avatarSeed: avatarSeed(input.seed, input.persona, name),
    evidence: thin ? "thin" : "distinguishing",
    tagline: titled
      ? section([sentence(`${title}: someone who ${clause(titled)}.`, [titled])])
      : top.length > 0
        ? // A title made from labels would only repeat the sentence: say what they do instead.
          section([
            sentence(`Someone who ${listing(top.slice(0, 2).map(clause))}.`, top.slice(0, 2)),
          ])
        : thinSection(),
    job: jobQuestions.length > 0 ? section(job) : section([], ASK_NEXT_TIME.job),
    demographics:
      otherDemographics.length > 0
        ? section(demographics)
        : section([], ASK_NEXT_TIME.demographics),
    goals: roleSection("GOAL"),
    challenges: roleSection("PAIN"),
    values: roleSection("VALUE"),
    fears: roleSection("FEAR"),
    marketingMessage: thin ? thinSection() : section(marketing),
    elevatorPitch: thin ? thinSection() : section(pitch),
    quotes,
    quotesNote,
  };
}

/** True for answers that carry no words worth quoting ("NA", "-", "nothing", "ok"). */
export function isQuotable(answer: string): boolean {
  const text = answer.trim();
  const token = text.toLowerCase().replace(/[.!]+$/, "");
  if (MISSING_TOKENS.has(token)) return false;
  return words(text).length >= MIN_QUOTE_WORDS;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** Sentences of an answer, normalised, so two quotes repeating the same line are caught. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((line) => words(line).join(" "))
    .filter((line) => line.split(" ").length >= MIN_QUOTE_WORDS);
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/**
 * Quotes from the members closest to the centre first (one per respondent, so a talkative
 * member cannot speak for everyone), skipping blanks, answers too short to say anything, and
 * answers that repeat a quote already chosen.
 */
function quotesFor(input: CardInput): { quotes: Quote[]; note: string | null } {
  const thoughtQuestions = input.questions.filter((q) => q.role === "THOUGHT" && q.kind === "text");
  if (thoughtQuestions.length === 0) return { quotes: [], note: ASK_NEXT_TIME.quotes };
  const limit = input.quotesPerPersona ?? 3;
  const quotes: Quote[] = [];
  const chosen: { bag: Set<string>; lines: Set<string> }[] = [];
  input.representatives.forEach((response, i) => {
    if (quotes.length >= limit) return;
    for (const q of thoughtQuestions) {
      const answer = response.answers[q.id];
      if (typeof answer !== "string" || !isQuotable(answer)) continue;
      const bag = new Set(words(answer));
      const lines = sentencesOf(answer);
      if (chosen.some((other) => overlap(bag, other.bag) > MAX_QUOTE_OVERLAP)) continue;
      if (chosen.some((other) => lines.some((l) => other.lines.has(l)))) continue;
      chosen.push({ bag, lines: new Set(lines) });
      quotes.push({
        responseId: response.id,
        questionId: q.id,
        questionLabel: q.label,
        text: answer.trim(),
        closenessRank: i + 1,
      });
      return;
    }
  });
  const note =
    quotes.length === 0
      ? `None of the persona's typical members gave an open answer of at least ${MIN_QUOTE_WORDS} words.`
      : null;
  return { quotes, note: note && capitalise(note) };
}
